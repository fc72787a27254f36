import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, buildNeeded } from '../../backend/scripts/build.mjs'
import { startCloudApiSimulator } from '../simulators/whatsapp/cloud-api'
import { singleText } from '../simulators/whatsapp/envelopes'
import { metaDelivery } from '../simulators/whatsapp/webhook-sender'
import { freePort } from '../support/free-port'
import { runProcess } from '../support/run-process'
import { adminQuery, serverUrl } from '../support/test-db'
import { NUMBER_A, TEST_WHATSAPP_TOKEN } from '../support/test-runtime'

const ROOT = join(import.meta.dirname, '..', '..')
const COMPILED_SERVER = join(ROOT, 'backend', 'dist', 'server.js')
const SECRET = 'compiled-thread-app-secret'
const ADMIN_KEY = 'compiled-thread-admin-key-0123456789'

/**
 * The compiled server on a Postgres server processes deliveries in its ingest thread: the thread's
 * entry is bundled (dist/ingest-thread.js) and found from the bundle, with no tsx anywhere.
 */
describe.runIf(process.env.DATABASE_URL)('the compiled server with INGEST_WORKER=thread', () => {
  const database = `scrm_thread_${randomBytes(4).toString('hex')}`
  beforeAll(async () => {
    if (buildNeeded()) await build()
    await adminQuery(`create database ${database}`)
  }, 90_000)
  afterAll(async () => {
    await adminQuery(`drop database if exists ${database} with (force)`)
  })

  it('stores an acknowledged delivery through the bundled ingest thread', async () => {
    const port = await freePort()
    const url = serverUrl(database)
    // Meta's side, where the registration proves the number is ours.
    const meta = await startCloudApiSimulator({
      appSecret: SECRET,
      accessTokens: [TEST_WHATSAPP_TOKEN],
      numbers: [NUMBER_A],
    })
    const server = runProcess(process.execPath, [COMPILED_SERVER], {
      cwd: join(ROOT, 'backend'),
      env: {
        PORT: String(port),
        DATABASE_URL: url,
        ADMIN_API_KEY: ADMIN_KEY,
        WHATSAPP_APP_SECRET: SECRET,
        WHATSAPP_VERIFY_TOKEN: 'compiled-thread-verify',
        WHATSAPP_GRAPH_URL: meta.url,
        SENDER: 'off',
        AUTOMATION_WORKER: 'off',
        CRM_SYNC: 'off',
        SCHEDULER: 'off',
      },
    })
    const db = new pg.Client({ connectionString: url })
    try {
      const deadline = Date.now() + 60_000
      while (!server.output().includes('ingest thread started') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 200))
      expect(server.output()).toContain('ingest thread started')
      const origin = `http://127.0.0.1:${port}`
      const channel = await fetch(`${origin}/api/v1/channels`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          phone_number_id: NUMBER_A.phoneNumberId,
          display_phone_number: `+${NUMBER_A.displayPhoneNumber}`,
          default_region: 'BR',
          waba_id: NUMBER_A.wabaId,
          access_token: TEST_WHATSAPP_TOKEN,
        }),
      })
      expect(channel.status).toBe(201)
      const d = metaDelivery(singleText(NUMBER_A, { waId: '5511955550001' }, 'olá do bundle'), SECRET)
      const ack = await fetch(`${origin}/webhooks/whatsapp`, {
        method: 'POST',
        body: d.body,
        headers: d.headers,
      })
      expect(ack.status).toBe(200)
      await db.connect()
      let stored: string | undefined
      while (!stored && Date.now() < deadline) {
        const { rows } = await db.query<{ text: string }>(
          `select text from messages where direction = 'inbound'`,
        )
        stored = rows[0]?.text
        if (!stored) await new Promise((r) => setTimeout(r, 100))
      }
      expect(stored).toBe('olá do bundle')
      expect(server.output()).not.toMatch(/ingest thread (failed|exited)/)
    } finally {
      await db.end().catch(() => {})
      server.stop()
      await server.exit
      await meta.close()
    }
  }, 120_000)
})
