import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { parseConfig } from '../../backend/src/config'
import { createLogger } from '../../backend/src/lib/logger'
import { type Runtime, startRuntime } from '../../backend/src/runtime'
import { makeRng } from '../simulators/whatsapp/cloud-api/random'
import type { SentRecord, SimulatorStats } from '../simulators/whatsapp/cloud-api/types'
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
import { type SimProcess, startSimProcess } from './sim-process'

/**
 * Send benchmark: a template broadcast to 10,000 recipients plus 1,000 in-window agent replies,
 * through the real backend (API, broadcast expander, sender, webhook ingest) on a real Postgres,
 * against the Cloud API simulator in its own process with Meta's limits (80 msg/s, pair 6 s).
 * Then, against the reset simulator, a naive sender (fixed batches of 50 per second, errors
 * ignored, no retries) for comparison; by default on 2,000 + 200 sends, to keep the run short.
 *
 * Figures (all from the simulator's record of accepted sends):
 * - achieved_mps: mean accepted per wall-clock second over the interior seconds of the run (the
 *   first and last, partial, seconds left out; gaps in between count); utilization = it / cap.
 * - violations: throughput + pair + tier + window violations the simulator saw; a 130429 / 131056
 *   answer is the same event as its violation and is counted once.
 * - lost: broadcast recipients never sent the template + replies answered 202 never accepted.
 * - duplicates: accepted sends beyond one per broadcast recipient and one per reply.
 * - reply_p95_ms: replies queued (202 received) before the broadcast's last send; from the 202 to
 *   the simulator's acceptedAt of the send carrying `scrm:<message id>`.
 * Settings: BENCH_RECIPIENTS, BENCH_REPLIES, BENCH_BASELINE_RECIPIENTS; SENDER_*, INGEST_* and
 * DATABASE_POOL_SIZE pass through to the backend; BENCH_TRACE_SENDER=1 times the sender's loop.
 */

const DB_NAME = 'scrm_bench_send'
const CAP = 80
const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS || 10_000)
const REPLIES = Number(process.env.BENCH_REPLIES || 1_000)
const BASELINE_RECIPIENTS = Number(process.env.BENCH_BASELINE_RECIPIENTS || 2_000)
const BASELINE_REPLIES = Math.round((BASELINE_RECIPIENTS * REPLIES) / RECIPIENTS)
const BASELINE_BATCH = 50
const PROGRESS_EVERY_MS = 5_000
const TARGETS = { utilization: 0.95, replyP95Ms: 2_000 }
const NUMBER = { phoneNumberId: '106540352242922', display: '15550783881', wabaId: '102290129340398' }
const TOKEN = 'EAAG-bench-token-not-real-0123456789'
const TEMPLATE = { name: 'order_update', language: 'en_US' }
const BROADCAST_PREFIX = '55119' // + 8 digits: +55 11 9xxxx-xxxx
const REPLY_PREFIX = '55219'
/** What the sender is expected to need at its configured share of the cap (default 0.97). */
const SHARE = Number(process.env.SENDER_THROUGHPUT_SHARE || 0.97)
const EXPECTED_S = (RECIPIENTS + REPLIES) / (CAP * SHARE)
/** Replies arrive over most of the broadcast, so all of them are queued while it runs. */
const REPLY_SPAN_MS = EXPECTED_S * 0.85 * 1000

const log = (line: string) => process.stdout.write(`${line}\n`)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)))

const waIdOf = (prefix: string, i: number) => `${prefix}${String(i).padStart(8, '0')}`

// ----- the backend's log, tallied instead of printed -----

interface LogTally {
  counts: Map<string, number>
  errors: string[]
}

function logSink(): { tally: LogTally; destination: { write(line: string): void } } {
  const tally: LogTally = { counts: new Map(), errors: [] }
  return {
    tally,
    destination: {
      write(line: string) {
        try {
          const entry = JSON.parse(line) as { level: number; msg?: string; result?: string; err?: string }
          const key = `${entry.msg ?? '?'}${entry.result ? ` (${entry.result})` : ''}`
          tally.counts.set(key, (tally.counts.get(key) ?? 0) + 1)
          if (entry.level >= 50 && tally.errors.length < 5)
            tally.errors.push(`${entry.msg}: ${entry.err ?? ''}`)
        } catch {
          // not JSON: ignore
        }
      },
    },
  }
}

// ----- optional: how the sender's loop spends its time -----

/**
 * Wraps the running sender's tick() (instance property, same behaviour) to time each pass and
 * count what it claimed, and the process's fetch to note when each send left: diagnostics for
 * throughput below the cap and for rate-limit answers. Off unless BENCH_TRACE_SENDER=1.
 */
