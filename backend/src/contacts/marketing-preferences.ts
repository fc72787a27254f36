import { and, eq, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { contacts } from '../db/schema'

/** A `user_preferences` item for one contact: `marketing_messages` set to stop, resume or signup. */
export interface ContactPreference {
  contactId: string
  category: string
  value: string
  at: Date
}

/**
 * `user_preferences` stop / resume for marketing messages. The field's write time decides, so a
 * late redelivery of an old `stop` cannot undo a newer `resume`.
 */
export async function applyMarketingPreferences(tx: Executor, prefs: ContactPreference[]): Promise<void> {
  const marketing = prefs.filter((p) => p.category === 'marketing_messages').sort((a, b) => +a.at - +b.at)
  for (const p of marketing) {
    const stop = p.value === 'stop'
    if (!stop && p.value !== 'resume' && p.value !== 'signup') continue
    const at = p.at.getTime()
    await tx
      .update(contacts)
      .set({
        marketingOptOutAt: stop ? p.at : null,
        fieldVersions: sql`${contacts.fieldVersions} || ${JSON.stringify({ marketing_opt_out: at })}::jsonb`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(contacts.id, p.contactId),
          sql`coalesce((${contacts.fieldVersions} ->> 'marketing_opt_out')::bigint, 0) <= ${at}`,
        ),
      )
  }
}
