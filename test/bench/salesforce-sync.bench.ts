import { type ChildProcess, fork } from 'node:child_process'
import type { Server } from 'node:http'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { parseConfig } from '../../backend/src/config'
import { queryRows } from '../../backend/src/db/query-rows'
import { type CrmConnection, crmConnections } from '../../backend/src/db/schema'
import { encryptSecret } from '../../backend/src/lib/crypto'
import { createLogger } from '../../backend/src/lib/logger'
import { type Runtime, startRuntime } from '../../backend/src/runtime'
import { SALESFORCE_SIM_DEFAULTS } from '../simulators/salesforce'
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
 * Salesforce sync benchmark (`npm run bench:sync -- --crm salesforce`): 10,000 WhatsApp contacts ×
 * 3 messages synced into the Salesforce simulator (its own process; the real jsforce 3.10.16) by the
 * real backend on a real Postgres.
 *
 * - backfill: conversations arrive while the sync is stopped, then it starts. api_calls = every
 *   request under /services/data until the outbox is empty (describes, Lead upserts, WA_Message__c
 *   upserts); floor_calls = ceil(contacts/200) + ceil(messages/200), the fewest sObject Collections
 *   calls that can carry them; ratio = api_calls / floor (target ≤ 1.05).
 * - limit_errors: REQUEST_LIMIT_EXCEEDED (403) answers during the run (target 0).
 * - steady: 1,000 messages / hour; latency from the webhook POST to Salesforce accepting the
 *   WA_Message__c (its outbox row gone); target p95 ≤ 2 s.
 * - baseline: a naive per-event sync (one single-record upsert per change) run for real on a sample;
 *   baseline_api_calls = calls per change there × the backfill's changes.
 * Settings: BENCH_CONTACTS (10000), BENCH_MESSAGES_PER_CONTACT (3), BENCH_STEADY_SECONDS (120),
 * BENCH_BASELINE_SAMPLE (300).
 */

const DB_NAME = 'scrm_bench_sync_sf'
const CONTACTS = Number(process.env.BENCH_CONTACTS || 10_000)
const PER_CONTACT = Number(process.env.BENCH_MESSAGES_PER_CONTACT || 3)
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS || 120)
const STEADY_PER_HOUR = 1_000
const BASELINE_SAMPLE = Number(process.env.BENCH_BASELINE_SAMPLE || 300)
const ORG_ID = '00D5g00000BENCHAAA'
const NUMBER = SYNC_BENCH_NUMBER
const TARGETS = { ratio: 1.05, steadyP95Ms: 2_000 }

const log = (line: string) => process.stdout.write(`${line}\n`)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const person = syncBenchPerson

interface SimRequest {
  method: string
  path: string
  status: number
  records: number
}

async function startSim(): Promise<{
  url: string
  child: ChildProcess
  accessToken: string
  refreshToken: string
}> {
  const main = fileURLToPath(new URL('../simulators/salesforce/main.ts', import.meta.url))
  // A Performance-edition-sized allocation, so the 80 % stop is not what the run measures.
  const child = fork(main, ['--port', '0', '--org', ORG_ID, '--daily-limit', '1000000'], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Salesforce simulator did not start in 30 s')), 30_000)
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      try {
        const e = JSON.parse(line) as {
          event?: string
          url: string
          accessToken: string
          refreshToken: string
        }
        if (e.event === 'listening') {
          clearTimeout(timer)
          resolve({ url: e.url, child, accessToken: e.accessToken, refreshToken: e.refreshToken })
        }
      } catch {}
    })
  })
}

