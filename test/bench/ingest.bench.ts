import type { Server } from 'node:http'
import { availableParallelism } from 'node:os'
import { Hono } from 'hono'
import pg from 'pg'
import { parseConfig } from '../../backend/src/config'
import { createLogger } from '../../backend/src/lib/logger'
import { type Runtime, startRuntime } from '../../backend/src/runtime'
import { startMetaAccount } from '../support/meta-account'
import {
  BENCH_SECRETS,
  closeServer,
  dropDatabase,
  fmt,
  listen,
  machineCpuMs,
  percentile,
  postgresCpu,
  postgresCpuSince,
  processCpuMs,
  recreateDatabase,
  round,
  sortedCopy,
} from './common'
import { BENCH_NUMBER, registerBenchChannel, wamidOf } from './deliveries'
import { Loadgen } from './loadgen-client'
import type { FromLoadgen, StepReply } from './loadgen-protocol'

/**
 * Webhook ingest benchmark: the real backend (ack path + inline ingest worker) on a real Postgres,
 * driven by a load generator in its own process, against a minimal one-INSERT-per-request
 * baseline on the same machine, database and load.
 */

const DB_NAME = 'scrm_bench_ingest'
const SECONDS = Number(process.env.BENCH_SECONDS || 5)
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS || 2)
const CONCURRENCY = (process.env.BENCH_CONCURRENCY || '16,64,128').split(',').map(Number)
const POOL_SIZE = 10
const TARGETS = { deliveriesPerS: 3_000, p99Ms: 50, ratio: 0.5, processedPerS: 1_500, intelligenceMs: 1 }
const totalSeconds = WARMUP_SECONDS + SECONDS * CONCURRENCY.length
// Sized well above the fastest rate seen on a 2-core box, so a step never runs out of distinct
// deliveries; a step that does is flagged rather than silently shortened.
const DELIVERIES = Number(process.env.BENCH_DELIVERIES || Math.ceil(15_000 * totalSeconds))

const log = (line: string) => process.stdout.write(`${line}\n`)

// ----- observation of the database while it is loaded -----

interface DbCounters {
  messages: number
  queued: number
  commits: number
  walSyncs: number
}

async function counters(observer: pg.Client): Promise<DbCounters> {
  const { rows } = await observer.query<{
    messages: string
    queued: string
    commits: string
    wal_sync: string
  }>(`
    select (select count(*) from messages) as messages,
           (select count(*) from webhook_events where state in ('pending', 'processing', 'retry')) as queued,
           (select xact_commit from pg_stat_database where datname = current_database()) as commits,
           (select wal_sync from pg_stat_wal) as wal_sync`)
  const r = rows[0] as { messages: string; queued: string; commits: string; wal_sync: string }
  return {
    messages: Number(r.messages),
    queued: Number(r.queued),
    commits: Number(r.commits),
    walSyncs: Number(r.wal_sync),
  }
}

interface StepRow extends StepReply {
  label: string
}

/**
 * One step of load, with what the server side did meanwhile: the node process's CPU (server +
 * inline worker), Postgres's CPU, commits and WAL fsyncs, and for the product the ingest progress.
 */
async function runStep(
  gen: Loadgen,
  observer: pg.Client,
  label: string,
  origin: string,
  connections: number,
  seconds: number,
  startIndex: number,
  quiet = false,
): Promise<StepRow> {
  const before = await counters(observer)
  const node0 = processCpuMs()
  const pg0 = postgresCpu()
  const machine0 = machineCpuMs().busy
  const r = await gen.call<StepReply>({
    type: 'step',
    origin,
    path: '/webhooks/whatsapp',
    connections,
    seconds,
    startIndex,
  })
  const nodeShare = (processCpuMs() - node0) / r.elapsedMs
  const pgShare = postgresCpuSince(pg0) / r.elapsedMs
  // Kernel time not charged to a process (fsync and loopback work in a VM) and anything else
  // running on the box (another test run, say) show up here, not silently.
  const otherShare = Math.max(
    0,
    (machineCpuMs().busy - machine0) / r.elapsedMs - nodeShare - pgShare - r.cpuShare,
  )
  const after = await counters(observer)
  const s = r.elapsedMs / 1000
  if (!quiet) {
    const errors = r.failed.length ? `${r.failed.length} ${JSON.stringify(r.errorKinds)}` : '0'
    const ingest =
      label === 'product'
        ? ` | processed ${fmt((after.messages - before.messages) / s)} msg/s, queue ${fmt(after.queued)}`
        : ''
    log(
      `${label.padEnd(8)} c=${String(connections).padEnd(4)} ${s.toFixed(1)} s  ${fmt(r.deliveriesPerS).padStart(6)} deliveries/s` +
        `  p50 ${r.p50Ms.toFixed(1)} ms  p99 ${r.p99Ms.toFixed(1)} ms  max ${r.maxMs.toFixed(0)} ms  errors ${errors}${ingest}` +
        ` | cpu node ${Math.round(nodeShare * 100)}% pg ${Math.round(pgShare * 100)}% loadgen ${Math.round(r.cpuShare * 100)}% kernel+other ${Math.round(otherShare * 100)}%` +
        ` | commits/s ${fmt((after.commits - before.commits) / s)} wal fsyncs/s ${fmt((after.walSyncs - before.walSyncs) / s)}` +
        (r.exhausted ? '  [DELIVERIES EXHAUSTED: raise BENCH_DELIVERIES]' : ''),
    )
  }
  return { ...r, label }
}

