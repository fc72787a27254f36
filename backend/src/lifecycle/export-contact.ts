import { sql } from 'drizzle-orm'
import { strToU8, zipSync } from 'fflate'
import type { Database } from '../db/client'
import { queryRows } from '../db/query-rows'
import { NotFoundError } from '../lib/errors'
import { displayPgJson, displayPgText } from '../lib/pg-text'
import type { MediaStorage } from '../media/storage'
import { type AuditRecord, recordAudit } from './audit-log'
import { transcriptHtml } from './transcript-html'

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/aac': 'aac',
  'audio/amr': 'amr',
  'video/mp4': 'mp4',
  'video/3gpp': '3gp',
  'text/plain': 'txt',
}

export interface ContactExport {
  filename: string
  zip: Uint8Array
}

/**
 * Everything the product holds about a person, for an access request: profile and consents, every
 * message, tags, CRM links and the media files we kept, as JSON for machines and an escaped HTML
 * transcript for people, in one zip. The export itself is audited.
 */
export async function exportContact(
  db: Database,
  storage: MediaStorage,
  request: { workspaceId: string; contactId: string; actor: Omit<AuditRecord, 'action' | 'workspaceId'> },
  now = new Date(),
): Promise<ContactExport> {
  const [profile] = await queryRows<Record<string, unknown>>(
    db,
    sql`select id, phone_e164, wa_id, bsuid, username, profile_name, name, email, language,
               opt_in_status, opt_in_source, opt_in_at, marketing_opt_out_at, segment, priority,
               attributes, created_at, updated_at
          from contacts where id = ${request.contactId}::uuid and workspace_id = ${request.workspaceId}::uuid`,
  )
  if (!profile) throw new NotFoundError('No such contact in this workspace.')
  const messages = await queryRows<{
    id: string
    wamid: string | null
    direction: 'inbound' | 'outbound'
    type: string
    text: string | null
    payload: Record<string, unknown>
    status: string
    sender: string
    sent_at: Date | string
    deleted_at: Date | string | null
    media_object: string | null
    file_key: string | null
    file_mime_type: string | null
    media_state: string | null
    media_filename: string | null
  }>(
    db,
    sql`select g.id::text, g.wamid, g.direction, g.type, g.text, g.payload, g.status, g.sender, g.sent_at,
               g.deleted_at, m.id::text as media_object, m.file_key, m.file_mime_type, m.state as media_state,
               g.media_filename
          from messages g left join media_objects m on m.message_id = g.id
         where g.contact_id = ${request.contactId}::uuid order by g.sent_at, g.id`,
  )
  const tags = await queryRows<Record<string, unknown>>(
    db,
    sql`select t.key, t.label, ct.source, ct.created_at from contact_tags ct join tags t on t.id = ct.tag_id
         where ct.contact_id = ${request.contactId}::uuid order by t.key`,
  )
  const crmLinks = await queryRows<Record<string, unknown>>(
    db,
    sql`select c.provider, l.object_type, l.record_id, l.role, l.synced_at
          from crm_record_links l join crm_connections c on c.id = l.connection_id
         where l.contact_id = ${request.contactId}::uuid`,
  )
  const files: Record<string, Uint8Array> = {}
  const messageJson = []
  for (const m of messages) {
    let mediaPath: string | null = null
    if (m.file_key && m.media_state === 'stored') {
      const bytes = await storage.get(m.file_key)
      if (bytes) {
        const ext = EXTENSIONS[(m.file_mime_type ?? '').split(';')[0] as string] ?? 'bin'
        mediaPath = `media/${m.id}.${ext}`
        files[mediaPath] = bytes
      }
    }
    messageJson.push({
      id: m.id,
      wamid: m.wamid,
      direction: m.direction,
      sender: m.sender,
      type: m.type,
      text: displayPgText(m.text),
      content: displayPgJson(m.payload),
      status: m.status,
      sent_at: new Date(m.sent_at).toISOString(),
      deleted_at: m.deleted_at ? new Date(m.deleted_at).toISOString() : null,
      media: m.media_object
        ? { state: m.media_state, file: mediaPath, filename: displayPgText(m.media_filename) }
        : null,
    })
  }
  const consents = {
    opt_in_status: profile.opt_in_status,
    opt_in_source: profile.opt_in_source,
    opt_in_at: profile.opt_in_at,
    marketing_opt_out_at: profile.marketing_opt_out_at,
  }
  const person = displayPgJson(profile)
  const data = {
    exported_at: now.toISOString(),
    profile: person,
    consents,
    tags,
    crm_links: crmLinks,
    messages: messageJson,
  }
  const title = `WhatsApp conversation with ${String(person.name ?? person.profile_name ?? person.phone_e164 ?? person.id)}`
  files['data.json'] = strToU8(JSON.stringify(data, null, 2))
  files['transcript.html'] = strToU8(
    transcriptHtml(
      title,
      messageJson.map((m) => ({
        at: m.sent_at,
        direction: m.direction,
        sender: m.sender,
        type: m.type,
        text: m.deleted_at ? null : m.text,
        media: m.media?.file ?? null,
      })),
    ),
  )
  await recordAudit(db, {
    ...request.actor,
    workspaceId: request.workspaceId,
    action: 'contact.export',
    targetType: 'contact',
    targetId: request.contactId,
    detail: { messages: messages.length, media_files: Object.keys(files).length - 2 },
  })
  return {
    filename: `contact-${request.contactId}-${now.toISOString().slice(0, 10)}.zip`,
    zip: zipSync(files, { level: 6, mtime: now }),
  }
}