function traceSender(runtime: Runtime, simUrl: string) {
  const sender = runtime.sender as unknown as { tick: () => Promise<number> }
  const original = sender.tick.bind(sender)
  const ticks: { start: number; ms: number; claimed: number }[] = []
  sender.tick = async () => {
    const start = performance.now()
    const claimed = await original()
    ticks.push({ start, ms: performance.now() - start, claimed })
    return claimed
  }
  const startedAt = new Map<string, number>()
  const realFetch = globalThis.fetch
  globalThis.fetch = (input, init) => {
    const target = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (target.startsWith(simUrl) && target.endsWith('/messages') && typeof init?.body === 'string') {
      const id = (JSON.parse(init.body) as { biz_opaque_callback_data?: string }).biz_opaque_callback_data
      if (id) startedAt.set(id, Date.now())
    }
    return realFetch(input, init)
  }
  return {
    summary(sent: SentRecord[]): string {
      const claiming = ticks.filter((t) => t.claimed > 0)
      const ms = sortedCopy(claiming.map((t) => t.ms))
      const between = sortedCopy(
        claiming.slice(1).map((t, i) => t.start - (claiming[i] as (typeof claiming)[0]).start),
      )
      const claimed = claiming.reduce((a, t) => a + t.claimed, 0)
      const transit = sortedCopy(
        sent.flatMap((r) => {
          const at = startedAt.get(r.bizOpaqueCallbackData ?? '')
          return at === undefined ? [] : [r.acceptedAt - at]
        }),
      )
      return (
        `${ticks.length} ticks, ${claiming.length} claimed (${(claimed / Math.max(1, claiming.length)).toFixed(1)} jobs each);` +
        ` claiming tick p50 ${percentile(ms, 0.5).toFixed(0)} ms, p95 ${percentile(ms, 0.95).toFixed(0)} ms, max ${(ms.at(-1) ?? 0).toFixed(0)} ms;` +
        ` between claims p50 ${percentile(between, 0.5).toFixed(0)} ms, p95 ${percentile(between, 0.95).toFixed(0)} ms;` +
        ` fetch-to-accepted p50 ${percentile(transit, 0.5)} ms, p99 ${percentile(transit, 0.99)} ms, max ${transit.at(-1)} ms;` +
        ` most sends in any 1 s: started ${maxInWindow([...startedAt.values()], 1000)}, accepted ${maxInWindow(
          sent.map((r) => r.acceptedAt),
          1000,
        )}`
      )
    },
  }
}

/** The most points in any window (t - windowMs, t]: what a sliding-window rate limit counts. */
function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b)
  let best = 0
  let lo = 0
  for (let hi = 0; hi < sorted.length; hi++) {
    while ((sorted[lo] as number) <= (sorted[hi] as number) - windowMs) lo += 1
    best = Math.max(best, hi - lo + 1)
  }
  return best
}

// ----- HTTP plumbing -----

function apiClient(origin: string) {
  return async (path: string, method: string, json?: unknown): Promise<{ status: number; body: unknown }> => {
    const res = await fetch(`${origin}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${BENCH_SECRETS.ADMIN_API_KEY}`,
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: json === undefined ? undefined : JSON.stringify(json),
    })
    const text = await res.text()
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      // keep the text
    }
    return { status: res.status, body }
  }
}
type Api = ReturnType<typeof apiClient>

