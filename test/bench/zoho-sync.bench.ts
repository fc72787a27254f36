import type { Server } from 'node:http'
import { sql } from 'drizzle-orm'
import { parseConfig } from '../../backend/src/config'
import type { ZohoConnector } from '../../backend/src/crm/zoho/zoho-connector'
import { queryRows } from '../../backend/src/db/query-rows'
import { type CrmConnection, crmConnections } from '../../backend/src/db/schema'
import { createLogger } from '../../backend/src/lib/logger'
import { type Runtime, startRuntime } from '../../backend/src/runtime'
import { startZohoSimulator, zohoServerEnv } from '../simulators/zoho'
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
 * Zoho sync benchmark (`npm run bench:sync -- --crm zoho`): 10,000 WhatsApp contacts × 3 messages
 * synced into the Zoho simulator (an Enterprise org in the EU data centre, installed through the
 * real OAuth flow; the simulator runs in this process) by the real backend on a real Postgres.
 *
 * - backfill: conversations arrive while the sync is stopped, then it starts. api_calls = every
 *   v8 request until the outbox is empty; floor_calls = ceil(contacts/100) + ceil(messages/100):
 *   the engine hands the connector 100 messages per batch and Zoho takes 100 records per call, so
 *   one Notes call per 100 messages is the fewest this layout can make; ratio = api_calls / floor.
 * - credits: what the simulator charged (1 per call, 1 per 10 records on batch writes) for the
 *   backfill, per 1,000 WhatsApp messages; notes = one per contact and day.
 * - baseline: a naive per-event sync (each message: the contact upserted alone, one Note alone)
 *   run for real on a sample; its credits per message × the backfill's messages.
 * - steady: 1,000 messages / hour; latency from the webhook POST to Zoho accepting the note (its
 *   outbox row gone); target p95 ≤ 2 s. too_many_requests: 429 answers during the whole run.
 * Settings: BENCH_CONTACTS (10000), BENCH_MESSAGES_PER_CONTACT (3), BENCH_STEADY_SECONDS (120),
 * BENCH_BASELINE_SAMPLE (200).
 */

const DB_NAME = 'scrm_bench_sync_zoho'
const CONTACTS = Number(process.env.BENCH_CONTACTS || 10_000)
const PER_CONTACT = Number(process.env.BENCH_MESSAGES_PER_CONTACT || 3)
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS || 120)
const STEADY_PER_HOUR = 1_000
const BASELINE_SAMPLE = Number(process.env.BENCH_BASELINE_SAMPLE || 200)
const NUMBER = SYNC_BENCH_NUMBER
const TARGETS = { ratio: 1.05, creditsVsBaseline: 20, steadyP95Ms: 2_000 }

const log = (line: string) => process.stdout.write(`${line}\n`)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const person = syncBenchPerson

