import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { startCloudApiSimulator } from '../simulators/whatsapp/cloud-api'
import { freePort } from '../support/free-port'
import { TOKEN } from '../support/send-harness'
import { adminQuery, serverUrl, TEMPLATE_DB } from '../support/test-db'
import { NUMBER_A, TEST_ENV, type TestResponse } from '../support/test-runtime'

const ROOT = join(import.meta.dirname, '..', '..')

describe.skipIf(!process.env.DATABASE_URL)('kill -9 during a broadcast (Postgres server)', () => {
  const database = `scrm_kill_${randomBytes(4).toString('hex')}`
  const children: ChildProcess[] = []
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL')
    await adminQuery(`drop database if exists ${database} with (force)`)
  })

  it('sends every accepted message exactly once after the sender process is killed mid-run', async () => {
    await adminQuery(`create database ${database} template ${TEMPLATE_DB}`)
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    // Meta redelivers status webhooks for days; a few seconds of retries cover the restart here.
    const sim = await startCloudApiSimulator({
      appSecret: TEST_ENV.WHATSAPP_APP_SECRET,
      accessTokens: [TOKEN],
      numbers: [{ ...NUMBER_A, mps: 20, tierLimit: null }],
      statusLatencyMs: { min: 5, max: 20 },
      webhookUrl: `${base}/webhooks/whatsapp`,
      webhookRetries: 8,
      webhookRetryDelayMs: 200,
    })
    const env = {
      ...TEST_ENV,
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DATABASE_URL: serverUrl(database),
      PORT: String(port),
      HOST: '127.0.0.1',
      MIGRATE_ON_START: 'true',
      INGEST_WORKER: 'inline',
      SENDER: 'inline',
      SENDER_POLL_MS: '50',
      SENDER_LEASE_MS: '1500',
      SENDER_RECONCILE_MS: '10000',
      WHATSAPP_GRAPH_URL: sim.url,
    }
    const boot = async () => {
      // node itself with tsx as a loader, not the tsx wrapper: SIGKILL must hit the process that sends.
      const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'backend', 'src', 'server.ts')], {
        env,
        cwd: ROOT,
      })
      children.push(child)
      for (let i = 0; i < 200; i++) {
        const up = await fetch(`${base}/healthz`)
          .then((r) => r.ok)
          .catch(() => false)
        if (up) return child
        await new Promise((r) => setTimeout(r, 100))
      }
      throw new Error('backend did not start')
    }
    const api = async (path: string, init: { method?: string; json?: unknown } = {}) => {
      const res = await fetch(`${base}${path}`, {
        method: init.method ?? 'GET',
        headers: { authorization: `Bearer ${TEST_ENV.ADMIN_API_KEY}`, 'content-type': 'application/json' },
        body: init.json === undefined ? undefined : JSON.stringify(init.json),
      })
      return (res as unknown as TestResponse).json()
    }

    try {
      const first = await boot()
      const { channel } = await api('/api/v1/channels', {
        method: 'POST',
        json: {
          phone_number_id: NUMBER_A.phoneNumberId,
          display_phone_number: `+${NUMBER_A.displayPhoneNumber}`,
          default_region: 'US',
          waba_id: NUMBER_A.wabaId,
          access_token: TOKEN,
        },
      })
      await api(`/api/v1/channels/${channel.id}`, { method: 'PATCH', json: { mps: 20, tier_limit: null } })
      await api('/api/v1/templates', {
        method: 'POST',
        json: {
          name: 'hello_world',
          language: 'en_US',
          category: 'utility',
          components: [{ type: 'BODY', text: 'Hello' }],
        },
      })
      const client = new pg.Client({ connectionString: serverUrl(database) })
      await client.connect()
      const seeded = await client.query(
        `insert into contacts (workspace_id, phone_e164, wa_id)
         select (select id from workspaces limit 1), '+55119740' || lpad(g::text, 5, '0'), '55119740' || lpad(g::text, 5, '0')
         from generate_series(1, 120) g returning id`,
      )
      await client.end()
      const broadcast = await api('/api/v1/broadcasts', {
        method: 'POST',
        json: {
          name: 'crash test',
          template: { name: 'hello_world', language: 'en_US' },
          audience: { contact_ids: seeded.rows.map((r) => r.id) },
        },
      })
      expect(broadcast.state).toBe('running')

      while (sim.stats().accepted < 30) await new Promise((r) => setTimeout(r, 20))
      first.kill('SIGKILL')
      await new Promise((r) => first.once('exit', r))
      const acceptedAtKill = sim.stats().accepted
      expect(acceptedAtKill).toBeLessThan(120)
      // Really gone: nothing answers and nothing is sent until the next process starts.
      expect(
        await fetch(`${base}/healthz`)
          .then(() => 'up')
          .catch(() => 'down'),
      ).toBe('down')
      await new Promise((r) => setTimeout(r, 300))
      const stillSending = sim.stats().accepted - acceptedAtKill

      expect(stillSending).toBeLessThanOrEqual(0)
      await boot()
      let state = ''
      for (let i = 0; i < 600 && state !== 'completed'; i++) {
        state = (await api(`/api/v1/broadcasts/${broadcast.id}`)).state
        if (state !== 'completed') await new Promise((r) => setTimeout(r, 100))
      }
      expect(state).toBe('completed')
      const recipients = sim.sent.map((s) => s.recipient)
      expect(recipients).toHaveLength(120)
      expect(new Set(recipients).size).toBe(120)
      expect(sim.stats().duplicatesByClientId).toBe(0)
    } finally {
      await sim.close()
    }
  }, 120_000)
})
