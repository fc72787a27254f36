import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'

/** A customer's new number and/or BSUID, announced by a `system` message. */
export interface IdentityChange {
  contactId: string
  newPhone: string | null
  newBsuid: string | null
}

/** `system` messages announcing a new number or BSUID move the contact, unless another owns it. */
export async function applyIdentityChanges(tx: Executor, changes: IdentityChange[]): Promise<void> {
  for (const { contactId: id, newPhone, newBsuid } of changes) {
    const stamp = Date.now()
    if (newPhone) {
      await tx.execute(sql`
        update contacts set phone_e164 = ${newPhone}, wa_id = ${newPhone.slice(1)},
          field_versions = field_versions || ${JSON.stringify({ phone: stamp })}::jsonb, updated_at = now()
        where id = ${id} and not exists (
          select 1 from contacts o where o.workspace_id = contacts.workspace_id and o.phone_e164 = ${newPhone})`)
    }
    if (newBsuid) {
      await tx.execute(sql`
        update contacts set bsuid = ${newBsuid},
          field_versions = field_versions || ${JSON.stringify({ bsuid: stamp })}::jsonb, updated_at = now()
        where id = ${id} and not exists (
          select 1 from contacts o where o.workspace_id = contacts.workspace_id and o.bsuid = ${newBsuid})`)
    }
  }
}
