import { e164ToWaId } from '@scrm/shared'
import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import type { IdentityChangeReason } from '../db/schema'

export interface IdentityMove {
  contactId: string
  kind: 'phone' | 'bsuid'
  to: string
  reason: IdentityChangeReason
  at: Date
}

/**
 * Moves a contact to a new number (or BSUID) unless another contact of the workspace owns it:
 * the old value goes to the contact's identity history (so the old number's thread still finds
 * the person), and sends still queued for the old number go to the new one. The contact row
 * change reaches every connected CRM through the contact triggers, like any other edit.
 * Returns whether the contact moved.
 */
export async function moveContactIdentity(tx: Executor, move: IdentityMove): Promise<boolean> {
  const column = move.kind === 'phone' ? sql`phone_e164` : sql`bsuid`
  const stamp = move.at.getTime()
  const versions = JSON.stringify(move.kind === 'phone' ? { phone: stamp } : { bsuid: stamp })
  const [moved] = await queryRows<{ workspace_id: string; previous: string | null }>(
    tx,
    sql`
      with before as (select id, workspace_id, ${column} as previous from contacts where id = ${move.contactId} for update)
      update contacts c set ${column} = ${move.to},
        wa_id = ${move.kind === 'phone' ? sql`${e164ToWaId(move.to)}` : sql`c.wa_id`},
        field_versions = c.field_versions || ${versions}::jsonb, updated_at = now()
      from before b
      where c.id = b.id and b.previous is distinct from ${move.to}
        and not exists (select 1 from contacts o where o.workspace_id = c.workspace_id and o.${column} = ${move.to})
      returning b.workspace_id, b.previous`,
  )
  if (!moved) return false
  if (moved.previous) {
    await tx.execute(sql`
      insert into contact_identity_history (workspace_id, contact_id, kind, previous_value, new_value, reason, changed_at)
      values (${moved.workspace_id}, ${move.contactId}, ${move.kind}, ${moved.previous}, ${move.to}, ${move.reason},
              ${move.at.toISOString()}::timestamptz)`)
  }
  if (move.kind === 'phone') {
    // Only sends not yet handed to Meta: one in flight already went to the number it named.
    await tx.execute(sql`
      update send_jobs set recipient = ${e164ToWaId(move.to)}
       where contact_id = ${move.contactId} and state in ('queued', 'held')
         and recipient = ${moved.previous ? e164ToWaId(moved.previous) : ''}`)
  }
  return true
}

/** Numbers (or BSUIDs) the contact left, so a late message from one does not move it back. */
export async function previousValues(
  tx: Executor,
  contactIds: string[],
  kind: 'phone' | 'bsuid',
): Promise<Set<string>> {
  if (contactIds.length === 0) return new Set()
  const rows = await queryRows<{ contact_id: string; previous_value: string }>(
    tx,
    sql`select contact_id, previous_value from contact_identity_history
         where kind = ${kind} and contact_id = any(${`{${contactIds.join(',')}}`}::uuid[])`,
  )
  return new Set(rows.map((r) => `${r.contact_id}|${r.previous_value}`))
}
