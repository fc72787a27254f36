import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import type { CrmOutboxKind } from '../../db/schema'
import { claimDue, type LeaseQueue, type LeaseTarget } from '../../jobs/lease-claim'

export interface ClaimedChange {
  id: number
  subjectId: string
  version: number
  attempts: number
  firstChangedAt: Date
}

export interface ClaimOptions {
  limit: number
  /** A subject is written once no change came for this long (so a burst becomes one write)... */
  settleMs: number
  /** ...or once its first unsent change is this old, whatever keeps coming. */
  maxWaitMs: number
  leaseMs: number
}

/**
 * One connection's changes of one kind. Attempts are counted when a write fails (`retryChanges`),
 * not per claim: a change only waiting for the rate limit has not failed.
 */
const outboxQueue = (connectionId: string, kind: CrmOutboxKind, options: ClaimOptions): LeaseQueue => ({
  table: 'crm_outbox',
  due: (at) =>
    sql`connection_id = ${connectionId} and kind = ${kind} and parked_at is null
        and available_at <= ${at}
        and (lease_until is null or lease_until < ${at})
        and (changed_at <= ${at} - make_interval(secs => ${options.settleMs / 1000})
             or first_changed_at <= ${at} - make_interval(secs => ${options.maxWaitMs / 1000}))`,
  orderBy: sql`first_changed_at`,
  leaseColumn: 'lease_until',
  returning: sql`id, subject_id, version, attempts, first_changed_at`,
  held: sql`lease_until is not null`,
})

/** Where a claimed change's lease lives (any connection, any kind), for the round's heartbeat. */
export const crmOutboxLease: LeaseTarget = {
  table: 'crm_outbox',
  leaseColumn: 'lease_until',
  held: sql`lease_until is not null`,
}

/**
 * Claims due changes of one kind for a connection (with a lease so a crashed worker's claims come
 * back). Oldest first; the caller writes them in one batch.
 */
export async function claimChanges(
  db: Executor,
  connectionId: string,
  kind: CrmOutboxKind,
  options: ClaimOptions,
): Promise<ClaimedChange[]> {
  const { rows } = await claimDue<{
    id: number | string
    subject_id: string
    version: number
    attempts: number
    first_changed_at: string | Date
  }>(db, outboxQueue(connectionId, kind, options), options)
  return rows
    .map((r) => ({
      id: Number(r.id),
      subjectId: r.subject_id,
      version: r.version,
      attempts: r.attempts,
      firstChangedAt: new Date(r.first_changed_at),
    }))
    .sort((a, b) => a.firstChangedAt.getTime() - b.firstChangedAt.getTime())
}

/**
 * The CRM accepted what we sent: forget the change, unless a newer one arrived meanwhile (its
 * version moved on), which then goes out in a later batch.
 */
export async function completeChanges(db: Executor, changes: ClaimedChange[]): Promise<void> {
  if (changes.length === 0) return
  const done = JSON.stringify(changes.map((c) => ({ id: c.id, version: c.version })))
  await db.execute(sql`
    delete from crm_outbox o using jsonb_to_recordset(${done}::jsonb) as done(id bigint, version int)
     where o.id = done.id and o.version = done.version`)
  await db.execute(sql`
    update crm_outbox set lease_until = null, attempts = 0, last_error = null
     where id in ${idList(changes)} and lease_until is not null`)
}

/** Try again later; counts as an attempt unless the CRM only asked us to slow down. */
export async function retryChanges(
  db: Executor,
  changes: ClaimedChange[],
  delayMs: number,
  error: string,
  countsAsAttempt: boolean,
): Promise<void> {
  if (changes.length === 0) return
  await db.execute(sql`
    update crm_outbox
       set lease_until = null,
           available_at = clock_timestamp() + make_interval(secs => ${delayMs / 1000}),
           attempts = attempts + ${countsAsAttempt ? 1 : 0},
           last_error = ${error.slice(0, 1000)}
     where id in ${idList(changes)}`)
}

/** Out of the queue after its last try; a review item says why (resolving it can requeue). */
export async function parkChanges(db: Executor, changes: ClaimedChange[], error: string): Promise<void> {
  if (changes.length === 0) return
  await db.execute(sql`
    update crm_outbox set lease_until = null, parked_at = clock_timestamp(), last_error = ${error.slice(0, 1000)},
           attempts = attempts + 1
     where id in ${idList(changes)}`)
}

/** Nothing to write for these (subject gone, or nothing changed): drop them. */
export async function dropChanges(db: Executor, changes: ClaimedChange[]): Promise<void> {
  if (changes.length === 0) return
  await completeChanges(db, changes)
}

/** Queues a subject for a connection by hand (backfill, a remote change we must answer). */
export async function touchOutbox(
  db: Executor,
  workspaceId: string,
  kind: CrmOutboxKind,
  subjectId: string,
): Promise<void> {
  await db.execute(sql`select scrm_crm_outbox_touch(${workspaceId}::uuid, ${kind}, ${subjectId})`)
}

const idList = (changes: ClaimedChange[]) =>
  sql`(select jsonb_array_elements_text(${JSON.stringify(changes.map((c) => c.id))}::jsonb)::bigint)`

/**
 * Queues a subject for one connection (a contact merge to carry out in that CRM): a new row, or
 * one more version of the row already waiting.
 */
export async function queueOutbox(
  db: Executor,
  workspaceId: string,
  connectionId: string,
  kind: CrmOutboxKind,
  subjectId: string,
): Promise<void> {
  await db.execute(sql`
    insert into crm_outbox (workspace_id, connection_id, kind, subject_id)
    values (${workspaceId}, ${connectionId}, ${kind}, ${subjectId})
    on conflict (connection_id, kind, subject_id) do update
       set version = crm_outbox.version + 1, changed_at = clock_timestamp(), parked_at = null`)
}
