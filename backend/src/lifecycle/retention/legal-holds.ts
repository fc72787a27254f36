import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { contacts, type LegalHold, legalHolds } from '../../db/schema'
import { NotFoundError } from '../../lib/errors'

export interface HoldRequest {
  workspaceId: string
  /** Null for a hold on the whole workspace. */
  contactId: string | null
  reason: string
  /** `<scope>:<key id>`, plus ` for <crm user>` when a card named one. */
  by: string
}

const activeHold = (workspaceId: string, contactId: string | null) =>
  and(
    eq(legalHolds.workspaceId, workspaceId),
    contactId ? eq(legalHolds.contactId, contactId) : isNull(legalHolds.contactId),
    isNull(legalHolds.liftedAt),
  )

/**
 * Places a hold; placing one where a hold is already in force answers that hold unchanged (the
 * first reason stays). Returns the hold and whether this call placed it.
 */
export async function placeHold(
  db: Database,
  request: HoldRequest,
): Promise<{ hold: LegalHold; placed: boolean }> {
  return db.transaction(async (tx) => {
    if (request.contactId) {
      const [contact] = await tx
        .select({ id: contacts.id })
        .from(contacts)
        .where(and(eq(contacts.id, request.contactId), eq(contacts.workspaceId, request.workspaceId)))
      if (!contact) throw new NotFoundError('No such contact in this workspace.')
    }
    const [inserted] = await tx
      .insert(legalHolds)
      .values({
        workspaceId: request.workspaceId,
        contactId: request.contactId,
        reason: request.reason,
        placedBy: request.by,
      })
      .onConflictDoNothing()
      .returning()
    if (inserted) return { hold: inserted, placed: true }
    const [existing] = await tx
      .select()
      .from(legalHolds)
      .where(activeHold(request.workspaceId, request.contactId))
    if (!existing) throw new Error('legal hold neither placed nor found')
    return { hold: existing, placed: false }
  })
}

/** Lifts the hold in force; the row stays with who lifted it and why. */
export async function liftHold(db: Database, request: HoldRequest): Promise<LegalHold> {
  const [lifted] = await db
    .update(legalHolds)
    .set({ liftedAt: sql`now()`, liftedBy: request.by, liftReason: request.reason })
    .where(activeHold(request.workspaceId, request.contactId))
    .returning()
  if (!lifted) throw new NotFoundError('No legal hold is in force here.')
  return lifted
}

/** Every hold of the workspace, in force and lifted, newest first. */
export function listHolds(db: Database, workspaceId: string): Promise<LegalHold[]> {
  return db
    .select()
    .from(legalHolds)
    .where(eq(legalHolds.workspaceId, workspaceId))
    .orderBy(desc(legalHolds.placedAt), desc(legalHolds.id))
}
