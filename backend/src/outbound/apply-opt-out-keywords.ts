import { eq, inArray, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { contacts, workspaces } from '../db/schema'
import { isOptOut } from './opt-out-keywords'
import { policyOf } from './policy-settings'

/** A message that may be an opt-out keyword: only a customer's short text qualifies. */
export interface KeywordCandidate {
  contactId: string
  workspaceId: string
  direction: 'inbound' | 'outbound'
  type: string
  text: string | null
  sentAt: Date
}

/** A customer who writes only "STOP" (or BAIXA, BAJA, 退订 ...) is opted out of everything. */
export async function applyOptOutKeywords(tx: Executor, msgs: KeywordCandidate[]): Promise<void> {
  const candidates = msgs.filter(
    (m) => m.direction === 'inbound' && m.type === 'text' && m.text && m.text.length <= 40,
  )
  if (candidates.length === 0) return
  const workspaceIds = [...new Set(candidates.map((m) => m.workspaceId))]
  const settings = await tx
    .select({ id: workspaces.id, settings: workspaces.settings })
    .from(workspaces)
    .where(inArray(workspaces.id, workspaceIds))
  const keywords = new Map(settings.map((w) => [w.id, policyOf(w.settings).opt_out_keywords]))
  for (const m of candidates) {
    if (!isOptOut(m.text, keywords.get(m.workspaceId) ?? [])) continue
    await tx
      .update(contacts)
      .set({
        optInStatus: 'opted_out',
        optInSource: `keyword: ${m.text}`,
        optInAt: m.sentAt,
        fieldVersions: sql`${contacts.fieldVersions} || ${JSON.stringify({ opt_in_status: m.sentAt.getTime() })}::jsonb`,
        updatedAt: new Date(),
      })
      .where(eq(contacts.id, m.contactId))
  }
}
