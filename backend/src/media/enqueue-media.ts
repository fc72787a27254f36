import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'

export const MEDIA_KINDS = ['image', 'sticker', 'audio', 'video', 'document'] as const

export interface MediaToFetch {
  workspaceId: string
  channelId: string
  messageId: number
  kind: string
  metaMediaId: string
  metaSha256: string | null
  mimeType: string | null
}

/**
 * Queues the fetch of each new message's media, in the caller's (ingest's) transaction: the
 * message and its fetch job commit together, so no media is forgotten between them. Idempotent.
 */
export async function enqueueMediaFetches(tx: Executor, items: MediaToFetch[]): Promise<number> {
  const rows = items.filter((i) => (MEDIA_KINDS as readonly string[]).includes(i.kind) && i.metaMediaId)
  if (rows.length === 0) return 0
  const json = JSON.stringify(
    rows.map((r) => ({
      workspace_id: r.workspaceId,
      channel_id: r.channelId,
      message_id: r.messageId,
      kind: r.kind,
      meta_media_id: r.metaMediaId,
      meta_sha256: r.metaSha256,
      source_mime_type: r.mimeType,
    })),
  )
  await tx.execute(sql`
    insert into media_objects (workspace_id, channel_id, message_id, kind, meta_media_id, meta_sha256, source_mime_type)
    select workspace_id, channel_id, message_id, kind, meta_media_id, meta_sha256, source_mime_type
      from jsonb_to_recordset(${json}::jsonb) as r(workspace_id uuid, channel_id uuid, message_id bigint,
           kind text, meta_media_id text, meta_sha256 text, source_mime_type text)
    on conflict (message_id) do nothing`)
  return rows.length
}
