import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../../backend/src/config'
import { queryRows } from '../../../backend/src/db/query-rows'
import { encryptSecret } from '../../../backend/src/lib/crypto'
import { createLogger } from '../../../backend/src/lib/logger'
import { startRuntime } from '../../../backend/src/runtime'
import { HUBSPOT_SIM_DEFAULTS, type HubspotSimulator, startHubspotSimulator } from '../../simulators/hubspot'
import { type CloudApiSimulator, startCloudApiSimulator } from '../../simulators/whatsapp/cloud-api'
import { change, contactOf, envelope, type Sender, text } from '../../simulators/whatsapp/envelopes'
import { metaDelivery } from '../../simulators/whatsapp/webhook-sender'
import { NUMBER_A, TEST_ENV, TEST_WHATSAPP_TOKEN } from '../../support/test-runtime'

const PORTAL = 7_300_001

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'backend/src/cli.ts', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d) => {
      out += d
    })
    child.stderr.on('data', (d) => {
      out += d
    })
    child.on('exit', (code) => resolve({ code, out }))
  })
}

describe('sync backfill command', () => {
  let sim: HubspotSimulator
  let meta: CloudApiSimulator
  let dir: string
  let env: Record<string, string>
  let connectionId: string

  beforeAll(async () => {
    sim = await startHubspotSimulator()
    // Meta's side: registering the number proves its ownership against the Cloud API simulator.
    meta = await startCloudApiSimulator({
      appSecret: TEST_ENV.WHATSAPP_APP_SECRET,
      accessTokens: [TEST_WHATSAPP_TOKEN],
      numbers: [NUMBER_A],
    })
    dir = mkdtempSync(join(tmpdir(), 'scrm-cli-'))
    env = {
      ...TEST_ENV,
      DATABASE_URL: '',
      DATA_DIR: dir,
      MIGRATE_ON_START: 'true',
      HUBSPOT_CLIENT_ID: HUBSPOT_SIM_DEFAULTS.clientId,
      HUBSPOT_CLIENT_SECRET: HUBSPOT_SIM_DEFAULTS.clientSecret,
      HUBSPOT_API_URL: sim.url,
      WHATSAPP_GRAPH_URL: meta.url,
    }
    // Existing conversations in an embedded database, then a portal connected later.
    const config = parseConfig({ ...env, CRM_SYNC: 'off' })
    const rt = await startRuntime(config, createLogger('silent'))
    const headers = { authorization: `Bearer ${config.ADMIN_API_KEY}`, 'content-type': 'application/json' }
    const reg = await rt.app.request('/api/v1/channels', {
      method: 'POST',
      headers,
      body: JSON.stringify({
        phone_number_id: NUMBER_A.phoneNumberId,
        display_phone_number: `+${NUMBER_A.displayPhoneNumber}`,
        default_region: 'BR',
        waba_id: NUMBER_A.wabaId,
        access_token: TEST_WHATSAPP_TOKEN,
      }),
    })
    expect(reg.status, await reg.clone().text()).toBe(201)
    const senders: Sender[] = [1, 2, 3].map((i) => ({ waId: `551198765060${i}`, name: `Pessoa ${i}` }))
    const payload = envelope([
      {
        wabaId: NUMBER_A.wabaId,
        changes: [
          change(NUMBER_A, {
            contacts: senders.map(contactOf),
            messages: senders.flatMap((s) => [text(s, 'primeira'), text(s, 'segunda')]),
          }),
        ],
      },
    ])
    const d = metaDelivery(payload, config.WHATSAPP_APP_SECRET as string)
    expect(
      (await rt.app.request('/webhooks/whatsapp', { method: 'POST', body: d.body, headers: d.headers }))
        .status,
    ).toBe(200)
    await rt.worker.drain()
    const [stored] = await queryRows<{ n: number }>(rt.db.db, sql`select count(*)::int as n from messages`)
    expect(stored?.n).toBe(6)
    const tokens = sim.issueToken(PORTAL)
    const key = config.ENCRYPTION_KEY as Buffer
    const [row] = await queryRows<{ id: string }>(
      rt.db.db,
      sql`insert into crm_connections (workspace_id, provider, account_id, access_token_enc, refresh_token_enc, token_expires_at)
          select id, 'hubspot', ${String(PORTAL)}, ${encryptSecret(tokens.accessToken, key)},
                 ${encryptSecret(tokens.refreshToken, key)}, now() + interval '20 minutes'
            from workspaces order by created_at limit 1 returning id`,
    )
    connectionId = row?.id as string
    await rt.close()
  }, 60_000)
  afterAll(async () => {
    await meta?.close()
    await sim?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('queues what the workspace has and writes it with a progress bar', async () => {
    const run = await runCli(['sync', 'backfill', '--connection', connectionId], env)
    expect(run.out).toContain('queued 3 contacts, 6 messages, 0 tasks')
    expect(run.out).toContain('done; everything is in the CRM')
    expect(run.code).toBe(0)
    expect(sim.contacts(PORTAL)).toHaveLength(3)
    expect(sim.communications(PORTAL)).toHaveLength(6)
    // Repeating it writes the same records again, never new ones.
    const again = await runCli(['sync', 'backfill', '--connection', connectionId], env)
    expect(again.code).toBe(0)
    expect(sim.contacts(PORTAL)).toHaveLength(3)
    expect(sim.communications(PORTAL)).toHaveLength(6)
  }, 60_000)

  it('explains bad arguments', async () => {
    const none = await runCli(['sync', 'backfill'], env)
    expect(none.code).toBe(2)
    expect(none.out).toContain('--connection is required')
    const unknown = await runCli(
      ['sync', 'backfill', '--connection', '00000000-0000-4000-8000-000000000000'],
      env,
    )
    expect(unknown.code).toBe(1)
    expect(unknown.out).toContain('There is no CRM connection')
  }, 60_000)
})