async function expectStatus(p: Promise<{ status: number; body: unknown }>, status: number, what: string) {
  const r = await p
  if (r.status !== status) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body)}`)
  return r.body as Record<string, unknown>
}

async function inParallel<T>(
  items: T[],
  concurrency: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await run(items[next++] as T)
    }),
  )
}

/** Figures from a box that is busy with something else are not comparable; say so up front. */
async function machineNote(): Promise<string> {
  const a = machineCpuMs()
  await sleep(1_000)
  const b = machineCpuMs()
  const busy = (b.busy - a.busy) / (b.total - a.total)
  const note = busy > 0.1 ? '  WARNING: other processes are using the CPU' : ''
  return `machine: ${availableParallelism()} cores, ${Math.round(busy * 100)}% busy before start${note}`
}

// ----- figures from the simulator's record -----

interface Rate {
  /** Mean accepted per wall-clock second over the interior seconds (first and last, partial, left out). */
  interiorMean: number
  median: number
  /** (n - 1) / (last - first): evenly spaced sends give the true rate. */
  firstToLast: number
  seconds: number[]
  firstAt: number
  lastAt: number
  longestGapMs: number
  /** Gaps between consecutive sends longer than twice the even spacing at the cap, and their time beyond that spacing. */
  idleGaps: number
  idleMs: number
}

function rateOf(times: number[]): Rate {
  const sorted = [...times].sort((a, b) => a - b)
  const firstAt = sorted[0] ?? Number.NaN
  const lastAt = sorted.at(-1) ?? Number.NaN
  const s0 = Math.floor(firstAt / 1000)
  const seconds = new Array<number>(Math.max(1, Math.floor(lastAt / 1000) - s0 + 1)).fill(0)
  let longestGapMs = 0
  let idleGaps = 0
  let idleMs = 0
  const spacing = 1000 / CAP
  for (const [i, t] of sorted.entries()) {
    seconds[Math.floor(t / 1000) - s0] = (seconds[Math.floor(t / 1000) - s0] ?? 0) + 1
    if (i === 0) continue
    const gap = t - (sorted[i - 1] as number)
    longestGapMs = Math.max(longestGapMs, gap)
    if (gap > 2 * spacing) {
      idleGaps += 1
      idleMs += gap - spacing
    }
  }
  const interior = seconds.slice(1, -1)
  const interiorMean =
    interior.length > 0
      ? interior.reduce((a, b) => a + b, 0) / interior.length
      : ((sorted.length - 1) * 1000) / (lastAt - firstAt)
  return {
    interiorMean,
    median: percentile(sortedCopy(interior.length ? interior : seconds), 0.5),
    firstToLast: ((sorted.length - 1) * 1000) / (lastAt - firstAt),
    seconds,
    firstAt,
    lastAt,
    longestGapMs,
    idleGaps,
    idleMs,
  }
}

/**
 * Limit violations: every break of a limit the simulator saw. A 130429 / 131056 answer is the
 * same event as its throughput / pair violation, so each is counted once (the larger of the two).
 */
function violationsOf(stats: SimulatorStats): number {
  const v = stats.violations
  return (
    Math.max(v.throughput, stats.rejected['130429'] ?? 0) +
    Math.max(v.pair, stats.rejected['131056'] ?? 0) +
    v.tier +
    v.window
  )
}

const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0)
const share = (ms: number, elapsedMs: number) => `${Math.round((ms / elapsedMs) * 100)}%`

/** p95 queue-to-sent of the replies queued in each `windowMs` since `t0`, to show a trend. */
function latencyByWindow(
  replies: ReplyResult[],
  firstAccept: Map<string, number>,
  t0: number,
  windowMs: number,
): string {
  const buckets = new Map<number, number[]>()
  for (const r of replies) {
    const sentAt = firstAccept.get(r.messageId as string)
    if (sentAt === undefined) continue
    const b = Math.floor((r.queuedAt - t0) / windowMs)
    buckets.set(b, [...(buckets.get(b) ?? []), sentAt - r.queuedAt])
  }
  return [...buckets]
    .sort((a, b) => a[0] - b[0])
    .map(
      ([b, v]) =>
        `${(b * windowMs) / 1000}-${((b + 1) * windowMs) / 1000} s: ${percentile(sortedCopy(v), 0.95)} ms`,
    )
    .join(', ')
}

// ----- the product run -----

interface ReplyResult {
  index: number
  postedAt: number
  /** When the 202 came back: the message is queued from then on. */
  queuedAt: number
  status: number
  messageId: string | null
}

async function driveReplies(
  api: Api,
  contactIds: string[],
  offsets: number[],
  t0: number,
): Promise<ReplyResult[]> {
  const tasks: Promise<ReplyResult>[] = []
  for (const [index, contactId] of contactIds.entries()) {
    await sleep(t0 + (offsets[index] as number) - Date.now())
    tasks.push(
      (async () => {
        const postedAt = Date.now()
        const r = await api('/api/v1/messages', 'POST', {
          contact_id: contactId,
          sender: 'agent',
          content: { type: 'text', text: `Hi! About your order #${10_000 + index}: it ships today.` },
        }).catch((error: unknown) => ({ status: 0, body: String(error) }))
        const queuedAt = Date.now()
        const messageId =
          r.status === 202 ? String((r.body as { message_id?: string }).message_id ?? '') || null : null
        return { index, postedAt, queuedAt, status: r.status, messageId }
      })(),
    )
  }
  return Promise.all(tasks)
}

interface Queue {
  open: number
  /** Claimed by the sender and waiting in its process for their turn (or in flight). */
  sending: number
  openReplies: number
  expanded: number
  expandedDone: boolean
  events: number
}

