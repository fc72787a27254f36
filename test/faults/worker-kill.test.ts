import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CloudApiSimulator, startCloudApiSimulator } from '../simulators/whatsapp/cloud-api'
import { freePort } from '../support/free-port'
import { TOKEN } from '../support/send-harness'
import { NUMBER_A, TEST_ENV } from '../support/test-runtime'
import {
  type AppProcess,
  api,
  appEnv,
  deliveryStream,
  expectStoredOnce,
  HEAVY,
  httpOk,
  registerNumber,
  sleep,
  spawnApp,
  sql,
  waitFor,
} from './support/fault-app'
import { canRunPrivatePostgres, type PrivatePostgres, startPrivatePostgres } from './support/private-postgres'

const LEASE_MS = 15_000

/**
 * kill -9 of a separate worker process (`npm run worker`) while it holds claimed webhook events and
 * sends: the other worker takes the events over once their lease (15 s, renewed by heartbeat while
 * alive) runs out, the API's sender reconciles the sends, and nothing is stored or sent twice.
 */
describe.skipIf(!canRunPrivatePostgres() || !HEAVY)('kill -9 of a worker process', () => {
  let cluster: PrivatePostgres
  let sim: CloudApiSimulator
  const apps: AppProcess[] = []
  let url: string

  beforeAll(async () => {
    cluster = await startPrivatePostgres()
    await sql(cluster.url(), 'create database scrm')
    url = cluster.url('scrm')
  }, 60_000)
  afterAll(async () => {
    for (const app of apps) await app.kill('SIGKILL')
    await sim?.close()
    cluster?.destroy()
  })

  it('its claimed work is resumed within the lease by another worker, never duplicated', async () => {
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    sim = await startCloudApiSimulator({
      appSecret: TEST_ENV.WHATSAPP_APP_SECRET,
      accessTokens: [TOKEN],
      numbers: [{ ...NUMBER_A, mps: 20, tierLimit: null }],
      statusLatencyMs: { min: 5, max: 20 },
      webhookUrl: `${base}/webhooks/whatsapp`,
      webhookRetries: 8,
      webhookRetryDelayMs: 200,
    })
    const shared = {
      WHATSAPP_GRAPH_URL: sim.url,
      SENDER: 'inline',
      SENDER_POLL_MS: '50',
      SENDER_RECONCILE_MS: '5000',
      LEASE_MS: String(LEASE_MS),
      LEASE_HEARTBEAT_MS: '5000',
    }
    // Ingest runs only in the worker processes, so every event in 'processing' is a worker's.
    const server = spawnApp('server', appEnv(url, port, { ...shared, INGEST_WORKER: 'off' }))
    apps.push(server)
    await waitFor('server up', () => httpOk(`${base}/healthz`), 60_000, 200).catch((e) => {
      throw new Error(`${e.message}\n${server.output()}`)
    })
    const channelId = await registerNumber(base)
    await api(base, `/api/v1/channels/${channelId}`, { method: 'PATCH', json: { mps: 20, tier_limit: null } })
    await api(base, '/api/v1/templates', {
      method: 'POST',
      json: {
        name: 'hello_world',
        language: 'en_US',
        category: 'utility',
        components: [{ type: 'BODY', text: 'Hello' }],
      },
    })
    const recipients = 200
    const seeded = await sql<{ id: string }>(
      url,
      `insert into contacts (workspace_id, phone_e164, wa_id)
       select (select id from workspaces limit 1), '+55119740' || lpad(g::text, 5, '0'), '55119740' || lpad(g::text, 5, '0')
         from generate_series(1, $1::int) g returning id`,
      [recipients],
    )

    // A backlog first, so both workers are busy with claimed batches when one dies; it is small
    // enough for the survivor to drain within the lease, since an orphan queues behind older rows.
    const stream = deliveryStream(base, 8)
    await waitFor('a backlog of deliveries', () => stream.acked() >= 400, 120_000)
    const report = await stream.stop()
    const workerEnv = appEnv(url, 0, {
      ...shared,
      LOG_LEVEL: 'info',
      INGEST_CONCURRENCY: '2',
      INGEST_BATCH_SIZE: '100',
    })
    const doomed = spawnApp('worker', workerEnv)
    const survivor = spawnApp('worker', workerEnv)
    apps.push(doomed, survivor)
    const broadcast = await api(base, '/api/v1/broadcasts', {
      method: 'POST',
      json: {
        name: 'worker crash',
        template: { name: 'hello_world', language: 'en_US' },
        audience: { contact_ids: seeded.map((r) => r.id) },
      },
    })
    await waitFor(
      'the doomed worker processing and sending',
      async () => {
        const [row] = await sql<{ n: number }>(
          url,
          `select count(*)::int as n from webhook_events where state = 'processed'`,
        )
        const [sending] = await sql<{ n: number }>(
          url,
          `select count(*)::int as n from send_jobs where state = 'sending'`,
        )
        return (row?.n ?? 0) >= 100 && sim.stats().accepted >= 20 && (sending?.n ?? 0) > 0
      },
      120_000,
      50,
    ).catch((e) => {
      throw new Error(`${e.message}\n${doomed.output().slice(-3000)}`)
    })

    await doomed.kill('SIGKILL')
    const killedAt = Date.now()
    const heldEvents = await sql<{ id: string; attempts: number }>(
      url,
      `select id::text, attempts from webhook_events where state = 'processing'`,
    )
    const heldSends = await sql<{ id: string }>(url, `select id::text from send_jobs where state = 'sending'`)
    // The survivor finishes its own batches in moments; what is still processing after that is the dead worker's.
    await sleep(3_000)
    const orphans = await sql<{ id: string; attempts: number }>(
      url,
      `select id::text, attempts from webhook_events where state = 'processing' and id = any($1::bigint[])`,
      [heldEvents.map((e) => e.id)],
    )
    expect(orphans.length, 'the killed worker held claimed events').toBeGreaterThan(0)
    // Resumed = claimed again by the survivor (its attempt count moved past the dead worker's).
    await waitFor(
      'orphaned events taken over',
      async () => {
        const [row] = await sql<{ n: number }>(
          url,
          `select count(*)::int as n from webhook_events e
             join jsonb_to_recordset($1::jsonb) as o(id bigint, attempts int) on o.id = e.id
            where e.attempts = o.attempts and e.state = 'processing'`,
          [JSON.stringify(orphans.map((o) => ({ id: Number(o.id), attempts: o.attempts })))],
        )
        return row?.n === 0
      },
      LEASE_MS + 30_000,
      100,
    )
    const eventsResumedMs = Date.now() - killedAt
    await waitFor(
      'orphaned events processed',
      async () => {
        const [row] = await sql<{ n: number }>(
          url,
          `select count(*)::int as n from webhook_events where id = any($1::bigint[]) and state = 'processing'`,
          [orphans.map((o) => o.id)],
        )
        return row?.n === 0
      },
      60_000,
      100,
    )
    const eventsProcessedMs = Date.now() - killedAt
    await waitFor(
      'orphaned sends reconciled',
      async () => {
        const [row] = await sql<{ n: number }>(
          url,
          `select count(*)::int as n from send_jobs where id = any($1::bigint[]) and state = 'sending'`,
          [heldSends.map((s) => s.id)],
        )
        return row?.n === 0
      },
      LEASE_MS + 15_000,
      100,
    )
    const sendsRecoveredMs = Date.now() - killedAt
    const takenOver = await sql<{ n: number }>(
      url,
      `select count(*)::int as n from webhook_events where id = any($1::bigint[]) and attempts > 1`,
      [orphans.map((o) => o.id)],
    )

    let state = ''
    await waitFor(
      'broadcast completed',
      async () => {
        state = (await api(base, `/api/v1/broadcasts/${broadcast.id}`)).state
        return state === 'completed'
      },
      120_000,
      250,
    )
    const { missing, duplicated } = await expectStoredOnce(url, report.acked, 120_000)
    const sent = sim.sent.map((s) => s.recipient)
    console.log(
      `worker kill -9: ${orphans.length} claimed events and ${heldSends.length} sends orphaned; events taken over ` +
        `${eventsResumedMs} ms and processed ${eventsProcessedMs} ms after the kill (lease ${LEASE_MS} ms), sends reconciled after ` +
        `${sendsRecoveredMs} ms; ${report.acked.length} deliveries acknowledged, ${missing.length} lost, ` +
        `${duplicated.length} duplicated; ${sent.length} sends for ${recipients} recipients`,
    )
    expect(takenOver[0]?.n).toBe(orphans.length)
    // The lease, plus the survivor's poll (200 ms) and one batch of processing.
    expect(eventsResumedMs).toBeLessThanOrEqual(LEASE_MS + 1_500)
    expect(sendsRecoveredMs).toBeLessThanOrEqual(LEASE_MS + 1_500)
    expect(survivor.alive(), survivor.output().slice(-3000)).toBe(true)
    expect(server.alive()).toBe(true)
    expect(missing).toEqual([])
    expect(duplicated).toEqual([])
    expect(sent).toHaveLength(recipients)
    expect(new Set(sent).size).toBe(recipients)
    expect(sim.stats().duplicatesByClientId).toBe(0)
  }, 400_000)
})
