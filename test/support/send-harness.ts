import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
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
  const server = serve({ fetch: rt.app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as AddressInfo
  simulator.configure({ webhookUrl: `http://127.0.0.1:${port}/webhooks/whatsapp` })
  const created = await registerChannel(rt, NUMBER_A)
  const channelId = (await created.json()).channel.id
  await rt.api(`/api/v1/channels/${channelId}`, { method: 'PATCH', json: { tier_limit: null } })
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