async function queueState(db: pg.Client, broadcastId: string): Promise<Queue> {
  const { rows } = await db.query<{
    open: number
    sending: number
    open_replies: number
    expanded: number
    expanded_done: boolean
    events: number
  }>(
    `select
       (select count(*) from send_jobs where state in ('queued', 'sending', 'unknown', 'held'))::int as open,
       (select count(*) from send_jobs where state = 'sending')::int as sending,
       (select count(*) from send_jobs where state in ('queued', 'sending', 'unknown', 'held') and kind = 'agent')::int as open_replies,
       (select expanded from broadcasts where id = $1) as expanded,
       (select expanded_at is not null from broadcasts where id = $1) as expanded_done,
       (select count(*) from webhook_events where state in ('pending', 'processing', 'retry'))::int as events`,
    [broadcastId],
  )
  const r = rows[0] as (typeof rows)[0]
  return {
    open: r.open,
    sending: r.sending,
    openReplies: r.open_replies,
    expanded: r.expanded,
    expandedDone: r.expanded_done,
    events: r.events,
  }
}

// ----- the naive baseline -----

interface NaiveSend {
  to: string
  body: Record<string, unknown>
}

interface BaselineResult {
  offered: number
  answers: Record<string, number>
  networkErrors: number
  stats: SimulatorStats
  sent: SentRecord[]
  elapsedMs: number
}

/** Fixed batches of 50 fired every second, whatever the answers; nothing is retried. */
async function runNaive(sim: SimProcess, sends: NaiveSend[]): Promise<BaselineResult> {
  const answers: Record<string, number> = {}
  let networkErrors = 0
  const url = `${sim.url}/v23.0/${NUMBER.phoneNumberId}/messages`
  const inFlight: Promise<void>[] = []
  const t0 = Date.now()
  for (let k = 0; k * BASELINE_BATCH < sends.length; k++) {
    await sleep(t0 + k * 1000 - Date.now())
    for (const s of sends.slice(k * BASELINE_BATCH, (k + 1) * BASELINE_BATCH)) {
      inFlight.push(
        fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ ...s.body, to: s.to }),
        })
          .then(async (res) => {
            const json = (await res.json().catch(() => null)) as { error?: { code?: number } } | null
            const key = res.ok ? '200' : `${res.status} #${json?.error?.code ?? '?'}`
            answers[key] = (answers[key] ?? 0) + 1
          })
          .catch(() => {
            networkErrors += 1
          }),
      )
    }
  }
  await Promise.all(inFlight)
  const elapsedMs = Date.now() - t0
  return {
    offered: sends.length,
    answers,
    networkErrors,
    stats: await sim.stats(),
    sent: await sim.sent(),
    elapsedMs,
  }
}

// ----- the benchmark -----

