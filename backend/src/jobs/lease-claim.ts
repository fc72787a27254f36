import { type SQL, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'

/**
 * How one queue table is claimed. Every queue keeps its own table and columns; this says which
 * rows are due and what a claim writes, and `claimDue` owns the statement: SKIP LOCKED so any
 * number of workers in any number of processes take disjoint rows, a lease expiry so a crashed
 * worker's rows come back, an attempt count, and parking of rows claimed too often.
 *
 * SQL fragments see the table under the alias `q` and may name its columns unqualified.
 */
export interface LeaseQueue {
  table: string
  /** Key column; default `id`. */
  id?: string
  /** Its type, so renewal can use the key's index; default `bigint`. */
  idType?: 'bigint' | 'uuid' | 'text'
  /** Rows claimable at `at` (a timestamptz expression), an expired lease included in the queue's own terms. */
  due: (at: SQL) => SQL
  /** Which due rows go first. */
  orderBy: SQL
  /** Column holding the lease's expiry (some queues keep it in their next-attempt column). */
  leaseColumn: string
  /** Further assignments of a claim, e.g. sql`state = 'processing'`. */
  claimSet?: SQL
  /** Column counting claims, raised by one per claim; omitted when the queue counts attempts itself. */
  attemptsColumn?: string
  /** Columns returned per claimed row. */
  returning: SQL
  /** Rows already claimed `maxAttempts` times (their worker kept dying) get `set` instead of a new lease. */
  deadLetter?: { maxAttempts: number; set: SQL }
  /** A row still under a lease (renewal touches only those), e.g. sql`state = 'processing'`. */
  held?: SQL
}

/** What renewal needs of a queue: where the lease lives and which rows still count as held. */
export type LeaseTarget = Pick<
  LeaseQueue,
  'table' | 'id' | 'idType' | 'leaseColumn' | 'attemptsColumn' | 'held'
>

export interface ClaimOptions {
  limit: number
  leaseMs: number
  /** The clock the claim runs on; the database's `clock_timestamp()` when omitted. */
  now?: Date
}

export interface ClaimResult<Row> {
  rows: Row[]
  /** Rows parked by `deadLetter` in this claim. */
  deadLettered: number
}

const at = (now: Date | undefined): SQL =>
  now ? sql`${now.toISOString()}::timestamptz` : sql`clock_timestamp()`
const secs = (ms: number): SQL => sql`make_interval(secs => ${ms / 1000})`

/** Claims up to `limit` due rows under a lease of `leaseMs`; one statement, so claims never overlap. */
export async function claimDue<Row>(
  db: Executor,
  queue: LeaseQueue,
  options: ClaimOptions,
): Promise<ClaimResult<Row>> {
  const table = sql.identifier(queue.table)
  const id = sql.identifier(queue.id ?? 'id')
  const lease = sql.identifier(queue.leaseColumn)
  const time = at(options.now)
  const attempts = queue.attemptsColumn ? sql.identifier(queue.attemptsColumn) : null
  const spent =
    queue.deadLetter && attempts ? sql`${attempts} >= ${queue.deadLetter.maxAttempts}` : sql`false`
  const sets: SQL[] = [sql`${lease} = ${time} + ${secs(options.leaseMs)}`]
  if (attempts) sets.push(sql`${attempts} = q.${attempts} + 1`)
  if (queue.claimSet) sets.push(queue.claimSet)
  const parked = queue.deadLetter
    ? sql`parked as (
            update ${table} q set ${queue.deadLetter.set}
              from due where q.${id} = due.lease_key and due.spent
            returning 1),`
    : sql`parked as (select 1 where false),`
  type Marked = Row & { lease_claimed: boolean | null; lease_parked: number }
  const result = await queryRows<Marked>(
    db,
    sql`with due as (
          select q.${id} as lease_key, ${spent} as spent from ${table} q
           where ${queue.due(time)}
           order by ${queue.orderBy}
           limit ${options.limit}
           for update skip locked),
        ${parked}
        claimed as (
          update ${table} q set ${sql.join(sets, sql`, `)}
            from due where q.${id} = due.lease_key and not due.spent
          returning true as lease_claimed, ${queue.returning})
        select (select count(*)::int from parked) as lease_parked, claimed.*
          from (select 1) one left join claimed on true`,
  )
  const rows: Row[] = []
  for (const { lease_claimed, lease_parked: _, ...row } of result) if (lease_claimed) rows.push(row as Row)
  return { rows, deadLettered: result[0]?.lease_parked ?? 0 }
}

/**
 * Heartbeat: extends the leases this worker still holds. `attempts` (when the queue counts them)
 * fences the renewal, so a worker whose lease already passed to another keeps nothing.
 * Returns the keys renewed; a key missing from it was lost.
 */
export async function renewLeases(
  db: Executor,
  queue: LeaseTarget,
  held: { id: number | string; attempts?: number }[],
  leaseMs: number,
): Promise<string[]> {
  if (held.length === 0) return []
  const table = sql.identifier(queue.table)
  const id = sql.identifier(queue.id ?? 'id')
  const lease = sql.identifier(queue.leaseColumn)
  const fence = queue.attemptsColumn
    ? sql`and (h.held_attempts is null or q.${sql.identifier(queue.attemptsColumn)} = h.held_attempts)`
    : sql``
  const list = JSON.stringify(held.map((h) => ({ held_id: String(h.id), held_attempts: h.attempts ?? null })))
  const rows = await queryRows<{ id: string | number }>(
    db,
    sql`update ${table} q set ${lease} = clock_timestamp() + ${secs(leaseMs)}
          from jsonb_to_recordset(${list}::jsonb) as h(held_id text, held_attempts int)
         where q.${id} = h.held_id::${sql.raw(queue.idType ?? 'bigint')} ${fence} ${queue.held ? sql`and ${queue.held}` : sql``}
        returning q.${id} as id`,
  )
  return rows.map((r) => String(r.id))
}

/**
 * Locks up to `limit` due rows for the calling transaction, no lease: the rows are this
 * transaction's until it ends, and other transactions skip them (pages of a sweep).
 */
export async function lockDue<Row>(
  tx: Executor,
  options: { table: string; alias?: string; due: SQL; orderBy: SQL; limit: number; columns: SQL },
): Promise<Row[]> {
  const alias = sql.identifier(options.alias ?? 'q')
  return queryRows<Row>(
    tx,
    sql`select ${options.columns} from ${sql.identifier(options.table)} ${alias}
         where ${options.due}
         order by ${options.orderBy}
         limit ${options.limit}
         for update of ${alias} skip locked`,
  )
}
