import type { Executor } from '../db/client'
import { moveContactIdentity } from './move-identity'

/** A customer's new number and/or BSUID, announced by a `system` message. */
export interface IdentityChange {
  contactId: string
  newPhone: string | null
  newBsuid: string | null
  /** When the system message was sent; the history says the change happened then. */
  at?: Date
}

/** `system` messages announcing a new number or BSUID move the contact, unless another owns it. */
export async function applyIdentityChanges(tx: Executor, changes: IdentityChange[]): Promise<void> {
  for (const { contactId, newPhone, newBsuid, at } of changes) {
    const when = at ?? new Date()
    if (newPhone) {
      await moveContactIdentity(tx, {
        contactId,
        kind: 'phone',
        to: newPhone,
        reason: 'number_change',
        at: when,
      })
    }
    if (newBsuid) {
      await moveContactIdentity(tx, {
        contactId,
        kind: 'bsuid',
        to: newBsuid,
        reason: 'bsuid_change',
        at: when,
      })
    }
  }
}
