import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { sql } from 'drizzle-orm'
import { createChannel } from '../../backend/src/channels/channel-service'
import { queryRows } from '../../backend/src/db/query-rows'
import type { Logger } from '../../backend/src/lib/logger'
import type { CloudApiSimulator, SimulatorOptions } from '../simulators/whatsapp/cloud-api'
import { startCloudApiSimulator } from '../simulators/whatsapp/cloud-api'
import type { Engine } from './test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from './test-runtime'

export const TOKEN = 'EAAG-test-token-not-real'

export interface SendHarness {
  rt: TestRuntime
  sim: CloudApiSimulator
  channelId: string
  /** Polls until `check` holds (or fails with the last value after `ms`). */
  waitFor<T>(read: () => Promise<T>, check: (value: T) => boolean, ms?: number): Promise<T>
  close(): Promise<void>
}

/**
 * A test that points the backend away from the simulator (Meta unreachable) still needs the number
 * registered with proof: it was proven against the simulator before Meta went away.
 */
async function registerWhileMetaWasUp(rt: TestRuntime, simulator: CloudApiSimulator): Promise<string> {
  const [admin] = await queryRows<{ workspace_id: string }>(
    rt.db.db,
    sql`select workspace_id::text from api_keys where from_config and revoked_at is null limit 1`,
  )
  const { channel } = await createChannel(
    rt.db.db,
    admin!.workspace_id,
    {
      phoneNumberId: NUMBER_A.phoneNumberId,
      defaultRegion: 'US',
      wabaId: NUMBER_A.wabaId,
      accessToken: TOKEN,
    },
    rt.deps.encryptionKey,
    { mode: 'graph', cloudApi: { graphUrl: simulator.url, apiVersion: 'v23.0', timeoutMs: 5_000 } },
  )
  return channel.id
}

/**
 * The real backend, served over HTTP with its ingest worker and sender running, and the Cloud API
 * simulator, each pointed at the other: sends go to the simulator, its status webhooks come back.
 */
export async function startSendHarness(
  engine: Engine,
  sim: Partial<SimulatorOptions> = {},
  env: Record<string, string> = {},
  /** A logger of the test's own, to read what the sender logged. */
  logger?: Logger,
): Promise<SendHarness> {
  const simulator = await startCloudApiSimulator({
    appSecret: 'test-app-secret-0123456789',
    accessTokens: [TOKEN],
    numbers: [{ ...NUMBER_A, mps: 80, tierLimit: null }],
    statusLatencyMs: { min: 5, max: 20 },
    ...sim,
    // The number is registered (proven) with TOKEN; a test that has Meta refuse it revokes it after.
    ...(sim.accessTokens ? { accessTokens: [...sim.accessTokens, TOKEN] } : {}),
  })
  const rt = await startTestRuntime(
    engine,
    {
      INGEST_WORKER: 'inline',
      SENDER: 'inline',
      SENDER_POLL_MS: '50',
      SENDER_RETRY_BASE_MS: '50',
      SENDER_REQUEST_TIMEOUT_MS: '2000',
      WHATSAPP_GRAPH_URL: simulator.url,
      ...env,
    },
    logger,
  )
  // registerChannel adds the numbers a test registers to this simulator (the harness closes it).
  rt.whatsapp = simulator
  const server = serve({ fetch: rt.app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as AddressInfo
  simulator.configure({ webhookUrl: `http://127.0.0.1:${port}/webhooks/whatsapp` })
  const channelId = env.WHATSAPP_GRAPH_URL
    ? await registerWhileMetaWasUp(rt, simulator)
    : (await (await registerChannel(rt, NUMBER_A)).json()).channel.id
  await rt.api(`/api/v1/channels/${channelId}`, { method: 'PATCH', json: { tier_limit: null } })
  if (sim.accessTokens) simulator.configure({ accessTokens: sim.accessTokens })
  return {
    rt,
    sim: simulator,
    channelId,
    async waitFor(read, check, ms = 15_000) {
      const deadline = Date.now() + ms
      let value = await read()
      while (!check(value) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50))
        value = await read()
      }
      if (!check(value))
        throw new Error(`condition not met within ${ms} ms; last value: ${JSON.stringify(value)}`)
      return value
    },
    async close() {
      await new Promise((resolve) => server.close(resolve))
      await rt.close()
      await simulator.close()
    },
  }
}