export async function runZohoSyncBench(): Promise<void> {
  const sim = await startZohoSimulator()
  const { orgId } = sim.org({ dc: 'eu', edition: 'enterprise', users: 50 })
  const dbUrl = await recreateDatabase(DB_NAME)
  // Registering the number proves its ownership against a simulated Meta account.
  const meta = await startMetaAccount([NUMBER])
  let runtime: Runtime | undefined
  let server: Server | undefined
  try {
    const served0 = await listen((req) => (runtime as Runtime).app.fetch(req))
    server = served0.server
    const config = parseConfig({
      WHATSAPP_GRAPH_URL: meta.url,
      ...BENCH_SECRETS,
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('CRM_SYNC_'))),
      DATABASE_URL: dbUrl,
      LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
      SENDER: 'off',
      AUTOMATION_WORKER: 'off',
      SCHEDULER: 'off',
      PUBLIC_URL: served0.origin,
      ...zohoServerEnv(sim),
    })
    runtime = await startRuntime(config, createLogger(config.LOG_LEVEL))
    const rt = runtime
    await rt.crmSync.worker.stop()
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
    // The admin installs the app (multi-DC OAuth): the org lives in the EU data centre.
    const start = await rt.app.request('/api/v1/connections/zoho/install', { method: 'POST', headers: admin })
    const authorizeUrl = new URL(((await start.json()) as { authorize_url: string }).authorize_url)
    const grant = sim.authorize(orgId, {
      redirectUri: authorizeUrl.searchParams.get('redirect_uri') as string,
    })
    const callback = await rt.app.request(
      `/oauth/zoho/callback?${new URLSearchParams({
        code: grant.code,
        state: authorizeUrl.searchParams.get('state') as string,
        location: grant.location,
        'accounts-server': grant.accountsServer,
      })}`,
      { headers: { accept: 'application/json' } },
    )
    if (callback.status !== 200) throw new Error(`install: ${callback.status} ${await callback.text()}`)
    const connectionId = ((await callback.json()) as { connection_id: string }).connection_id

    const { deliver, waitIngested } = syncLoad(db, served0.origin)
    log(`loading ${CONTACTS.toLocaleString()} contacts × ${PER_CONTACT} messages ...`)
    const loadStart = Date.now()
    const past = new Date(Date.now() - 60_000)
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

    sim.resetRequests()
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
    const backfill = [...sim.requests]
    const apiCalls = backfill.length
    const credits = backfill.reduce((n, r) => n + r.credits, 0)
    const byPath = new Map<string, number>()
    for (const r of backfill)
      byPath.set(
        `${r.method} ${r.path.split('?')[0]}`,
        (byPath.get(`${r.method} ${r.path.split('?')[0]}`) ?? 0) + 1,
      )
    for (const [path, n] of [...byPath].sort((a, b) => b[1] - a[1]))
      log(`  ${String(n).padStart(5)}  ${path}`)
    const floorCalls = Math.ceil(contacts / 100) + Math.ceil(messages / 100)
    const notes = sim.records(orgId, 'Notes').length
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
    const steadyFrom = sim.requests.length
    for (let i = 0; i < steadyCount; i++) {
      const started = Date.now()
      const payload = await deliver([person(i * 7)], 1, new Date())
      const latency = await latencyOf(wamidsOf(payload)[0] as string, started)
      if (latency !== undefined) steadyLatencies.push(latency)
      await sleep(Math.max(0, intervalMs - (Date.now() - started)))
    }
    const steadyRequests = sim.requests.slice(steadyFrom)

    log(`baseline: ${BASELINE_SAMPLE} messages, each as its own contact upsert and Note ...`)
    const [connection] = (await db
      .select()
      .from(crmConnections)
      .where(sql`${crmConnections.id} = ${connectionId}`)) as CrmConnection[]
    const connector = rt.crmSync.connectorFor(connection as CrmConnection) as ZohoConnector
    const sample = await queryRows<{ phone: string; id: string; body: string }>(
      db,
      sql`select c.phone_e164 as phone, c.id, coalesce(m.text, $$(media)$$) as body from messages m join contacts c on c.id = m.contact_id
           where c.phone_e164 is not null limit ${BASELINE_SAMPLE}`,
    )
    const baselineFrom = sim.requests.length
    for (const m of sample) {
      const [written] = await connector.upsertContacts(
        [{ ref: m.id, recordId: null, uniqueValue: m.phone, properties: { WhatsApp_Number: m.phone } }],
        'WhatsApp_Number',
      )
      if (!written?.ok) continue
      await connector.writeBatch('POST', '/Notes', {
        data: [
          {
            Note_Title: 'WhatsApp message',
            Note_Content: m.body,
            Parent_Id: { module: { api_name: 'Contacts' }, id: written.recordId },
          },
        ],
      })
    }
    const baselineRequests = sim.requests.slice(baselineFrom)
    const baselineCreditsPerMessage = baselineRequests.reduce((n, r) => n + r.credits, 0) / sample.length
    const tooMany = sim.requests.filter((r) => r.status === 429).length

    const steady = sortedCopy(steadyLatencies)
    const creditsPer1000 = (credits / messages) * 1000
    const baselinePer1000 = baselineCreditsPerMessage * 1000
    const result = {
      crm: 'zoho',
      data_centre: 'eu',
      contacts,
      messages,
      notes,
      changes: changeEvents,
      api_calls: apiCalls,
      floor_calls: floorCalls,
      ratio: round(apiCalls / floorCalls, 3),
      credits,
      credits_per_1000_messages: round(creditsPer1000, 1),
      baseline_credits_per_1000_messages: round(baselinePer1000, 1),
      credits_vs_baseline: round(baselinePer1000 / creditsPer1000, 1),
      baseline_api_calls: Math.round((baselineRequests.length / sample.length) * messages),
      backfill_s: round(backfillMs / 1000),
      parked: parked?.n ?? 0,
      too_many_requests: tooMany,
      steady_messages: steadyLatencies.length,
      steady_api_calls: steadyRequests.length,
      steady_too_many_requests: steadyRequests.filter((r) => r.status === 429).length,
      steady_p50_ms: round(percentile(steady, 0.5)),
      steady_p95_ms: round(percentile(steady, 0.95)),
      peak_concurrency: sim.peakConcurrency(orgId),
    }
    log('')
    log(`contacts ${contacts}, messages ${messages}, notes ${notes} (one per contact and day)`)
    log(
      `backfill: ${apiCalls} API calls vs floor ${floorCalls} → ratio ${result.ratio} (target ≤ ${TARGETS.ratio}) in ${result.backfill_s} s`,
    )
    log(
      `credits: ${credits} = ${result.credits_per_1000_messages} per 1,000 messages; per-event baseline ${result.baseline_credits_per_1000_messages} → ${result.credits_vs_baseline}× (target ≥ ${TARGETS.creditsVsBaseline}×)`,
    )
    log(
      `429: ${tooMany} in the run, ${result.steady_too_many_requests} at steady state; parked: ${result.parked}; peak calls in flight ${result.peak_concurrency}`,
    )
    log(
      `steady 1,000/h: p50 ${result.steady_p50_ms} ms, p95 ${result.steady_p95_ms} ms (target ≤ ${TARGETS.steadyP95Ms}) over ${steady.length} messages`,
    )
    log(JSON.stringify(result))
  } finally {
    await closeServer(server)
    await runtime?.close()
    await meta.close()
    await sim.close()
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
