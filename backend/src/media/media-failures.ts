import type { MediaFailureReason } from './cloud-media-client'

/** Our sentence for each reason a media file is not (yet) kept, shown on the message. */
export const MEDIA_FAILURE_EXPLANATIONS: Record<MediaFailureReason, string> = {
  media_expired: 'WhatsApp no longer has this file (its media id expired before we could fetch it).',
  access_token_rejected: "WhatsApp refused the channel's access token; update the token to fetch the file.",
  no_access_token: 'The channel has no WhatsApp access token, so the file could not be fetched.',
  meta_unavailable: 'WhatsApp did not answer; the file is fetched again shortly.',
  download_failed: 'The download from WhatsApp failed; the file is fetched again shortly.',
  checksum_mismatch: "The downloaded file did not match WhatsApp's checksum, so it was not kept.",
  too_large: 'The file is larger than this server keeps.',
  unreadable_image: 'The image could not be read, so no copy was kept.',
  worker_stopped: 'The fetch was interrupted on every attempt.',
}

export function explainMediaFailure(reason: string | null): string | null {
  if (!reason) return null
  return MEDIA_FAILURE_EXPLANATIONS[reason as MediaFailureReason] ?? 'The file could not be kept.'
}
