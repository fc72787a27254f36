import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { type AuditEntry, auditLog, type NewAuditEntry } from '../db/schema'

export type AuditRecord = Omit<NewAuditEntry, 'id' | 'at'>

/** Appends one entry; inside the caller's transaction when given one, so the change and its trail commit together. */
export async function recordAudit(db: Executor, entry: AuditRecord): Promise<void> {
  await db.insert(auditLog).values(entry)
}

export interface AuditFilter {
  workspaceId: string
  since?: Date
  until?: Date
  action?: string
  actorId?: string
  targetId?: string
  /** Entries older than this id (the previous page's last). */
  before?: number
  limit: number
}

/** A workspace's trail, newest first. */
export async function listAudit(db: Executor, filter: AuditFilter): Promise<AuditEntry[]> {
  const where: SQL[] = [eq(auditLog.workspaceId, filter.workspaceId)]
  if (filter.since) where.push(gte(auditLog.at, filter.since))
  if (filter.until) where.push(lte(auditLog.at, filter.until))
  if (filter.action) where.push(eq(auditLog.action, filter.action))
  if (filter.actorId) where.push(eq(auditLog.actorId, filter.actorId))
  if (filter.targetId) where.push(eq(auditLog.targetId, filter.targetId))
  if (filter.before !== undefined) where.push(lt(auditLog.id, filter.before))
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit)
}

/** Keys whose values are secrets or words people wrote: the trail keeps that they changed, not what to. */
const HIDDEN_VALUE =
  /token|secret|password|key|text|body|content|caption|name|phone|email|address|note|message|reason|value|url/i
const SHORT_TOKEN = /^[\w.:@/+-]{1,80}$/
/** A phone number however written (a customer's number is never kept in the trail). */
const PHONE_LIKE = /^\+?[\d\s().-]{7,}$/

/**
 * What an API change said, reduced to what a trail may keep: every field name, and the values of
 * fields that are ids, flags, numbers and enum-like words. Nested objects keep their shape.
 */
export function summarizeChange(body: unknown, depth = 0): unknown {
  if (body === null || typeof body === 'boolean' || typeof body === 'number') return body
  if (typeof body === 'string') return SHORT_TOKEN.test(body) && !PHONE_LIKE.test(body) ? body : '[changed]'
  if (Array.isArray(body))
    return depth > 2 ? `[${body.length} items]` : body.slice(0, 20).map((v) => summarizeChange(v, depth + 1))
  if (typeof body === 'object') {
    if (depth > 3) return '[object]'
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(body as Record<string, unknown>).slice(0, 50)) {
      out[k] =
        HIDDEN_VALUE.test(k) && (typeof v === 'string' || typeof v === 'number')
          ? '[changed]'
          : summarizeChange(v, depth + 1)
    }
    return out
  }
  return '[changed]'
}
