import { and, asc, eq, gt, isNotNull, isNull, type SQL, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { discountCodes } from '../../db/schema'
import { ConflictError, NotFoundError } from '../../lib/errors'
import { ruleList, rulesReferencing } from '../rules/rule-references'

export interface PoolCounts {
  pool: string
  total: number
  free: number
  assigned: number
}

export interface LoadedCodes extends PoolCounts {
  received: number
  added: number
  /** Codes given twice in the request or already in the pool; each is stored once. */
  duplicates: number
}

const CHUNK = 1000

/** Adds codes to a pool; a code already there (or repeated) is kept once and counted as a duplicate. */
export async function loadDiscountCodes(
  db: Executor,
  workspaceId: string,
  pool: string,
  codes: string[],
): Promise<LoadedCodes> {
  const unique = [...new Set(codes)]
  let added = 0
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db
      .insert(discountCodes)
      .values(unique.slice(i, i + CHUNK).map((code) => ({ workspaceId, pool, code })))
      .onConflictDoNothing()
      .returning({ id: discountCodes.id })
    added += rows.length
  }
  const counts = (await poolCounts(db, workspaceId, pool))[0] ?? { pool, total: 0, free: 0, assigned: 0 }
  return { ...counts, received: codes.length, added, duplicates: codes.length - added }
}

export function listDiscountPools(db: Executor, workspaceId: string): Promise<PoolCounts[]> {
  return poolCounts(db, workspaceId)
}

async function poolCounts(db: Executor, workspaceId: string, pool?: string): Promise<PoolCounts[]> {
  const rows = await queryRows<PoolCounts>(
    db,
    sql`select pool, count(*)::int as total,
          count(*) filter (where contact_id is null and assigned_at is null)::int as free,
          count(*) filter (where assigned_at is not null)::int as assigned
        from discount_codes
        where workspace_id = ${workspaceId} ${pool === undefined ? sql`` : sql`and pool = ${pool}`}
        group by pool order by pool`,
  )
  return rows
}

export interface CodeRow {
  code: string
  contact_id: string | null
  assigned_at: string | null
  created_at: string
}

/** A pool's codes in code order, a page at a time; `after` is the last code of the previous page. */
export async function listDiscountCodes(
  db: Executor,
  workspaceId: string,
  pool: string,
  options: { assigned?: boolean; limit: number; after?: string },
): Promise<{ codes: CodeRow[]; next: string | null }> {
  const where: SQL[] = [eq(discountCodes.workspaceId, workspaceId), eq(discountCodes.pool, pool)]
  if (options.assigned === true) where.push(isNotNull(discountCodes.assignedAt))
  if (options.assigned === false)
    where.push(isNull(discountCodes.assignedAt), isNull(discountCodes.contactId))
  if (options.after !== undefined) where.push(gt(discountCodes.code, options.after))
  const rows = await db
    .select()
    .from(discountCodes)
    .where(and(...where))
    .orderBy(asc(discountCodes.code))
    .limit(options.limit + 1)
  const page = rows.slice(0, options.limit)
  return {
    codes: page.map((r) => ({
      code: r.code,
      contact_id: r.contactId,
      assigned_at: r.assignedAt?.toISOString() ?? null,
      created_at: r.createdAt.toISOString(),
    })),
    next: rows.length > options.limit ? (page.at(-1)?.code ?? null) : null,
  }
}

/** Removes a code nobody holds (loaded by mistake); a code already given out stays as history. */
export async function deleteFreeCode(
  db: Executor,
  workspaceId: string,
  pool: string,
  code: string,
): Promise<void> {
  const match = and(
    eq(discountCodes.workspaceId, workspaceId),
    eq(discountCodes.pool, pool),
    eq(discountCodes.code, code),
  )
  const deleted = await db
    .delete(discountCodes)
    .where(and(match, isNull(discountCodes.contactId), isNull(discountCodes.assignedAt)))
    .returning({ id: discountCodes.id })
  if (deleted.length > 0) return
  const [exists] = await db.select({ id: discountCodes.id }).from(discountCodes).where(match).limit(1)
  if (exists) throw new ConflictError(`Code "${code}" was already given to a contact; it is kept.`)
  throw new NotFoundError(`Pool "${pool}" has no code "${code}".`)
}

/**
 * Removes a whole pool, codes given out included (the sent messages keep what each contact got).
 * Refused while a rule hands out codes from it: the rule would fail at every firing.
 */
export async function deletePool(db: Executor, workspaceId: string, pool: string): Promise<number> {
  const users = await rulesReferencing(db, workspaceId, 'pool', pool)
  if (users.length > 0)
    throw new ConflictError(
      `Pool "${pool}" is used by ${users.length === 1 ? 'rule' : 'rules'} ${ruleList(users)}; change or delete ${users.length === 1 ? 'that rule' : 'those rules'} first.`,
    )
  const deleted = await db
    .delete(discountCodes)
    .where(and(eq(discountCodes.workspaceId, workspaceId), eq(discountCodes.pool, pool)))
    .returning({ id: discountCodes.id })
  if (deleted.length === 0) throw new NotFoundError(`There is no pool "${pool}" in this workspace.`)
  return deleted.length
}
