import { loadavg } from 'node:os'
import pg from 'pg'
import { parseConfig } from '../../backend/src/config'
import { openDatabase } from '../../backend/src/db/client'
import { createLogger } from '../../backend/src/lib/logger'
import { createBroadcast } from '../../backend/src/outbound/broadcasts'
import { enqueueSend } from '../../backend/src/outbound/enqueue'
import { startRuntime } from '../../backend/src/runtime'
import { startMetaAccount } from '../support/meta-account'
import { TEST_WHATSAPP_TOKEN } from '../support/test-runtime'
import {
  BENCH_SECRETS,
  closeServer,
  databaseUrl,
  dropDatabase,
  fmt,
  listen,
  machineCpuMs,
  postgresCpu,
  postgresCpuSince,
  recreateDatabase,
  round,
} from './common'
import { BENCH_NUMBER, benchDelivery } from './deliveries'
import { Loadgen } from './loadgen-client'
import type { StepReply } from './loadgen-protocol'
import { ensureBuilt, startWorkers } from './worker-processes'

/**
 * Scale benchmark on the Postgres server: ingest processing and broadcast expansion with 1, 2
 * and 4 `npm run worker` processes (the compiled worker), each against its own copy of one
 * prepared database; and webhook ack latency at a fixed delivery rate while processing runs flat
 * out, with processing on the ack event loop (INGEST_WORKER=inline, the baseline) and in the
 * ingest thread (INGEST_WORKER=thread).
 */

const TEMPLATE = 'scrm_bench_scale_tpl'
const RUN = 'scrm_bench_scale_run'
const WORKERS = (process.env.BENCH_WORKERS || '1,2,4').split(',').map(Number)
const EVENTS = Number(process.env.BENCH_SCALE_EVENTS || 12_000)
const AUDIENCES = 4
const PER_AUDIENCE = Number(process.env.BENCH_SCALE_RECIPIENTS || 5_000)
const BASELINE_RECIPIENTS = Number(process.env.BENCH_SCALE_BASELINE || 600)
const ACK_RATE = Number(process.env.BENCH_ACK_RATE || 3_000)
// A rate a busy 2-core box can take too, so the event loop's share shows apart from saturation.
const ACK_LOW_RATE = Number(process.env.BENCH_ACK_LOW_RATE ?? 500)
const ACK_SECONDS = Number(process.env.BENCH_ACK_SECONDS || 8)
const ACK_BACKLOG = Number(process.env.BENCH_ACK_BACKLOG || 30_000)
const TARGETS = { broadcastPerS: 1_000, twoWorkerRatio: 1.6, ackP99Ms: 50 }
const TEMPLATE_NAME = 'scale_notice'

const log = (line: string) => process.stdout.write(`${line}\n`)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function withClient<T>(url: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

async function cloneRun(): Promise<string> {
  await dropDatabase(RUN)
  await withClient(databaseUrl('postgres'), (c) => c.query(`create database ${RUN} template ${TEMPLATE}`))
  return databaseUrl(RUN)
}

/** Migrated, with the bench number, an approved template and tagged audiences. */
async function prepareTemplate(): Promise<void> {
  const url = await recreateDatabase(TEMPLATE)
  // Registering the number proves its ownership against a simulated Meta account.
  const meta = await startMetaAccount([BENCH_NUMBER])
  const config = parseConfig({
    WHATSAPP_GRAPH_URL: meta.url,
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATABASE_URL: url,
    DATABASE_DRIVER: 'pg',
    INGEST_WORKER: 'off',
    SENDER: 'off',
    AUTOMATION_WORKER: 'off',
    CRM_SYNC: 'off',
    SCHEDULER: 'off',
    ...BENCH_SECRETS,
  })
  const rt = await startRuntime(config, createLogger('silent'))
  try {
    const call = async (path: string, body: unknown) => {
      const res = await rt.app.request(path, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${BENCH_SECRETS.ADMIN_API_KEY}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      })
      if (res.status >= 300) throw new Error(`${path} answered ${res.status}: ${await res.text()}`)
    }
    await call('/api/v1/channels', {
      phone_number_id: BENCH_NUMBER.phoneNumberId,
      display_phone_number: `+${BENCH_NUMBER.displayPhoneNumber}`,
      default_region: 'BR',
      waba_id: BENCH_NUMBER.wabaId,
      access_token: TEST_WHATSAPP_TOKEN,
    })
    await call('/api/v1/templates', {
      name: TEMPLATE_NAME,
      language: 'en_US',
      category: 'utility',
      components: [{ type: 'BODY', text: 'Your order is on its way' }],
    })
    // Audiences a0..a3 for the broadcasts and "base" for the per-recipient baseline; numbers that
    // never wrote (business-initiated), so every recipient goes through every rule.
    await withClient(url, async (c) => {
      const { rows } = await c.query<{ id: string }>('select id from workspaces limit 1')
      const ws = rows[0]?.id
      const groups = [
        ...Array.from({ length: AUDIENCES }, (_, i) => ({ key: `a${i}`, n: PER_AUDIENCE })),
        { key: 'base', n: BASELINE_RECIPIENTS },
      ]
      for (const [g, group] of groups.entries()) {
        await c.query(
          `with t as (insert into tags (workspace_id, key, label) values ($1, $2, $2) returning id),
                cs as (insert into contacts (workspace_id, phone_e164, wa_id)
                       select $1, '+55' || (2100000000 + $3 * 1000000 + s)::text, '55' || (2100000000 + $3 * 1000000 + s)::text
                       from generate_series(1, $4) s returning id)
           insert into contact_tags (workspace_id, contact_id, tag_id) select $1, cs.id, t.id from cs, t`,
          [ws, group.key, g, group.n],
        )
      }
    })
  } finally {
    await rt.close()
    await meta.close()
  }
}

