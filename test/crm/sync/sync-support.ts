import type { Server } from 'node:http'
import type { SyncRound } from '../../../backend/src/crm/sync/sync-connection'
import { closeServer, listen } from '../../bench/common'
import type { HubspotSimulatorOptions } from '../../simulators/hubspot'
import { HUBSPOT_SIM_DEFAULTS, type HubspotSimulator, startHubspotSimulator } from '../../simulators/hubspot'
import { drainCrmSync } from '../../support/crm-drain'
import type { Engine } from '../../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../../support/test-runtime'
import { connectionOf, installPortal } from '../hubspot/oauth-support'

export interface SyncFixture {
  sim: HubspotSimulator
  rt: TestRuntime
  portalId: number
  connectionId: string
  /** Where the simulator delivers webhooks (to put back after a test switched delivery off). */
  webhookUrl: string
  /** Runs sync passes until nothing is due (changes waiting for a retry time stay waiting). */
  drain(): Promise<SyncRound>
  /** Waits until the simulator's webhook deliveries are stored, then applies them. */
  close(): Promise<void>
}

export const PORTAL = 7_000_001

/**
 * The backend (served over HTTP so the simulator can deliver webhooks to it) with a HubSpot
 * portal installed through the real OAuth flow against the simulator.
 */
export async function startSyncFixture(
  engine: Engine,
  opts: { sim?: HubspotSimulatorOptions; env?: Record<string, string> } = {},
): Promise<SyncFixture> {
  const sim = await startHubspotSimulator(opts.sim)
  const rt = await startTestRuntime(engine, {
    HUBSPOT_CLIENT_ID: HUBSPOT_SIM_DEFAULTS.clientId,
    HUBSPOT_CLIENT_SECRET: HUBSPOT_SIM_DEFAULTS.clientSecret,
    HUBSPOT_API_URL: sim.url,
    CRM_SYNC_SETTLE_MS: '0',
    CRM_SYNC_MAX_WAIT_MS: '0',
    CRM_SYNC_RETRY_MS: '20',
    ...opts.env,
  })
  const { server, origin } = await listen(rt.app.fetch)
  sim.setWebhookTarget(`${origin}/webhooks/hubspot`)
  await registerChannel(rt, NUMBER_A)
  const run = await installPortal(rt, sim, PORTAL, { adminKey: rt.config.ADMIN_API_KEY })
  if (run.res.status !== 200) throw new Error(`install answered ${run.res.status}: ${await run.res.text()}`)
  const connection = await connectionOf(rt, PORTAL)
  return {
    sim,
    rt,
    portalId: PORTAL,
    connectionId: connection.id,
    webhookUrl: `${origin}/webhooks/hubspot`,
    drain: () => drainCrmSync(rt),
    async close() {
      await closeServer(server as unknown as Server)
      await rt.close()
      await sim.close()
    },
  }
}

/** Waits for a condition the simulator's webhook deliveries bring about. */
export async function eventually<T>(
  read: () => Promise<T | undefined | null | false>,
  ms = 5_000,
): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await read()
    if (value) return value
    if (Date.now() > deadline) throw new Error('condition not reached in time')
    await new Promise((r) => setTimeout(r, 20))
  }
}
