import { sql } from 'drizzle-orm'
import type { Transaction } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { JobError } from './job-error'

export interface HeldCode {
  code: string
  /** False when the contact already held this code from an earlier send. */
  newlyAssigned: boolean
}

/**
 * The contact's code from `pool`: the one they already hold, else the oldest free one, assigned
 * to them in the caller's transaction — if the send that carries it is refused, the transaction
 * rolls back and the code is free again. The contact row is locked first so two jobs for the same
 * person cannot take two codes; other contacts' jobs skip codes being taken (SKIP LOCKED).
 */
export async function takeDiscountCode(
  tx: Transaction,
  input: { workspaceId: string; contactId: string; pool: string; now: Date },
): Promise<HeldCode> {
  await tx.execute(sql`select id from contacts where id = ${input.contactId} for update`)
  const [held] = await queryRows<{ code: string }>(
    tx,
    sql`select code from discount_codes
        where workspace_id = ${input.workspaceId} and pool = ${input.pool} and contact_id = ${input.contactId}
        order by assigned_at limit 1`,
  )
  if (held) return { code: held.code, newlyAssigned: false }

  const [free] = await queryRows<{ id: string; code: string }>(
    tx,
    sql`select id, code from discount_codes
        where workspace_id = ${input.workspaceId} and pool = ${input.pool}
          and contact_id is null and assigned_at is null
        order by created_at, id
        limit 1
        for update skip locked`,
  )
  if (!free) {
    throw new JobError(
      'discount_pool_empty',
      `Discount pool "${input.pool}" has no free codes left: load more with POST /api/v1/discount-pools/${input.pool}/codes.`,
      false,
    )
  }
  await tx.execute(
    sql`update discount_codes set contact_id = ${input.contactId}, assigned_at = ${input.now.toISOString()}::timestamptz
        where id = ${free.id}`,
  )
  return { code: free.code, newlyAssigned: true }
}