async function main(): Promise<number> {
  log(
    `send bench: broadcast of ${fmt(RECIPIENTS)} templates + ${fmt(REPLIES)} in-window replies at a cap of ${CAP} msg/s` +
      ` (expected ~${Math.round(EXPECTED_S)} s at ${SHARE} of the cap); baseline ${fmt(BASELINE_RECIPIENTS)} + ${fmt(BASELINE_REPLIES)}`,
  )
  log(await machineNote())
  const url = await recreateDatabase(DB_NAME)
  const tmp = mkdtempSync(join(tmpdir(), 'scrm-bench-send-'))
  let sim: SimProcess | undefined
  let runtime: Runtime | undefined
  let server: Server | undefined
  const db = new pg.Client({ connectionString: url })
  try {
    // --- the simulator, in its own process ---
    const templatesFile = join(tmp, 'templates.json')
    writeFileSync(
      templatesFile,
      JSON.stringify([
        {
          ...TEMPLATE,
          category: 'UTILITY',
          status: 'APPROVED',
          components: [{ type: 'BODY', text: 'Hello' }],
        },
      ]),
    )
    sim = await startSimProcess({
      PORT: '0',
      APP_SECRET: BENCH_SECRETS.WHATSAPP_APP_SECRET,
      ACCESS_TOKENS: TOKEN,
      NUMBERS: `${NUMBER.phoneNumberId}:${NUMBER.display}:${NUMBER.wabaId}:${CAP}:unlimited`,
      PAIR_PER_SECONDS: '6',
      PAIR_BURST: '1',
      TEMPLATES_FILE: templatesFile,
      SEED: '7',
    })
    log(`simulator: pid ${sim.pid} at ${sim.url} (mps ${CAP}, tier unlimited, pair 6 s)`)

    // --- the backend, in this process: API, sender, broadcast expander and ingest worker ---
    // SENDER_*, INGEST_* and DATABASE_POOL_SIZE from the environment pass through, to try settings.
    const passthrough = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => /^(SENDER_|INGEST_|DATABASE_POOL_SIZE$)/.test(k)),
    )
    const config = parseConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DATABASE_URL: url,
      DATABASE_DRIVER: 'pg',
      INGEST_WORKER: 'inline',
      SENDER: 'inline',
      WHATSAPP_GRAPH_URL: sim.url,
      ...BENCH_SECRETS,
      ...passthrough,
    })
    const sink = logSink()
    runtime = await startRuntime(config, createLogger('info', sink.destination))
    const trace = process.env.BENCH_TRACE_SENDER === '1' ? traceSender(runtime, sim.url) : null
    const backend = await listen(runtime.app.fetch)
    server = backend.server
    await sim.configure({ webhookUrl: `${backend.origin}/webhooks/whatsapp` })
    const api = apiClient(backend.origin)
    log(
      `backend: ${backend.origin} (pool ${config.DATABASE_POOL_SIZE}, sender poll ${config.SENDER_POLL_MS} ms, horizon ${config.SENDER_HORIZON_MS} ms,` +
        ` share ${config.SENDER_THROUGHPUT_SHARE}, pair spacing ${config.SENDER_PAIR_SPACING_MS} ms)`,
    )

    const reg = await expectStatus(
      api('/api/v1/channels', 'POST', {
        phone_number_id: NUMBER.phoneNumberId,
        display_phone_number: `+${NUMBER.display}`,
        default_region: 'BR',
        waba_id: NUMBER.wabaId,
        access_token: TOKEN,
      }),
      201,
      'channel registration',
    )
    const channelId = (reg.channel as { id: string }).id
    await expectStatus(
      api(`/api/v1/channels/${channelId}`, 'PATCH', { mps: CAP, tier_limit: null }),
      200,
      'channel limits',
    )
    await expectStatus(
      api('/api/v1/templates', 'POST', {
        ...TEMPLATE,
        category: 'utility',
        components: [{ type: 'BODY', text: 'Hello' }],
      }),
      200,
      'template registration',
    )

    // --- seed: broadcast audience (tagged, never wrote) and the people who wrote (window open) ---
    await db.connect()
    const seed0 = performance.now()
    const ws = (await db.query<{ id: string }>('select id from workspaces limit 1')).rows[0]?.id
    await db.query(
      `insert into contacts (workspace_id, phone_e164, wa_id, name, opt_in_status, opt_in_source, opt_in_at)
       select $1, '+' || $2 || lpad(g::text, 8, '0'), $2 || lpad(g::text, 8, '0'), 'Cliente ' || g, 'opted_in', 'bench', now()
       from generate_series(0, $3 - 1) g`,
      [ws, BROADCAST_PREFIX, RECIPIENTS],
    )
    const tag = await db.query<{ id: string }>(
      `insert into tags (workspace_id, key, label) values ($1, 'bench_send', 'Bench send') returning id`,
      [ws],
    )
    await db.query(
      `insert into contact_tags (workspace_id, contact_id, tag_id)
       select $1, id, $2 from contacts where workspace_id = $1 and wa_id like $3 || '%'`,
      [ws, tag.rows[0]?.id, BROADCAST_PREFIX],
    )
    const replyContacts = await db.query<{ id: string; wa_id: string }>(
      `insert into contacts (workspace_id, phone_e164, wa_id, name, last_inbound_at)
       select $1, '+' || $2 || lpad(g::text, 8, '0'), $2 || lpad(g::text, 8, '0'), 'Escreveu ' || g, now()
       from generate_series(0, $3 - 1) g
       returning id, wa_id`,
      [ws, REPLY_PREFIX, REPLIES],
    )
    await db.query('analyze')
    const replyRows = replyContacts.rows.sort((a, b) => a.wa_id.localeCompare(b.wa_id))
    // The simulator's side of "they wrote": its 24 h window opens (no inbound webhook).
    await inParallel(replyRows, 16, (r) => (sim as SimProcess).customerWrote(NUMBER.phoneNumberId, r.wa_id))
    log(
      `seed: ${fmt(RECIPIENTS)} tagged contacts, ${fmt(REPLIES)} contacts who wrote (window open on both sides) in ${fmt(performance.now() - seed0)} ms`,
    )

    // Reply arrivals: a Poisson process over REPLY_SPAN_MS (seeded, so runs are comparable).
    const random = makeRng(42)
    const offsets: number[] = []
    let at = 0
    for (let i = 0; i < REPLIES; i++) {
      at += -Math.log(1 - random()) * (REPLY_SPAN_MS / REPLIES)
      offsets.push(Math.min(at, REPLY_SPAN_MS))
    }

    // --- product run ---
    const node0 = processCpuMs()
    const pg0 = postgresCpu()
    const sim0 = sim.cpuMs()
    const machine0 = machineCpuMs()
    const started = Date.now()
    const created = await expectStatus(
      api('/api/v1/broadcasts', 'POST', {
        name: 'Bench broadcast',
        template: TEMPLATE,
        audience: { tag: 'bench_send' },
      }),
      202,
      'broadcast',
    )
    const broadcastId = created.id as string
    log(
      `broadcast ${broadcastId}: mode ${created.mode}, estimate ${JSON.stringify((created.estimate as { recipients: number }).recipients)} recipients, accepted in ${Date.now() - started} ms`,
    )
    let repliesDone = false
    const replyRun = driveReplies(
      api,
      replyRows.map((r) => r.id),
      offsets,
      started,
    ).finally(() => {
      repliesDone = true
    })

    const deadline = started + Math.max(300_000, EXPECTED_S * 3_000)
    let lastLog = started
    let lastAccepted = 0
    let q = await queueState(db, broadcastId)
    let s = await sim.stats()
    for (;;) {
      await sleep(1_000)
      q = await queueState(db, broadcastId)
      const finished = repliesDone && q.expandedDone && q.open === 0
      if (Date.now() - lastLog >= PROGRESS_EVERY_MS || finished || Date.now() > deadline) {
        s = await sim.stats()
        const now = Date.now()
        const rate = ((s.accepted - lastAccepted) * 1000) / (now - lastLog)
        log(
          `t=${String(Math.round((now - started) / 1000)).padStart(4)} s  accepted ${fmt(s.accepted).padStart(6)}  ${rate.toFixed(1).padStart(5)} msg/s` +
            `  queue ${fmt(q.open)} (claimed ${fmt(q.sending)}, replies ${q.openReplies})  expanded ${fmt(q.expanded)}/${fmt(RECIPIENTS)}` +
            `  webhook events queued ${fmt(q.events)}  violations ${violationsOf(s)}  rejected ${JSON.stringify(s.rejected)}`,
        )
        lastLog = now
        lastAccepted = s.accepted
      }
      if (finished) break
      if (Date.now() > deadline) {
        log('DEADLINE: the queue did not drain in time; figures below count what was not sent as lost')
        break
      }
    }
    const doneAt = Date.now()
    const elapsed = doneAt - started
    const nodeMs = processCpuMs() - node0
    const pgMs = postgresCpuSince(pg0)
    const simMs = sim.cpuMs() - sim0
    const machine1 = machineCpuMs()
    const replies = await replyRun

    // Statuses: every webhook delivered and ingested.
    const idle = await sim.idle(60_000)
    const drainDeadline = Date.now() + 60_000
    while ((await queueState(db, broadcastId)).events > 0 && Date.now() < drainDeadline) await sleep(200)
    const progress = await expectStatus(
      api(`/api/v1/broadcasts/${broadcastId}`, 'GET'),
      200,
      'broadcast progress',
    )
    const stats = await sim.stats()
    const sent = await sim.sent()
    const jobs = await db.query<{ kind: string; state: string; n: number }>(
      'select kind, state, count(*)::int as n from send_jobs group by 1, 2 order by 1, 2',
    )
    const statuses = await db.query<{ status: string; n: number }>(
      `select status, count(*)::int as n from messages where direction = 'outbound' group by 1 order by 1`,
    )
    const broadcastIds = new Set(
      (
        await db.query<{ message_id: string }>(
          'select message_id::text from send_jobs where broadcast_id = $1',
          [broadcastId],
        )
      ).rows.map((r) => r.message_id),
    )

    // --- product figures ---
    const firstAccept = new Map<string, number>()
    const perMessage = new Map<string, number>()
    const templateTo = new Map<string, number>()
    let unexpected = 0
    for (const r of sent) {
      const id = r.bizOpaqueCallbackData?.startsWith('scrm:') ? r.bizOpaqueCallbackData.slice(5) : null
      if (id === null) {
        unexpected += 1
        continue
      }
      perMessage.set(id, (perMessage.get(id) ?? 0) + 1)
      if (!firstAccept.has(id)) firstAccept.set(id, r.acceptedAt)
      if (r.type === 'template') templateTo.set(r.recipient, (templateTo.get(r.recipient) ?? 0) + 1)
    }
    const audience = Array.from({ length: RECIPIENTS }, (_, i) => waIdOf(BROADCAST_PREFIX, i))
    const reached = audience.filter((w) => templateTo.has(w)).length
    const queuedReplies = replies.filter((r) => r.messageId !== null)
    const lostReplies = queuedReplies.filter((r) => !firstAccept.has(r.messageId as string)).length
    const lostBroadcast = RECIPIENTS - reached
    const lost = lostBroadcast + lostReplies
    // Each deliverable (a broadcast recipient, a reply) once; anything beyond is a duplicate.
    const repliesReached = queuedReplies.length - lostReplies
    const duplicates = sent.length - reached - repliesReached
    const violations = violationsOf(stats)

    const broadcastTimes = sent
      .filter((r) => r.type === 'template' && broadcastIds.has(r.bizOpaqueCallbackData?.slice(5) ?? ''))
      .map((r) => r.acceptedAt)
    const broadcastEnd = Math.max(...broadcastTimes)
    const during = queuedReplies.filter((r) => r.queuedAt <= broadcastEnd)
    const replyLatency = sortedCopy(
      during
        .filter((r) => firstAccept.has(r.messageId as string))
        .map((r) => (firstAccept.get(r.messageId as string) as number) - r.queuedAt),
    )
    const postLatency = sortedCopy(replies.map((r) => r.queuedAt - r.postedAt))
    const rate = rateOf(sent.map((r) => r.acceptedAt))
    const utilization = rate.interiorMean / CAP
    const replyP95 = percentile(replyLatency, 0.95)

    log('')
    log(
      `product: ${fmt(sent.length)} accepted in ${(elapsed / 1000).toFixed(1)} s (broadcast POST to queue empty);` +
        ` sending ${((rate.lastAt - rate.firstAt) / 1000).toFixed(1)} s from first to last accepted send`,
    )
    log(
      `  throughput: ${rate.interiorMean.toFixed(2)} msg/s mean over ${rate.seconds.length - 2} interior seconds (headline)` +
        ` | median second ${rate.median} | first-to-last ${rate.firstToLast.toFixed(2)} msg/s | longest gap ${rate.longestGapMs} ms` +
        ` | ${rate.idleGaps} gaps > ${Math.round(2000 / CAP)} ms idle the number for ${fmt(rate.idleMs)} ms (${Math.round((rate.idleMs / (rate.lastAt - rate.firstAt)) * 100)}% of the sending time)` +
        ` | seconds below ${Math.floor(CAP * 0.9)}: ${rate.seconds.slice(1, -1).filter((n) => n < CAP * 0.9).length}`,
    )
    log(
      `  per second: ${rate.seconds.join(' ')} | most accepted in any sliding 1 s: ${maxInWindow(
        sent.map((r) => r.acceptedAt),
        1000,
      )}`,
    )
    log(
      `  simulator: violations ${JSON.stringify(stats.violations)}, rejected ${JSON.stringify(stats.rejected)}, failed statuses ${JSON.stringify(stats.failed)},` +
        ` duplicatesByClientId ${stats.duplicatesByClientId}, statuses delivered ${fmt(stats.statusesDelivered)}, webhook failures ${stats.webhookFailures}${idle ? '' : ' (NOT IDLE)'}`,
    )
    log(
      `  delivery: broadcast ${fmt(reached)}/${fmt(RECIPIENTS)} recipients reached (refused ${JSON.stringify(progress.refused)}, state ${progress.state});` +
        ` replies ${fmt(queuedReplies.length)} queued (202) of ${fmt(REPLIES)} posted${
          replies.length - queuedReplies.length
            ? ` (${replies.length - queuedReplies.length} failed: ${JSON.stringify(
                replies
                  .filter((r) => !r.messageId)
                  .slice(0, 3)
                  .map((r) => r.status),
              )})`
            : ''
        }, ${fmt(repliesReached)} accepted;` +
        ` lost ${lost}, duplicates ${duplicates}, sends without our id ${unexpected}`,
    )
    log(
      `  replies during the broadcast: ${during.length}; queue-to-sent p50 ${percentile(replyLatency, 0.5)} ms, p95 ${replyP95} ms, p99 ${percentile(replyLatency, 0.99)} ms, max ${replyLatency.at(-1)} ms` +
        ` | POST /messages p50 ${percentile(postLatency, 0.5)} ms, p95 ${percentile(postLatency, 0.95)} ms`,
    )
    log(
      `  reply queue-to-sent p95 by when it was queued: ${latencyByWindow(during, firstAccept, started, 30_000)}`,
    )
    log(
      `  backend: send_jobs ${jobs.rows.map((r) => `${r.kind}/${r.state} ${r.n}`).join(', ')}; outbound messages by status ${statuses.rows.map((r) => `${r.status} ${r.n}`).join(', ')}`,
    )
    if (trace) log(`  sender trace (BENCH_TRACE_SENDER=1): ${trace.summary(sent)}`)
    log(
      `  backend log: ${[...sink.tally.counts].map(([k, n]) => `${k} x${n}`).join('; ') || 'nothing'}` +
        (sink.tally.errors.length ? ` | errors: ${sink.tally.errors.join(' | ')}` : ''),
    )
    log(
      `  cpu over the run: node (backend + bench driver) ${share(nodeMs, elapsed)}, postgres ${share(pgMs, elapsed)}, simulator ${share(simMs, elapsed)},` +
        ` machine ${Math.round(((machine1.busy - machine0.busy) / (machine1.total - machine0.total)) * 100)}% of ${availableParallelism()} cores`,
    )

    // --- baseline: naive batches against the reset simulator ---
    await sim.configure({ webhookUrl: null })
    await sim.reset()
    const baseReplyRows = replyRows.slice(0, BASELINE_REPLIES)
    await inParallel(baseReplyRows, 16, (r) =>
      (sim as SimProcess).customerWrote(NUMBER.phoneNumberId, r.wa_id),
    )
    const naive: NaiveSend[] = audience.slice(0, BASELINE_RECIPIENTS).map((to, i) => ({
      to,
      body: {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        type: 'template',
        template: { name: TEMPLATE.name, language: { code: TEMPLATE.language } },
        biz_opaque_callback_data: `naive:b${i}`,
      },
    }))
    // Replies mixed in where they would arrive: at random places in the stream.
    const baseRandom = makeRng(43)
    for (const [i, r] of baseReplyRows.entries()) {
      naive.splice(Math.floor(baseRandom() * (naive.length + 1)), 0, {
        to: r.wa_id,
        body: {
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          type: 'text',
          text: { body: `Hi! About your order #${10_000 + i}: it ships today.` },
          biz_opaque_callback_data: `naive:r${i}`,
        },
      })
    }
    log('')
    log(
      `baseline: naive sender, ${fmt(naive.length)} sends (${fmt(BASELINE_RECIPIENTS)} templates + ${fmt(BASELINE_REPLIES)} replies) in batches of ${BASELINE_BATCH} per second, errors ignored, no retries`,
    )
    const base = await runNaive(sim, naive)
    const baseRate = rateOf(base.sent.map((r) => r.acceptedAt))
    const baseUtilization = baseRate.interiorMean / CAP
    const baseViolations = violationsOf(base.stats)
    const baseFailures = sum(base.stats.rejected) + sum(base.stats.failed) + base.networkErrors
    log(
      `  ${fmt(base.stats.accepted)} accepted of ${fmt(base.offered)} in ${(base.elapsedMs / 1000).toFixed(1)} s: ${baseRate.interiorMean.toFixed(2)} msg/s` +
        ` (utilization ${baseUtilization.toFixed(3)}); violations ${baseViolations} ${JSON.stringify(base.stats.violations)};` +
        ` failures ${baseFailures} (rejected ${JSON.stringify(base.stats.rejected)}, failed statuses ${JSON.stringify(base.stats.failed)}, network ${base.networkErrors});` +
        ` answers ${JSON.stringify(base.answers)}`,
    )

    // --- verdict ---
    const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL')
    log('')
    log(
      `${pass(utilization >= TARGETS.utilization)} throughput >= ${TARGETS.utilization} of the cap: ${utilization.toFixed(3)}`,
    )
    log(`${pass(violations === 0)} no limit violated: ${violations}`)
    log(`${pass(lost === 0)} nothing lost: ${lost}`)
    log(`${pass(duplicates === 0)} no duplicates: ${duplicates}`)
    log(
      `${pass(replyP95 <= TARGETS.replyP95Ms)} reply p95 queue-to-sent <= ${TARGETS.replyP95Ms} ms during the broadcast: ${replyP95} ms`,
    )
    log(
      JSON.stringify({
        cap_mps: CAP,
        achieved_mps: round(rate.interiorMean, 2),
        utilization: round(utilization, 3),
        violations,
        lost,
        duplicates,
        reply_p95_ms: round(replyP95, 0),
        baseline_utilization: round(baseUtilization, 3),
        baseline_violations: baseViolations,
      }),
    )
    return lost === 0 && duplicates === 0 && violations === 0 ? 0 : 1
  } finally {
    await closeServer(server)
    await runtime?.close()
    await sim?.stop()
    await db.end().catch(() => {})
    await dropDatabase(DB_NAME)
    rmSync(tmp, { recursive: true, force: true })
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`send bench failed: ${(error as Error).stack ?? error}\n`)
    process.exit(1)
  },
)
