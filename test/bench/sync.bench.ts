import { type ChildProcess, fork } from 'node:child_process'
import type { Server } from 'node:http'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { parseConfig } from '../../backend/src/config'
import { HubspotConnector } from '../../backend/src/crm/hubspot/hubspot-connector'
import { HUBSPOT_BUDGET } from '../../backend/src/crm/hubspot/provider'
import { crmRateLimiter } from '../../backend/src/crm/sync/crm-rate-limiter'
import { queryRows } from '../../backend/src/db/query-rows'
import { encryptSecret } from '../../backend/src/lib/crypto'
import { createLogger } from '../../backend/src/lib/logger'
import { type Runtime, startRuntime } from '../../backend/src/runtime'
import { HUBSPOT_SIM_DEFAULTS } from '../simulators/hubspot'
import { startMetaAccount } from '../support/meta-account'
import { TEST_WHATSAPP_TOKEN } from '../support/test-runtime'
import {
  BENCH_SECRETS,
  closeServer,
  dropDatabase,
  listen,
  percentile,
  recreateDatabase,
  round,
  sortedCopy,
} from './common'
import { SYNC_BENCH_NUMBER, syncBenchPerson, syncLoad } from './sync-load'

/**
 * CRM sync benchmark: 10,000 WhatsApp contacts, each updated by several messages, synced into the
 * HubSpot simulator (its own process, HubSpot's 110 requests / 10 s per portal) by the real
 * backend on a real Postgres.
 *
 * Phases and figures:
 * - backfill: the conversations arrive while the sync is stopped (every change is recorded in the
 *   outbox), then the sync starts. api_calls = every API request it made (schema set-up, contact
 *   upserts, communication batches) until the outbox is empty; floor_calls = ceil(contacts/100) +
 *   ceil(messages/100), the fewest batch calls that can carry them; ratio = api_calls / floor.
 * - baseline: a naive per-event sync (one call per change, as a Zap does) is run for real on a
 *   sample of changes with the same rate limiter; baseline_api_calls = calls per change measured
 *   there × the changes of the backfill (at 11 calls/s the whole baseline would take hours).
 * - steady: 1,000 messages / hour from existing contacts; latency from the webhook POST to the CRM
 *   accepting the communication (its outbox row gone). burst: BENCH_BURST messages at once.
 * - rate_limit_violations: 429 answers the simulator gave during the whole run.
 * Settings: BENCH_CONTACTS (10000), BENCH_MESSAGES_PER_CONTACT (3), BENCH_STEADY_SECONDS (120),
 * BENCH_BURST (1000), BENCH_BASELINE_SAMPLE (300); CRM_SYNC_* pass through to the backend.
 */

const DB_NAME = 'scrm_bench_sync'
const CONTACTS = Number(process.env.BENCH_CONTACTS || 10_000)
const PER_CONTACT = Number(process.env.BENCH_MESSAGES_PER_CONTACT || 3)
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS || 120)
const STEADY_PER_HOUR = 1_000
const BURST = Number(process.env.BENCH_BURST || 1_000)
const BASELINE_SAMPLE = Number(process.env.BENCH_BASELINE_SAMPLE || 300)
const PORTAL = 9_100_001
const NUMBER = SYNC_BENCH_NUMBER
const TARGETS = { ratio: 1.05, steadyP95Ms: 2_000 }

const log = (line: string) => process.stdout.write(`${line}\n`)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const person = syncBenchPerson

interface SimHandle {
  url: string
  child: ChildProcess
  control<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T>
}