export async function runSalesforceSyncBench(): Promise<void> {
  const sim = await startSim()
  const control = async <T>(path: string, method = 'GET'): Promise<T> => {
    const res = await fetch(`${sim.url}/__sim${path}`, { method })
    if (!res.ok) throw new Error(`simulator ${path}: ${res.status}`)
    return (await res.json()) as T
  }
  const apiRequests = async () =>
    (await control<SimRequest[]>('/requests')).filter((r) => r.path.startsWith('/services/data/'))
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
    SCHEDULER: 'off',
    SALESFORCE_CLIENT_ID: SALESFORCE_SIM_DEFAULTS.clientId,
    SALESFORCE_CLIENT_SECRET: SALESFORCE_SIM_DEFAULTS.clientSecret,
    SALESFORCE_LOGIN_URL: sim.url,
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
    const reg = await rt.app.request('/api/v1/channels', {
      method: 'POST',
      headers: { authorization: `Bearer ${BENCH_SECRETS.ADMIN_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        phone_number_id: NUMBER.phoneNumberId,
        display_phone_number: `+${NUMBER.displayPhoneNumber}`,
        default_region: 'BR',
        waba_id: NUMBER.wabaId,
        access_token: TEST_WHATSAPP_TOKEN,
      }),
    })
    if (reg.status !== 201) throw new Error(`channel registration: ${reg.status} ${await reg.text()}`)
    // An installed org, as the OAuth callback stores it.
    const key = config.ENCRYPTION_KEY as Buffer
    const state = { instanceUrl: sim.url, loginUrl: sim.url, sandbox: false }
    const [{ id: connectionId } = { id: '' }] = await queryRows<{ id: string }>(
      db,
      sql`insert into crm_connections (workspace_id, provider, account_id, access_token_enc, refresh_token_enc,
            token_expires_at, installed_at, provider_state)
          select id, 'salesforce', ${ORG_ID}, ${encryptSecret(sim.accessToken, key)},
                 ${encryptSecret(sim.refreshToken, key)}, now() + interval '100 minutes', now(), ${JSON.stringify(state)}::jsonb
            from workspaces order by created_at limit 1
          returning id`,
    )

    const { deliver, waitIngested } = syncLoad(db, served.origin)

    log(`loading ${CONTACTS.toLocaleString()} contacts × ${PER_CONTACT} messages ...`)
    const loadStart = Date.now()
    const past = new Date(Date.now() - 3_600_000)
    for (let i = 0; i < CONTACTS; i += 50) {
      await deliver(
        Array.from({ length: Math.min(50, CONTACTS - i) }, (_, k) => person(i + k)),
        PER_CONTACT,
        past,
      )
      if ((i / 50) % 40 === 0) {
        await waitIngested()
        log(
          `  ${Math.min(i + 50, CONTACTS).toLocaleString()} / ${CONTACTS.toLocaleString()} contacts delivered`,
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

    await control('/requests', 'DELETE')
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
      if (Date.now() - lastReport >= 5_000) {
        lastReport = Date.now()
        log(
          `  ${left.n.toLocaleString()} outbox rows left after ${round((Date.now() - backfillStart) / 1000)} s`,
        )
      }
      await sleep(250)
    }
    const backfillMs = Date.now() - backfillStart
    const backfillRequests = await apiRequests()
    const apiCalls = backfillRequests.length
    const byPath = new Map<string, number>()
    for (const r of backfillRequests)
      byPath.set(`${r.method} ${r.path}`, (byPath.get(`${r.method} ${r.path}`) ?? 0) + 1)
    for (const [path, n] of [...byPath].sort((a, b) => b[1] - a[1]))
      log(`  ${String(n).padStart(5)}  ${path}`)
    const floorCalls = Math.ceil(contacts / 200) + Math.ceil(messages / 200)
    const leads = (
      await queryRows<{ n: number }>(db, sql`select count(*)::int as n from crm_record_links`)
    )[0]?.n
    const [parked] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from crm_outbox where parked_at is not null`,
    )

    const latencyOf = async (wamid: string, started: number) => {
      const deadline = Date.now() + 60_000
      while (Date.now() < deadline) {
        const [row] = await queryRows<{ pending: boolean }>(
          db,
          sql`select exists (select 1 from crm_outbox o join messages m on o.kind = 'message' and o.subject_id = m.id::text
                              where m.wamid = ${wamid}) or not exists (select 1 from messages where wamid = ${wamid}) as pending`,
        )
        if (row && !row.pending) return Date.now() - started
        await sleep(10)
      }
      return undefined
    }
    const intervalMs = 3_600_000 / STEADY_PER_HOUR
    const steadyCount = Math.max(1, Math.floor((STEADY_SECONDS * 1000) / intervalMs))
    log(
      `steady: ${steadyCount} messages at ${STEADY_PER_HOUR}/hour (one every ${round(intervalMs / 1000)} s) ...`,
    )
    const steadyLatencies: number[] = []
    const steadyBefore = (await apiRequests()).length
    for (let i = 0; i < steadyCount; i++) {
      const started = Date.now()
      const payload = await deliver([person(i * 7)], 1, new Date())
      const latency = await latencyOf(wamidsOf(payload)[0] as string, started)
      if (latency !== undefined) steadyLatencies.push(latency)
      await sleep(Math.max(0, intervalMs - (Date.now() - started)))
    }
    const steadyCalls = (await apiRequests()).length - steadyBefore

    log(`baseline: ${BASELINE_SAMPLE} changes, one call each ...`)
    const [connection] = (await db
      .select()
      .from(crmConnections)
      .where(sql`${crmConnections.id} = ${connectionId}`)) as CrmConnection[]
    const connector = rt.crmSync.connectorFor(connection as CrmConnection)
    const sample = await queryRows<{ phone: string; id: string }>(
      db,
      sql`select phone_e164 as phone, id from contacts where phone_e164 is not null limit ${BASELINE_SAMPLE}`,
    )
    const baselineBefore = (await apiRequests()).length
    const baselineStart = Date.now()
    for (const c of sample)
      await connector.upsertContacts(
        [{ ref: c.id, recordId: null, uniqueValue: c.phone, properties: { WA_Phone__c: c.phone } }],
        'WA_Phone__c',
      )
    const baselineMs = Date.now() - baselineStart
    const baselineCallsPerChange = ((await apiRequests()).length - baselineBefore) / sample.length
    const limitErrors = (await apiRequests()).filter((r) => r.status === 403).length

    const steady = sortedCopy(steadyLatencies)
    const usage = connector.quota()
    const result = {
      crm: 'salesforce',
      contacts,
      messages,
      records_linked: leads ?? 0,
      changes: changeEvents,
      api_calls: apiCalls,
      floor_calls: floorCalls,
      ratio: round(apiCalls / floorCalls, 3),
      backfill_s: round(backfillMs / 1000),
      parked: parked?.n ?? 0,
      limit_errors: limitErrors,
      api_used_after: usage ? usage.max - usage.remaining : null,
      steady_messages: steadyLatencies.length,
      steady_api_calls: steadyCalls,
      steady_p50_ms: round(percentile(steady, 0.5)),
      steady_p95_ms: round(percentile(steady, 0.95)),
      baseline_api_calls: Math.round(baselineCallsPerChange * changeEvents),
      baseline_vs_batched: round((baselineCallsPerChange * changeEvents) / apiCalls, 1),
      baseline_hours: round(((baselineMs / sample.length) * changeEvents) / 3_600_000, 2),
    }
    log('')
    log(`contacts ${contacts}, messages ${messages}, changes ${changeEvents}`)
    log(
      `backfill: ${apiCalls} API calls vs floor ${floorCalls} → ratio ${result.ratio} (target ≤ ${TARGETS.ratio}) in ${result.backfill_s} s`,
    )
    log(
      `baseline (one call per change): ${result.baseline_api_calls} calls (${result.baseline_vs_batched}× the batched sync), ~${result.baseline_hours} h`,
    )
    log(`REQUEST_LIMIT_EXCEEDED: ${limitErrors}; parked: ${result.parked}`)
    log(
      `steady 1,000/h: p50 ${result.steady_p50_ms} ms, p95 ${result.steady_p95_ms} ms (target ≤ ${TARGETS.steadyP95Ms}) over ${steady.length} messages`,
    )
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