/** Pending deliveries, stored as the ack path stores them, due at `dueAt`. */
async function storeEvents(url: string, from: number, count: number, dueAt: string): Promise<void> {
  const at = new Date()
  await withClient(url, async (c) => {
    for (let start = from; start < from + count; start += 2_000) {
      const bodies: string[] = []
      for (let i = start; i < Math.min(from + count, start + 2_000); i++)
        bodies.push(benchDelivery(i, BENCH_SECRETS.WHATSAPP_APP_SECRET, at).body)
      await c.query(
        `insert into webhook_events (source, raw_body, routing_keys, next_attempt_at)
         select 'whatsapp', b, array[$2::text], ${dueAt} from unnest($1::text[]) b`,
        [bodies, BENCH_NUMBER.phoneNumberId],
      )
    }
  })
}

interface Usage {
  pgShare: number
  machineShare: number
}

/** CPU of Postgres and of the whole box over `run`, as shares of one core and of the machine. */
async function measured<T>(run: () => Promise<T>): Promise<{ value: T; usage: Usage; ms: number }> {
  const pg0 = postgresCpu()
  const m0 = machineCpuMs()
  const t0 = performance.now()
  const value = await run()
  const ms = performance.now() - t0
  const m1 = machineCpuMs()
  return {
    value,
    ms,
    usage: { pgShare: postgresCpuSince(pg0) / ms, machineShare: (m1.busy - m0.busy) / (m1.total - m0.total) },
  }
}

const usageText = (u: Usage) =>
  `cpu postgres ${Math.round(u.pgShare * 100)}% of a core, machine ${Math.round(u.machineShare * 100)}% busy`

const WORKER_ENV = (url: string) => ({
  DATABASE_URL: url,
  DATABASE_DRIVER: 'pg',
  DATABASE_POOL_SIZE: '6',
  NODE_ENV: 'production',
  SENDER: 'off',
  AUTOMATION_WORKER: 'off',
  CRM_SYNC: 'off',
  SCHEDULER: 'off',
  ...BENCH_SECRETS,
})