async function startSim(): Promise<SimHandle> {
  const main = fileURLToPath(new URL('../simulators/hubspot/main.ts', import.meta.url))
  const child = fork(main, ['--port', '0'], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('HubSpot simulator did not start in 30 s')), 30_000)
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      try {
        const e = JSON.parse(line) as { event?: string; url?: string }
        if (e.event === 'listening' && e.url) {
          clearTimeout(timer)
          resolve(e.url)
        }
      } catch {
        log(`[hubspot-sim] ${line}`)
      }
    })
  })
  return {
    url,
    child,
    async control<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
      const res = await fetch(`${url}/__sim${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      })
      if (!res.ok) throw new Error(`simulator ${path}: ${res.status} ${await res.text()}`)
      return (await res.json()) as T
    },
  }
}

interface SimRequest {
  method: string
  path: string
  status: number
  at: number
  inputs: number
}

async function main(): Promise<void> {
  const sim = await startSim()
  const dbUrl = await recreateDatabase(DB_NAME)
  // Registering the number proves its ownership against a simulated Meta account.
  const meta = await startMetaAccount([NUMBER])
  const config = parseConfig({
    WHATSAPP_GRAPH_URL: meta.url,
    ...BENCH_SECRETS,
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('CRM_SYNC_'))),
    DATABASE_URL: dbUrl,
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    SENDER: 'off',
    AUTOMATION_WORKER: 'off',
    HUBSPOT_CLIENT_ID: HUBSPOT_SIM_DEFAULTS.clientId,
    HUBSPOT_CLIENT_SECRET: HUBSPOT_SIM_DEFAULTS.clientSecret,
    HUBSPOT_API_URL: sim.url,
  })
  let runtime: Runtime | undefined
  let server: Server | undefined
  try {
    runtime = await startRuntime(config, createLogger(config.LOG_LEVEL))
    const rt = runtime
    await rt.crmSync.worker.stop()
    const served = await listen(rt.app.fetch)
    server = served.server
    const db = rt.db.db
    const admin = {
      authorization: `Bearer ${BENCH_SECRETS.ADMIN_API_KEY}`,
      'content-type': 'application/json',
    }
    const reg = await rt.app.request('/api/v1/channels', {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({
        phone_number_id: NUMBER.phoneNumberId,
        display_phone_number: `+${NUMBER.displayPhoneNumber}`,
        default_region: 'BR',
        waba_id: NUMBER.wabaId,
        access_token: TEST_WHATSAPP_TOKEN,
      }),
    })
    if (reg.status !== 201) throw new Error(`channel registration: ${reg.status} ${await reg.text()}`)

    // An installed portal (tokens as the OAuth callback stores them).
    const tokens = await sim.control<{ accessToken: string; refreshToken: string }>('/tokens', {
      body: { portalId: PORTAL },
    })
    const key = config.ENCRYPTION_KEY as Buffer
    const [{ id: connectionId } = { id: '' }] = await queryRows<{ id: string }>(
      db,
      sql`insert into crm_connections (workspace_id, provider, account_id, access_token_enc, refresh_token_enc,
            token_expires_at, installed_at)
          select id, 'hubspot', ${String(PORTAL)}, ${encryptSecret(tokens.accessToken, key)},
                 ${encryptSecret(tokens.refreshToken, key)}, now() + interval '25 minutes', now()
            from workspaces order by created_at limit 1
          returning id`,
    )

    const { deliver, waitIngested } = syncLoad(db, served.origin)

    // 1. Conversations while the sync is stopped.
    log(`loading ${CONTACTS.toLocaleString()} contacts × ${PER_CONTACT} messages ...`)
    const loadStart = Date.now()
    const chunk = 50
    const past = new Date(Date.now() - 3_600_000)
    for (let i = 0; i < CONTACTS; i += chunk) {
      const senders = Array.from({ length: Math.min(chunk, CONTACTS - i) }, (_, k) => person(i + k))
      await deliver(senders, PER_CONTACT, past)
      if ((i / chunk) % 40 === 0) {
        await waitIngested()
        log(
          `  ${Math.min(i + chunk, CONTACTS).toLocaleString()} / ${CONTACTS.toLocaleString()} contacts delivered`,
        )
      }
    }
    await waitIngested()
    log(`  loaded in ${round((Date.now() - loadStart) / 1000)} s`)
    const [changes] = await queryRows<{ contact_changes: number; contacts: number; messages: number }>(
      db,
      sql`select coalesce(sum(version) filter (where kind = 'contact'), 0)::int as contact_changes,
                 count(*) filter (where kind = 'contact')::int as contacts,
                 count(*) filter (where kind = 'message')::int as messages
            from crm_outbox where connection_id = ${connectionId}`,
    )
    const contacts = changes?.contacts ?? 0
    const messages = changes?.messages ?? 0
    const changeEvents = (changes?.contact_changes ?? 0) + messages

    // 2. Backfill: start the sync, wait until the outbox is empty.
    await sim.control('/requests', { method: 'DELETE' })
    log(`backfill: ${contacts} contacts (${changes?.contact_changes} changes), ${messages} messages ...`)
    const backfillStart = Date.now()
    rt.crmSync.worker.start()
    let lastReport = 0
    for (;;) {
      const [left] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from crm_outbox where connection_id = ${connectionId} and parked_at is null`,
      )
      if (!left?.n) break
      // Look often (the figure is the time to an empty outbox), report every 5 s.
      if (Date.now() - lastReport >= 5_000) {
        lastReport = Date.now()
        log(
          `  ${left.n.toLocaleString()} outbox rows left after ${round((Date.now() - backfillStart) / 1000)} s`,
        )
      }
      await sleep(250)
    }
    const backfillMs = Date.now() - backfillStart
    const backfillRequests = await sim.control<SimRequest[]>('/requests')
    const apiCalls = backfillRequests.length
    const byPath = new Map<string, number>()
    for (const r of backfillRequests)
      byPath.set(`${r.method} ${r.path}`, (byPath.get(`${r.method} ${r.path}`) ?? 0) + 1)
    for (const [path, n] of [...byPath].sort((a, b) => b[1] - a[1]))
      log(`  ${String(n).padStart(5)}  ${path}`)
    const floorCalls = Math.ceil(contacts / 100) + Math.ceil(messages / 100)
    const [parked] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from crm_outbox where parked_at is not null`,
    )

    // 3. Steady state: 1,000 messages / hour.
    const latencyOf = async (wamids: string[], sentAt: Map<string, number>) => {
      const done = new Map<string, number>()
      const deadline = Date.now() + 60_000
      while (done.size < wamids.length && Date.now() < deadline) {
        const rows = await queryRows<{ wamid: string; pending: boolean }>(
          db,
          sql`select m.wamid, exists (select 1 from crm_outbox o where o.kind = 'message' and o.subject_id = m.id::text) as pending
                from messages m where m.wamid in (select jsonb_array_elements_text(${JSON.stringify(wamids.filter((w) => !done.has(w)))}::jsonb))`,
        )
        const now = Date.now()
        for (const r of rows)
          if (!r.pending && !done.has(r.wamid)) done.set(r.wamid, now - (sentAt.get(r.wamid) ?? now))
        await sleep(10)
      }
      return [...done.values()]
    }
    const intervalMs = 3_600_000 / STEADY_PER_HOUR
    const steadyCount = Math.max(1, Math.floor((STEADY_SECONDS * 1000) / intervalMs))
    log(
      `steady: ${steadyCount} messages at ${STEADY_PER_HOUR}/hour (one every ${round(intervalMs / 1000)} s) ...`,
    )
    const steadyLatencies: number[] = []
    const steadyRequestsBefore = (await sim.control<SimRequest[]>('/requests')).length
    for (let i = 0; i < steadyCount; i++) {
      const started = Date.now()
      const payload = await deliver([person(i * 7)], 1, new Date())
      const wamid = wamidsOf(payload)[0] as string
      const [latency] = await latencyOf([wamid], new Map([[wamid, started]]))
      if (latency !== undefined) steadyLatencies.push(latency)
      await sleep(Math.max(0, intervalMs - (Date.now() - started)))
    }
    const steadyCalls = (await sim.control<SimRequest[]>('/requests')).length - steadyRequestsBefore

    // 4. Burst.
    log(`burst: ${BURST} messages from ${Math.ceil(BURST / 2)} contacts at once ...`)
    const burstSent = new Map<string, number>()
    for (let i = 0; i < BURST; i += 100) {
      const senders = Array.from({ length: 50 }, (_, k) => person(5_000 + i / 2 + k))
      const started = Date.now()
      for (const w of wamidsOf(await deliver(senders, 2, new Date()))) burstSent.set(w, started)
    }
    const burstLatencies = await latencyOf([...burstSent.keys()], burstSent)

    // 5. Naive per-event baseline on a sample: one call per change, same rate limiter.
    log(`baseline: ${BASELINE_SAMPLE} changes, one call each ...`)
    const naive = new HubspotConnector({
      basePath: sim.url,
      accessToken: async () => tokens.accessToken,
      beforeRequest: crmRateLimiter(db, `naive-${connectionId}`, HUBSPOT_BUDGET),
    })
    const sample = await queryRows<{ phone: string; id: string }>(
      db,
      sql`select phone_e164 as phone, id from contacts where phone_e164 is not null limit ${BASELINE_SAMPLE}`,
    )
    const baselineBefore = (await sim.control<SimRequest[]>('/requests')).length
    const baselineStart = Date.now()
    for (const c of sample) {
      await naive.upsertContacts(
        [{ ref: c.id, recordId: null, uniqueValue: c.phone, properties: { scrm_wa_phone: c.phone } }],
        'scrm_wa_phone',
      )
    }
    const baselineMs = Date.now() - baselineStart
    const baselineCallsPerChange =
      ((await sim.control<SimRequest[]>('/requests')).length - baselineBefore) / sample.length
    const all = await sim.control<SimRequest[]>('/requests')
    const violations =
      backfillRequests.filter((r) => r.status === 429).length + all.filter((r) => r.status === 429).length

    log(`  steady latencies: ${steadyLatencies.join(', ')}`)
    const steady = sortedCopy(steadyLatencies)
    const burst = sortedCopy(burstLatencies)
    const result = {
      contacts,
      messages,
      changes: changeEvents,
      api_calls: apiCalls,
      floor_calls: floorCalls,
      ratio: round(apiCalls / floorCalls, 3),
      backfill_s: round(backfillMs / 1000),
      parked: parked?.n ?? 0,
      rate_limit_violations: violations,
      steady_messages: steadyLatencies.length,
      steady_api_calls: steadyCalls,
      steady_p50_ms: round(percentile(steady, 0.5)),
      steady_p95_ms: round(percentile(steady, 0.95)),
      burst_messages: burstLatencies.length,
      burst_p95_ms: round(percentile(burst, 0.95)),
      baseline_api_calls: Math.round(baselineCallsPerChange * changeEvents),
      baseline_hours: round(((baselineMs / sample.length) * changeEvents) / 3_600_000, 2),
    }
    log('')
    log(`contacts ${contacts}, messages ${messages}, changes ${changeEvents}`)
    log(
      `backfill: ${apiCalls} API calls vs floor ${floorCalls} → ratio ${result.ratio} (target ≤ ${TARGETS.ratio}) in ${result.backfill_s} s`,
    )
    log(
      `baseline (one call per change): ${result.baseline_api_calls} calls, ~${result.baseline_hours} h at the same limit`,
    )
    log(`429s: ${violations}; parked: ${result.parked}`)
    log(
      `steady 1,000/h: p50 ${result.steady_p50_ms} ms, p95 ${result.steady_p95_ms} ms (target ≤ ${TARGETS.steadyP95Ms}) over ${steady.length} messages`,
    )
    log(`burst ${burstLatencies.length}: p95 ${result.burst_p95_ms} ms`)
    log(JSON.stringify(result))
  } finally {
    await closeServer(server)
    await runtime?.close()
    await meta.close()
    sim.child.kill('SIGTERM')
    await dropDatabase(DB_NAME).catch(() => {})
  }
}

function wamidsOf(payload: unknown): string[] {
  const out: string[] = []
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk)
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>
      if (Array.isArray(o.messages)) for (const m of o.messages) out.push((m as { id: string }).id)
      else Object.values(o).forEach(walk)
    }
  }
  walk(payload)
  return out
}

/** `--crm salesforce` / `--crm zoho` run those variants (salesforce-sync.bench.ts, zoho-sync.bench.ts); HubSpot by default. */
const crmIndex = process.argv.indexOf('--crm')
const crm = crmIndex >= 0 ? process.argv[crmIndex + 1] : 'hubspot'
const run =
  crm === 'salesforce'
    ? () => import('./salesforce-sync.bench').then((m) => m.runSalesforceSyncBench())
    : crm === 'zoho'
      ? () => import('./zoho-sync.bench').then((m) => m.runZohoSyncBench())
      : crm === 'hubspot'
        ? main
        : () => Promise.reject(new Error(`--crm must be hubspot, salesforce or zoho, not ${crm}`))
run().catch((error) => {
  console.error(error)
  process.exit(1)
})
