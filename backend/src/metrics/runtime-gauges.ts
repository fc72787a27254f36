import { sql } from 'drizzle-orm'
import { Gauge, Registry } from 'prom-client'
import type { Database } from '../db/client'
import { queryRows } from '../db/query-rows'
import type { Logger } from '../lib/logger'
import { metricsCollectErrors as collectErrors } from '../lib/metrics'

/**
 * Queue depths read from Postgres when Prometheus scrapes: every process sharing the database
 * reports the same queues, so they are right however many workers run and wherever.
 */
export interface RuntimeGaugeSources {
  db: Database
  /** Connections in the pool, if the driver keeps one (node-postgres, Neon). */
  pool?: () => { total: number; idle: number; waiting: number }
  /** What each CRM account last reported of its request budget to this process. */
  crmBudgets?: () => { connectionId: string; provider: string; remaining: number; max: number }[]
  /** The background loops of this process and when each last finished a pass. */
  workerTicks?: () => { name: string; lastTickAt: number | null }[]
}

/**
 * A registry of this runtime's gauges (several runtimes can live in one test process, each on its
 * own database). `/metrics` merges it with the process registry of counters.
 */
export function runtimeGauges(sources: RuntimeGaugeSources, logger: Logger): Registry {
  const registry = new Registry()
  const gauge = (
    name: string,
    help: string,
    labelNames: string[],
    collect: (g: Gauge, s: RuntimeGaugeSources) => Promise<void>,
  ) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        this.reset()
        try {
          await collect(this, sources)
        } catch (error) {
          // A scrape while the database is away must still answer: the gauge is left empty and
          // the failure counted, so an alert can fire on it.
          collectErrors.inc({ gauge: name })
          logger.warn({ gauge: name, err: (error as Error).message }, 'metrics: could not read a gauge')
        }
      },
    })

  gauge(
    'scrm_ingest_queue_depth',
    'Webhook deliveries stored but not yet processed (pending, processing, retry), by source.',
    ['source'],
    async (g, s) => {
      const rows = await queryRows<{ source: string; n: number }>(
        s.db,
        sql`select source, count(*)::int as n from webhook_events
             where state in ('pending', 'processing', 'retry') group by source`,
      )
      g.set({ source: 'whatsapp' }, 0)
      for (const r of rows) g.set({ source: r.source }, r.n)
    },
  )

  gauge(
    'scrm_ingest_lag_seconds',
    'Age of the oldest delivery not yet processed (0 when the queue is empty).',
    [],
    async (g, s) => {
      const [row] = await queryRows<{ age: number | null }>(
        s.db,
        sql`select extract(epoch from clock_timestamp() - min(received_at))::float8 as age
              from webhook_events where state in ('pending', 'processing', 'retry')`,
      )
      g.set(Number(row?.age ?? 0))
    },
  )

  gauge(
    'scrm_dead_letters',
    'Deliveries that failed every attempt and wait for an admin to replay them, by source.',
    ['source'],
    async (g, s) => {
      const rows = await queryRows<{ source: string; n: number }>(
        s.db,
        sql`select source, count(*)::int as n from webhook_events where state = 'dead' group by source`,
      )
      g.set({ source: 'whatsapp' }, 0)
      for (const r of rows) g.set({ source: r.source }, r.n)
    },
  )

  gauge(
    'scrm_ingest_dead_items',
    'Webhook items set aside (the rest of their delivery was stored) that wait for a replay, by reason.',
    ['reason'],
    async (g, s) => {
      const rows = await queryRows<{ reason: string; n: number }>(
        s.db,
        sql`select reason, count(*)::int as n from ingest_dead_items group by reason`,
      )
      g.reset()
      for (const r of rows) g.set({ reason: r.reason }, r.n)
    },
  )

  gauge(
    'scrm_send_queue_depth',
    'Sends waiting for the Cloud API (queued, sending, unknown), by priority: 0 replies, 1 automation, 2 broadcasts.',
    ['priority'],
    async (g, s) => {
      const rows = await queryRows<{ priority: number; n: number }>(
        s.db,
        sql`select priority, count(*)::int as n from send_jobs
             where state in ('queued', 'sending', 'unknown') group by priority`,
      )
      for (const p of [0, 1, 2]) g.set({ priority: String(p) }, 0)
      for (const r of rows) g.set({ priority: String(r.priority) }, r.n)
    },
  )

  gauge(
    'scrm_crm_outbox_depth',
    'Changes waiting to be written to a CRM, by connection and state (due or parked after failures).',
    ['connection_id', 'provider', 'state'],
    async (g, s) => {
      const rows = await queryRows<{ connection_id: string; provider: string; due: number; parked: number }>(
        s.db,
        sql`select c.id as connection_id, c.provider,
                   count(o.*) filter (where o.parked_at is null)::int as due,
                   count(o.*) filter (where o.parked_at is not null)::int as parked
              from crm_connections c left join crm_outbox o on o.connection_id = c.id
             where c.state = 'active' group by c.id, c.provider`,
      )
      for (const r of rows) {
        g.set({ connection_id: r.connection_id, provider: r.provider, state: 'due' }, r.due)
        g.set({ connection_id: r.connection_id, provider: r.provider, state: 'parked' }, r.parked)
      }
    },
  )

  gauge(
    'scrm_crm_budget_remaining_ratio',
    "Share of a CRM account's request budget left, as the CRM last reported it to this process.",
    ['connection_id', 'provider'],
    async (g, s) => {
      for (const b of s.crmBudgets?.() ?? []) {
        if (b.max > 0) g.set({ connection_id: b.connectionId, provider: b.provider }, b.remaining / b.max)
      }
    },
  )

  gauge(
    'scrm_db_pool_connections',
    'Database pool connections of this process by state (total, idle, waiting clients).',
    ['state'],
    async (g, s) => {
      const pool = s.pool?.()
      if (!pool) return
      g.set({ state: 'total' }, pool.total)
      g.set({ state: 'idle' }, pool.idle)
      g.set({ state: 'waiting' }, pool.waiting)
    },
  )

  gauge(
    'scrm_worker_last_tick_age_seconds',
    'Seconds since each background loop of this process last finished a pass.',
    ['worker'],
    async (g, s) => {
      const now = Date.now()
      for (const w of s.workerTicks?.() ?? []) {
        if (w.lastTickAt !== null) g.set({ worker: w.name }, (now - w.lastTickAt) / 1000)
      }
    },
  )
  return registry
}