/** Processing throughput of `workers` processes over EVENTS stored deliveries (msg/s). */
async function ingestRun(workers: number): Promise<number> {
  const url = await cloneRun()
  await storeEvents(url, 0, EVENTS, `now() + interval '1 hour'`)
  const group = await startWorkers(workers, {
    ...WORKER_ENV(url),
    INGEST_WORKER: 'inline',
    BROADCAST_WORKER: 'off',
  })
  try {
    const {
      value: stored,
      ms,
      usage,
    } = await measured(() =>
      withClient(url, async (c) => {
        await c.query(`update webhook_events set next_attempt_at = now()`)
        for (;;) {
          const { rows } = await c.query<{ open: string; messages: string }>(
            `select (select count(*) from webhook_events where state in ('pending', 'processing', 'retry')) as open,
                    (select count(*) from messages) as messages`,
          )
          if (Number(rows[0]?.open) === 0) return Number(rows[0]?.messages)
          await sleep(50)
        }
      }),
    )
    const perS = (stored * 1000) / ms
    log(
      `ingest   ${workers} worker process(es): ${fmt(stored)} messages in ${(ms / 1000).toFixed(1)} s = ${fmt(perS)} msg/s | ${usageText(usage)}`,
    )
    if (stored !== EVENTS) log(`  WARNING: ${EVENTS - stored} deliveries not stored as messages`)
    return perS
  } finally {
    await group.stop()
  }
}

/** The per-recipient path (enqueueSend, one transaction each), as expansion worked before. */
async function perRecipientBaseline(url: string): Promise<number> {
  const handle = await openDatabase({ url, driver: 'pg', poolSize: 2 })
  try {
    const db = handle.db
    const { rows } = await withClient(url, (c) =>
      c.query<{ id: string; ws: string }>(
        `select c.id, c.workspace_id as ws from contacts c join contact_tags ct on ct.contact_id = c.id
         join tags t on t.id = ct.tag_id where t.key = 'base' order by c.id`,
      ),
    )
    const broadcastId = '00000000-0000-4000-8000-000000000001'
    const t0 = performance.now()
    for (const r of rows) {
      await enqueueSend(db, {
        workspaceId: r.ws,
        contactId: r.id,
        content: { type: 'template', name: TEMPLATE_NAME, language: 'en_US', components: [] },
        kind: 'broadcast',
        broadcastId,
      })
    }
    const perS = (rows.length * 1000) / (performance.now() - t0)
    log(
      `baseline per-recipient policy (enqueueSend, one transaction each): ${fmt(perS)} recipients/s over ${fmt(rows.length)}`,
    )
    return perS
  } finally {
    await handle.close()
  }
}

/** Recipients queued per second by `workers` processes over AUDIENCES broadcasts. */
async function broadcastRun(
  workers: number,
  baseline: boolean,
): Promise<{ perS: number; baselinePerS?: number }> {
  const url = await cloneRun()
  const baselinePerS = baseline ? await perRecipientBaseline(url) : undefined
  const group = await startWorkers(workers, {
    ...WORKER_ENV(url),
    INGEST_WORKER: 'off',
    BROADCAST_WORKER: 'inline',
  })
  const handle = await openDatabase({ url, driver: 'pg', poolSize: 2 })
  try {
    const { rows } = await withClient(url, (c) =>
      c.query<{ id: string }>('select id from workspaces limit 1'),
    )
    const ws = rows[0]?.id as string
    const { usage } = await measured(async () => {
      for (let i = 0; i < AUDIENCES; i++)
        await createBroadcast(handle.db, ws, {
          name: `scale ${i}`,
          template: { name: TEMPLATE_NAME, language: 'en_US' },
          audience: { tag: `a${i}` },
        })
      await withClient(url, async (c) => {
        for (;;) {
          const { rows: left } = await c.query<{ n: string }>(
            `select count(*) as n from broadcasts where expanded_at is null`,
          )
          if (Number(left[0]?.n) === 0) return
          await sleep(50)
        }
      })
    })
    // From the first chunk's transaction to the last chunk's end, by the database's clock.
    const { rows: span } = await withClient(url, (c) =>
      c.query<{ jobs: string; refused: string; ms: number }>(
        `select (select count(*) from send_jobs where broadcast_id in (select id from broadcasts)) as jobs,
                (select coalesce(sum((select coalesce(sum(value::int), 0) from jsonb_each_text(refused))), 0) from broadcasts) as refused,
                extract(epoch from (select max(expanded_at) from broadcasts) - (select min(created_at) from send_jobs where kind = 'broadcast' and broadcast_id in (select id from broadcasts))) * 1000 as ms`,
      ),
    )
    const jobs = Number(span[0]?.jobs)
    const ms = Number(span[0]?.ms)
    const perS = (AUDIENCES * PER_AUDIENCE * 1000) / ms
    log(
      `broadcast ${workers} worker process(es): ${fmt(AUDIENCES * PER_AUDIENCE)} recipients (${fmt(jobs)} queued, ${span[0]?.refused} refused) in ${(ms / 1000).toFixed(1)} s = ${fmt(perS)} recipients/s | ${usageText(usage)}`,
    )
    return { perS, baselinePerS }
  } finally {
    await group.stop()
    await handle.close()
  }
}