/** Figures from a box that is busy with something else are not comparable; say so up front. */
async function machineNote(): Promise<string> {
  const a = machineCpuMs()
  await new Promise((r) => setTimeout(r, 1_000))
  const b = machineCpuMs()
  const busy = (b.busy - a.busy) / (b.total - a.total)
  const cores = availableParallelism()
  const note = busy > 0.1 ? '  WARNING: other processes are using the CPU, figures will be low' : ''
  return `machine: ${cores} cores, ${Math.round(busy * 100)}% busy before start${note}`
}

// ----- the benchmark -----

async function main(): Promise<number> {
  log(
    `ingest bench: steps ${CONCURRENCY.join(', ')} connections x ${SECONDS} s (+${WARMUP_SECONDS} s warm-up)`,
  )
  log(await machineNote())
  const url = await recreateDatabase(DB_NAME)
  let runtime: Runtime | undefined
  let productServer: Server | undefined
  let baselineServer: Server | undefined
  let baselinePool: pg.Pool | undefined
  const observer = new pg.Client({ connectionString: url })
  const gen = new Loadgen()
  try {
    // Registering the number proves its ownership against a simulated Meta account.
    const meta = await startMetaAccount([BENCH_NUMBER])
    const config = parseConfig({
      WHATSAPP_GRAPH_URL: meta.url,
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      DATABASE_URL: url,
      DATABASE_DRIVER: 'pg',
      DATABASE_POOL_SIZE: String(POOL_SIZE),
      INGEST_WORKER: 'inline',
      // Ingest only: the rules still queue their automation jobs, nothing sends them here.
      SENDER: 'off',
      AUTOMATION_WORKER: 'off',
      CRM_SYNC: 'off',
      ...BENCH_SECRETS,
    })
    runtime = await startRuntime(config, createLogger('silent'))
    const channel = await registerBenchChannel(runtime.app)

    await observer.connect()
    await observer.query(
      'create table bench_baseline (id bigint generated always as identity primary key, body text not null)',
    )

    const built = await gen.call<Extract<FromLoadgen, { type: 'built' }>>({
      type: 'build',
      count: DELIVERIES,
      appSecret: BENCH_SECRETS.WHATSAPP_APP_SECRET,
    })
    log(
      `load generator ready: ${fmt(built.count)} signed deliveries, ${round(built.bytes / built.count, 0)} bytes each, built in ${fmt(built.ms)} ms`,
    )

    // --- product: ack path and ingest worker together, as deployed with INGEST_WORKER=inline ---
    const product = await listen(runtime.app.fetch)
    productServer = product.server
    const productSteps: StepRow[] = []
    let index = 0
    const firstDelivery = Date.now()
    const warm = await runStep(
      gen,
      observer,
      'product',
      product.origin,
      CONCURRENCY[0] as number,
      WARMUP_SECONDS,
      index,
      true,
    )
    productSteps.push({ ...warm, label: 'warm-up' })
    index = warm.endIndex
    for (const c of CONCURRENCY) {
      const r = await runStep(gen, observer, 'product', product.origin, c, SECONDS, index)
      productSteps.push(r)
      index = r.endIndex
    }
    const loadEnded = Date.now()

    // Every delivery answered 200 must end up as a message; wait until the queue is empty.
    const acked: string[] = []
    for (const r of productSteps) {
      const failed = new Set(r.failed)
      for (let i = r.startIndex; i < r.endIndex; i++) if (!failed.has(i)) acked.push(wamidOf(i))
    }
    let c = await counters(observer)
    const backlogAtEnd = acked.length - c.messages
    const drainDeadline = Date.now() + Math.max(60_000, backlogAtEnd * 5)
    let lastLog = 0
    while ((c.queued > 0 || c.messages < acked.length) && Date.now() < drainDeadline) {
      if (Date.now() - lastLog > 2_000) {
        log(
          `draining: ${fmt(c.messages)} / ${fmt(acked.length)} messages stored, ${fmt(c.queued)} events queued`,
        )
        lastLog = Date.now()
      }
      await new Promise((r) => setTimeout(r, 100))
      c = await counters(observer)
    }
    const drained = Date.now()
    const processedPerS = (c.messages * 1000) / (drained - firstDelivery)
    const drainPerS = backlogAtEnd > 1_000 ? (backlogAtEnd * 1000) / (drained - loadEnded) : Number.NaN

    const check = await observer.query<{ missing: string; sample: string[] | null }>(
      `select count(*) filter (where m.id is null) as missing,
              (array_agg(w.wamid) filter (where m.id is null))[1:3] as sample
       from unnest($1::text[]) as w(wamid)
       left join messages m on m.channel_id = $2 and m.wamid = w.wamid`,
      [acked, channel.id],
    )
    const events = await observer.query<{ state: string; n: string }>(
      'select state, count(*) as n from webhook_events group by state order by state',
    )
    const missing = Number(check.rows[0]?.missing ?? 0)
    const eventStates = Object.fromEntries(events.rows.map((r) => [r.state, Number(r.n)]))
    log(
      `check: ${fmt(acked.length)} deliveries acked 200, ${fmt(c.messages)} rows in messages, ${missing} acked but missing` +
        ` (webhook_events ${JSON.stringify(eventStates)}) -> ${missing === 0 ? 'OK' : `FAILED, e.g. ${check.rows[0]?.sample?.join(', ')}`}`,
    )
    log(
      `processing: ${fmt(c.messages)} messages in ${((drained - firstDelivery) / 1000).toFixed(1)} s from first delivery to drained` +
        ` = ${fmt(processedPerS)} msg/s; backlog at end of load ${fmt(Math.max(0, backlogAtEnd))}` +
        (Number.isNaN(drainPerS) ? '' : `, drained at ${fmt(drainPerS)} msg/s`),
    )

    // Cost of intelligence (classification, contact insights, interests, rule evaluation and
    // metrics) per new customer message, timed inside each processed batch.
    const intel = sortedCopy(runtime.worker.intelligenceSamples)
    const intelP50 = percentile(intel, 0.5)
    const intelP95 = percentile(intel, 0.95)
    const intelMean = runtime.worker.totals.intelligenceMs / Math.max(1, runtime.worker.totals.inbound)
    log(
      `intelligence: ${intelP50.toFixed(3)} ms per message median over ${fmt(intel.length)} batches` +
        ` (p95 ${intelP95.toFixed(3)} ms, mean ${intelMean.toFixed(3)} ms over ${fmt(runtime.worker.totals.inbound)} messages)`,
    )
    // Where it goes (means per message): classification with its catalogue and layer reads, the
    // rules step (history, contact state, firings, metrics), and the contact insight/interest writes.
    const totals = runtime.worker.totals
    const perMessage = (ms: number) => (ms / Math.max(1, totals.inbound)).toFixed(3)
    log(
      `  of which classification ${perMessage(totals.classifyMs)} ms, rules ${perMessage(totals.rulesMs)} ms,` +
        ` contact insights and interests ${perMessage(totals.intelligenceMs - totals.classifyMs - totals.rulesMs)} ms (means)`,
    )

    // --- baseline ---
    // Same process as the product server, started after the product's queue has drained: both
    // servers then get the same single event loop, the same tsx/node setup and the same idle
    // neighbours (the product's worker only sleeps now), so only the handler differs.
    baselinePool = new pg.Pool({ connectionString: url, max: POOL_SIZE })
    const pool = baselinePool
    const baselineApp = new Hono()
    baselineApp.post('/webhooks/whatsapp', async (ctx) => {
      await pool.query('insert into bench_baseline (body) values ($1)', [await ctx.req.text()])
      return ctx.json({ received: true }, 200)
    })
    const baseline = await listen(baselineApp.fetch)
    baselineServer = baseline.server
    const baselineSteps: StepRow[] = []
    index = 0
    const bwarm = await runStep(
      gen,
      observer,
      'baseline',
      baseline.origin,
      CONCURRENCY[0] as number,
      WARMUP_SECONDS,
      index,
      true,
    )
    index = bwarm.endIndex
    for (const conns of CONCURRENCY) {
      const r = await runStep(gen, observer, 'baseline', baseline.origin, conns, SECONDS, index)
      baselineSteps.push(r)
      index = r.endIndex
    }

    // --- results ---
    const measured = productSteps.filter((r) => r.label === 'product')
    const withinSlo = measured.filter((r) => r.p99Ms <= TARGETS.p99Ms)
    const best = (rows: StepRow[]) => rows.reduce((a, b) => (b.deliveriesPerS > a.deliveriesPerS ? b : a))
    // Headline: the fastest step that keeps p99 within target (else the fastest step); the ratio
    // compares it with the baseline's fastest step at any concurrency, which is the conservative way.
    const headline = best(withinSlo.length ? withinSlo : measured)
    const baseBest = best(baselineSteps)
    const ratio = headline.deliveriesPerS / baseBest.deliveriesPerS
    const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL')
    log('')
    log(
      `product headline (fastest step with p99 <= ${TARGETS.p99Ms} ms, else fastest): c=${headline.connections} ${fmt(headline.deliveriesPerS)} deliveries/s, p50 ${headline.p50Ms.toFixed(1)} ms, p99 ${headline.p99Ms.toFixed(1)} ms`,
    )
    log(
      `baseline best: c=${baseBest.connections} ${fmt(baseBest.deliveriesPerS)} deliveries/s, p99 ${baseBest.p99Ms.toFixed(1)} ms`,
    )
    log(
      `${pass(headline.deliveriesPerS >= TARGETS.deliveriesPerS && headline.p99Ms <= TARGETS.p99Ms)} ack path >= ${fmt(TARGETS.deliveriesPerS)} deliveries/s with p99 <= ${TARGETS.p99Ms} ms: ${fmt(headline.deliveriesPerS)}/s, p99 ${headline.p99Ms.toFixed(1)} ms`,
    )
    log(`${pass(ratio >= TARGETS.ratio)} ratio product/baseline >= ${TARGETS.ratio}: ${ratio.toFixed(2)}`)
    log(
      `${pass(processedPerS >= TARGETS.processedPerS)} processing >= ${fmt(TARGETS.processedPerS)} msg/s sustained: ${fmt(processedPerS)}`,
    )
    log(`${pass(missing === 0)} every delivery acked 200 is in messages`)
    log(
      `${pass(intelP50 <= TARGETS.intelligenceMs)} intelligence <= ${TARGETS.intelligenceMs} ms median per message: ${intelP50.toFixed(3)} ms`,
    )
    log(
      JSON.stringify({
        deliveries_per_s: round(headline.deliveriesPerS),
        ack_p50_ms: round(headline.p50Ms, 2),
        ack_p99_ms: round(headline.p99Ms, 2),
        processed_msgs_per_s: round(processedPerS),
        baseline_deliveries_per_s: round(baseBest.deliveriesPerS),
        ratio: round(ratio, 3),
        intelligence_ms_per_msg_p50: round(intelP50, 3),
        intelligence_ms_per_msg_mean: round(intelMean, 3),
        classify_ms_per_msg_mean: round(totals.classifyMs / Math.max(1, totals.inbound), 3),
        rules_ms_per_msg_mean: round(totals.rulesMs / Math.max(1, totals.inbound), 3),
      }),
    )
    return missing === 0 ? 0 : 1
  } finally {
    gen.close()
    await closeServer(productServer)
    await closeServer(baselineServer)
    await runtime?.close()
    await baselinePool?.end()
    await observer.end().catch(() => {})
    await dropDatabase(DB_NAME)
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`ingest bench failed: ${(error as Error).stack ?? error}\n`)
    process.exit(1)
  },
)
