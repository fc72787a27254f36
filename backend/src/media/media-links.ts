import type { ThreadMessage } from '@scrm/shared'
import { inArray } from 'drizzle-orm'
import type { Database } from '../db/client'
import { type MediaObject, mediaObjects } from '../db/schema'
import { explainMediaFailure } from './media-failures'
import type { MediaLinkSigner } from './signed-url'

/**
 * Fills each media message's links from our copy: signed, short-lived URLs to the stored file and
 * thumbnail, the fetch state and, when it failed, why. `origin` makes the links absolute (cards
 * and CRM timelines open them from elsewhere).
 */
export async function withMediaLinks<T extends { messages: ThreadMessage[] }>(
  db: Database,
  signer: MediaLinkSigner,
  origin: string,
  view: T,
  now = Date.now(),
): Promise<T> {
  const ids = view.messages.filter((m) => m.media).map((m) => Number(m.id))
  if (ids.length === 0) return view
  const rows = await db.select().from(mediaObjects).where(inArray(mediaObjects.messageId, ids))
  const byMessage = new Map(rows.map((r) => [String(r.messageId), r]))
  const base = origin.replace(/\/$/, '')
  for (const message of view.messages) {
    const row = message.media ? byMessage.get(message.id) : undefined
    if (!message.media || !row) continue
    Object.assign(message.media, mediaLinkFields(row, signer, base, now))
  }
  return view
}

export function mediaLinkFields(row: MediaObject, signer: MediaLinkSigner, base: string, now = Date.now()) {
  const stored = row.state === 'stored'
  const link = (key: string | null, variant: 'file' | 'thumb' | 'animation') =>
    stored && key ? `${base}${signer.sign(row.id, variant, now)}` : null
  return {
    url: link(row.fileKey, 'file'),
    thumbnail_url: link(row.thumbKey, 'thumb'),
    animation_url: link(row.animationKey, 'animation'),
    url_expires_at: stored ? new Date(now + signer.ttlSeconds * 1000).toISOString() : null,
    state: row.state,
    failure:
      row.failureReason && row.state !== 'stored'
        ? { reason: row.failureReason, explanation: explainMediaFailure(row.failureReason) as string }
        : null,
    stored_mime_type: stored ? row.fileMimeType : null,
    stored_bytes: stored ? row.fileBytes : null,
    width: row.width,
    height: row.height,
  }
}