// ----- ack latency while processing runs flat out -----

interface AckResult {
  mode: string
  step: StepReply
  processedPerS: number
}

async function ackRun(gen: Loadgen, mode: 'inline' | 'thread', rate: number): Promise<AckResult> {
  const url = await cloneRun()
  await storeEvents(url, 0, ACK_BACKLOG, 'now()')
  const config = parseConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATABASE_URL: url,
    DATABASE_DRIVER: 'pg',
    DATABASE_POOL_SIZE: '10',
    INGEST_WORKER: mode,
    SENDER: 'off',
    AUTOMATION_WORKER: 'off',
    CRM_SYNC: 'off',
    SCHEDULER: 'off',
    MIGRATE_ON_START: 'false',
    ...BENCH_SECRETS,
  })
  const rt = await startRuntime(config, createLogger('silent'))
  const server = await listen(rt.app.fetch)
  try {
    return await withClient(url, async (c) => {
      const messages = async () =>
        Number((await c.query<{ n: string }>('select count(*) as n from messages')).rows[0]?.n)
      // Processing is under way (the thread has started and taken its first batches).
      const deadline = Date.now() + 30_000
      while ((await messages()) < 500 && Date.now() < deadline) await sleep(50)
      const before = await messages()
      const step = await gen.call<StepReply>({
        type: 'step',
        origin: server.origin,
        path: '/webhooks/whatsapp',
        connections: 64,
        seconds: ACK_SECONDS,
        // Each run has its own copy of the database: the indexes after the backlog are fresh in each.
        startIndex: ACK_BACKLOG,
        ratePerS: rate,
      })
      const processedPerS = ((await messages()) - before) / (step.elapsedMs / 1000)
      const errors = step.failed.length ? `${step.failed.length} ${JSON.stringify(step.errorKinds)}` : '0'
      log(
        `ack      INGEST_WORKER=${mode.padEnd(6)} offered ${fmt(rate)}/s: ${fmt(step.deliveriesPerS)} acked/s  p50 ${step.p50Ms.toFixed(1)} ms  p99 ${step.p99Ms.toFixed(1)} ms  max ${step.maxMs.toFixed(0)} ms  errors ${errors} | processing meanwhile ${fmt(processedPerS)} msg/s`,
      )
      return { mode, step, processedPerS }
    })
  } finally {
    await closeServer(server.server)
    await rt.close()
  }
}

// ----- the benchmark -----

