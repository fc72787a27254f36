import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import { decryptSecret } from '../lib/crypto'
import {
  downloadMedia,
  type MediaApiConfig,
  MediaFetchError,
  retrieveMediaInfo,
  sha256Matches,
} from './cloud-media-client'
import type { MediaStorage } from './storage'
import type { StoredFiles } from './store-media'
import { storeMediaFiles } from './store-media'

/** A claimed row of the media queue. */
export interface ClaimedMedia {
  id: string
  workspace_id: string
  channel_id: string
  kind: string
  meta_media_id: string
  meta_sha256: string | null
  source_mime_type: string | null
  attempts: number
}

export interface MediaJobDeps {
  db: Executor
  storage: MediaStorage
  api: MediaApiConfig
  encryptionKey: Buffer
  imageLimits: { maxSide: number; maxJpegBytes: number }
  maxAttempts: number
  retryBaseMs: number
}

export type MediaOutcome =
  | { state: 'stored' }
  | { state: 'pending' | 'failed'; reason: string; detail: string }

/**
 * One attempt at one media object: look the id up, download at once, check the sha256 against
 * what Meta announced (in the webhook and in the lookup), store, record. A passing failure is
 * retried after 1×, 4×, 16× … the base wait; a permanent one, or the last attempt, marks the
 * object failed so the thread shows it.
 */
export async function fetchMediaObject(deps: MediaJobDeps, row: ClaimedMedia): Promise<MediaOutcome> {
  let files: StoredFiles
  try {
    const [channel] = await queryRows<{ phone_number_id: string; access_token_enc: string | null }>(
      deps.db,
      sql`select phone_number_id, access_token_enc from whatsapp_channels where id = ${row.channel_id}::uuid`,
    )
    if (!channel?.access_token_enc)
      throw new MediaFetchError('no_access_token', 'the channel has no Cloud API access token', false)
    const token = decryptSecret(channel.access_token_enc, deps.encryptionKey)
    const info = await retrieveMediaInfo(deps.api, row.meta_media_id, channel.phone_number_id, token)
    const bytes = await downloadMedia(deps.api, info, token)
    if (!sha256Matches(bytes, row.meta_sha256) || !sha256Matches(bytes, info.sha256))
      throw new MediaFetchError(
        'checksum_mismatch',
        "the downloaded file does not match Meta's sha256",
        false,
      )
    files = await storeMediaFiles(
      deps.storage,
      {
        id: row.id,
        workspaceId: row.workspace_id,
        kind: row.kind,
        mimeType: info.mimeType ?? row.source_mime_type,
      },
      bytes,
      deps.imageLimits,
    )
  } catch (error) {
    const failure =
      error instanceof MediaFetchError
        ? error
        : new MediaFetchError('meta_unavailable', (error as Error).message, false)
    return recordFailure(deps, row, failure)
  }
  await deps.db.execute(sql`
    update media_objects set state = 'stored', lease_until = null, failure_reason = null, failure_detail = null,
      source_bytes = ${files.sourceBytes}, source_sha256 = ${files.sourceSha256}, file_key = ${files.fileKey},
      file_mime_type = ${files.fileMimeType}, file_bytes = ${files.fileBytes}, width = ${files.width},
      height = ${files.height}, thumb_key = ${files.thumbKey}, thumb_bytes = ${files.thumbBytes},
      animation_key = ${files.animationKey}, stored_at = clock_timestamp()
    where id = ${row.id}::uuid and attempts = ${row.attempts}`)
  return { state: 'stored' }
}

async function recordFailure(
  deps: MediaJobDeps,
  row: ClaimedMedia,
  failure: MediaFetchError,
): Promise<MediaOutcome> {
  const final = failure.permanent || row.attempts >= deps.maxAttempts
  const state = final ? 'failed' : 'pending'
  const waitMs = deps.retryBaseMs * 4 ** Math.max(0, row.attempts - 1)
  await deps.db.execute(sql`
    update media_objects set state = ${state}, lease_until = null,
      failure_reason = ${failure.reason}, failure_detail = ${failure.message.slice(0, 500)},
      run_after = clock_timestamp() + make_interval(secs => ${waitMs / 1000})
    where id = ${row.id}::uuid and attempts = ${row.attempts}`)
  return { state, reason: failure.reason, detail: failure.message }
}
