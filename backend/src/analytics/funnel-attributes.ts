import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'

/** What a stored customer message tells the funnel about its contact. */
export interface FunnelEvidence {
  contactId: string
  sentAt: Date
  paymentMethod: string | null
  /** The click-to-WhatsApp ad the message came from (referral `source_id`), if any. */
  campaign: string | null
}

/**
 * Sets each contact's first payment method and first campaign on its funnel row (which the
 * `analytics_rollup` trigger created when the message was stored): a value once set stays, so the
 * funnel groups a contact by what they said first.
 */
export async function recordFunnelAttributes(tx: Executor, evidence: FunnelEvidence[]): Promise<void> {
  const first = new Map<string, { c: string; p: string | null; k: string | null }>()
  for (const e of [...evidence].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime())) {
    if (!e.paymentMethod && !e.campaign) continue
    const seen = first.get(e.contactId) ?? { c: e.contactId, p: null, k: null }
    seen.p ??= e.paymentMethod
    seen.k ??= e.campaign
    first.set(e.contactId, seen)
  }
  if (first.size === 0) return
  const rows = [...first.values()].sort((a, b) => (a.c < b.c ? -1 : 1))
  await tx.execute(sql`
    update analytics_funnel f set payment_method = coalesce(f.payment_method, v.p), campaign = coalesce(f.campaign, v.k)
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(c uuid, p text, k text)
    where f.contact_id = v.c`)
}

/** The ad a message's referral names: Meta's `source_id`, else its URL; null without a referral. */
export function campaignOf(payload: Record<string, unknown> | null | undefined): string | null {
  const referral = payload?.referral as { source_id?: unknown; source_url?: unknown } | undefined
  if (!referral || typeof referral !== 'object') return null
  const id =
    typeof referral.source_id === 'string' && referral.source_id.trim() !== '' ? referral.source_id : null
  const url =
    typeof referral.source_url === 'string' && referral.source_url.trim() !== '' ? referral.source_url : null
  return (id ?? url)?.slice(0, 200) ?? null
}