async function main(): Promise<number> {
  const load = loadavg().map((n) => n.toFixed(2))
  log(
    `scale bench: workers ${WORKERS.join(', ')}; ${fmt(EVENTS)} deliveries; ${AUDIENCES} broadcasts x ${fmt(PER_AUDIENCE)} recipients; acks at ${fmt(ACK_RATE)}/s${ACK_LOW_RATE > 0 ? ` and ${fmt(ACK_LOW_RATE)}/s` : ''} for ${ACK_SECONDS} s over a ${fmt(ACK_BACKLOG)} backlog`,
  )
  log(`machine load average before start: ${load.join(' ')} (1, 5, 15 min)`)
  await ensureBuilt(log)
  await prepareTemplate()
  const gen = new Loadgen()
  try {
    const ingest = new Map<number, number>()
    for (const w of WORKERS) ingest.set(w, await ingestRun(w))
    const broadcast = new Map<number, number>()
    let perRecipient = Number.NaN
    for (const [i, w] of WORKERS.entries()) {
      const r = await broadcastRun(w, i === 0)
      broadcast.set(w, r.perS)
      if (r.baselinePerS !== undefined) perRecipient = r.baselinePerS
    }
    const deliveries = ACK_BACKLOG + Math.ceil(Math.max(ACK_RATE, ACK_LOW_RATE) * ACK_SECONDS * 1.1)
    await gen.call({ type: 'build', count: deliveries, appSecret: BENCH_SECRETS.WHATSAPP_APP_SECRET })
    const inline = await ackRun(gen, 'inline', ACK_RATE)
    const thread = await ackRun(gen, 'thread', ACK_RATE)
    const low =
      ACK_LOW_RATE > 0
        ? [await ackRun(gen, 'inline', ACK_LOW_RATE), await ackRun(gen, 'thread', ACK_LOW_RATE)]
        : []

    const one = ingest.get(1) ?? Number.NaN
    const two = ingest.get(2) ?? Number.NaN
    const ratio2 = two / one
    const b1 = broadcast.get(1) ?? Number.NaN
    const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL')
    const loadAfter = loadavg().map((n) => n.toFixed(2))
    log('')
    log(`ingest processing: ${WORKERS.map((w) => `${w} -> ${fmt(ingest.get(w) ?? 0)} msg/s`).join(', ')}`)
    log(
      `broadcast expansion: ${WORKERS.map((w) => `${w} -> ${fmt(broadcast.get(w) ?? 0)} recipients/s`).join(', ')}`,
    )
    log(
      `${pass(b1 >= TARGETS.broadcastPerS)} broadcast expansion >= ${fmt(TARGETS.broadcastPerS)} recipients/s with one worker: ${fmt(b1)} (${(b1 / perRecipient).toFixed(1)} x the per-recipient path's ${fmt(perRecipient)})`,
    )
    log(
      `${pass(ratio2 >= TARGETS.twoWorkerRatio)} processing with 2 workers >= ${TARGETS.twoWorkerRatio} x one worker: ${ratio2.toFixed(2)} x`,
    )
    log(
      `${pass(thread.step.p99Ms <= TARGETS.ackP99Ms && thread.step.deliveriesPerS >= ACK_RATE * 0.97)} ack p99 <= ${TARGETS.ackP99Ms} ms at ${fmt(ACK_RATE)} deliveries/s while processing runs (thread): p99 ${thread.step.p99Ms.toFixed(1)} ms, ${fmt(thread.step.deliveriesPerS)}/s acked; inline baseline p99 ${inline.step.p99Ms.toFixed(1)} ms`,
    )
    log(
      `machine load average after: ${loadAfter.join(' ')} (2 cores; other work on the box counts in every figure)`,
    )
    log(
      JSON.stringify({
        ingest_msgs_per_s: Object.fromEntries([...ingest].map(([w, v]) => [w, round(v)])),
        ingest_ratio_2_vs_1: round(ratio2, 3),
        broadcast_recipients_per_s: Object.fromEntries([...broadcast].map(([w, v]) => [w, round(v)])),
        broadcast_per_recipient_baseline_per_s: round(perRecipient),
        broadcast_ratio_vs_per_recipient: round(b1 / perRecipient, 2),
        ack_rate_offered: ACK_RATE,
        ack_thread_p50_ms: round(thread.step.p50Ms, 2),
        ack_thread_p99_ms: round(thread.step.p99Ms, 2),
        ack_thread_acked_per_s: round(thread.step.deliveriesPerS),
        ack_thread_processing_per_s: round(thread.processedPerS),
        ack_inline_p50_ms: round(inline.step.p50Ms, 2),
        ack_inline_p99_ms: round(inline.step.p99Ms, 2),
        ack_inline_acked_per_s: round(inline.step.deliveriesPerS),
        ack_inline_processing_per_s: round(inline.processedPerS),
        ack_p99_ratio_thread_vs_inline: round(thread.step.p99Ms / inline.step.p99Ms, 3),
        ...(low.length === 2
          ? {
              ack_low_rate_offered: ACK_LOW_RATE,
              ack_low_inline_p99_ms: round(low[0]?.step.p99Ms ?? Number.NaN, 2),
              ack_low_thread_p99_ms: round(low[1]?.step.p99Ms ?? Number.NaN, 2),
              ack_low_inline_processing_per_s: round(low[0]?.processedPerS ?? Number.NaN),
              ack_low_thread_processing_per_s: round(low[1]?.processedPerS ?? Number.NaN),
            }
          : {}),
        load_average_before: Number(load[0]),
        load_average_after: Number(loadAfter[0]),
      }),
    )
    return 0
  } finally {
    gen.close()
    await dropDatabase(RUN)
    await dropDatabase(TEMPLATE)
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`scale bench failed: ${(error as Error).stack ?? error}\n`)
    process.exit(1)
  },
)
