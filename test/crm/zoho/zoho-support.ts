import { eq, sql } from 'drizzle-orm'
import type { SyncRound } from '../../../backend/src/crm/sync/sync-connection'
import type { ZohoConnector } from '../../../backend/src/crm/zoho/zoho-connector'
import { queryRows } from '../../../backend/src/db/query-rows'
import { type CrmConnection, crmConnections } from '../../../backend/src/db/schema'
import type { Logger } from '../../../backend/src/lib/logger'
import {
  type DataCentre,
  type Edition,
  startZohoSimulator,
  type ZohoSimulator,
  type ZohoSimulatorOptions,
  zohoServerEnv,
} from '../../simulators/zoho'
import { drainCrmSync } from '../../support/crm-drain'
import type { Engine } from '../../support/test-db'
import {
  NUMBER_A,
  registerChannel,
  startTestRuntime,
  type TestResponse,
  type TestRuntime,
} from '../../support/test-runtime'

export const PUBLIC = 'https://scrm.example.test'
/** The header a Zoho CRM Connection adds to the widget's `CONNECTION.invoke` calls. */
export const ZOHO_KEY_HEADER = 'x-scrm-zoho-key'

/** Server settings pointing the Zoho provider at the simulator: installs start at its US accounts server. */
export function zohoEnv(sim: ZohoSimulator, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...zohoServerEnv(sim),
    PUBLIC_URL: PUBLIC,
    CRM_SYNC_SETTLE_MS: '0',
    CRM_SYNC_MAX_WAIT_MS: '0',
    CRM_SYNC_RETRY_MS: '20',
    ...extra,
  }
}

/**
 * An admin's install: start with the admin key, approve at Zoho (the simulator issues the code at
 * the org's data centre), come back to the callback with `location` and `accounts-server` as Zoho
 * adds them.
 */
export async function installZohoOrg(
  rt: TestRuntime,
  sim: ZohoSimulator,
  orgId: string,
  opts: { accept?: string; accountsServer?: string } = {},
): Promise<{ res: TestResponse; authorizeUrl: URL }> {
  const start = await rt.api('/api/v1/connections/zoho/install', { method: 'POST' })
  if (start.status !== 200) throw new Error(`install start answered ${start.status}: ${await start.text()}`)
  const authorizeUrl = new URL((await start.json()).authorize_url)
  const grant = sim.authorize(orgId, { redirectUri: authorizeUrl.searchParams.get('redirect_uri') as string })
  const state = authorizeUrl.searchParams.get('state') as string
  const query = new URLSearchParams({
    code: grant.code,
    state,
    location: grant.location,
    'accounts-server': opts.accountsServer ?? grant.accountsServer,
  })
  const res = await rt.request(`/oauth/zoho/callback?${query}`, {
    headers: { accept: opts.accept ?? 'application/json' },
  })
  return { res, authorizeUrl }
}

/** Issues the org's card key the way an admin does (`POST /api/v1/connections/{id}/card-key`). */
export async function issueZohoCardKey(rt: TestRuntime, connectionId: string): Promise<string> {
  const res = await rt.api(`/api/v1/connections/${connectionId}/card-key`, { method: 'POST' })
  if (res.status !== 201) throw new Error(`card-key answered ${res.status}: ${await res.text()}`)
  return (await res.json()).key as string
}

export interface ZohoFixture {
  sim: ZohoSimulator
  rt: TestRuntime
  orgId: string
  dc: DataCentre
  connectionId: string
  connection(): Promise<CrmConnection>
  connector(): Promise<ZohoConnector>
  drain(): Promise<SyncRound>
  /** Re-reads stored callbacks now, then applies what they found. */
  reread(): Promise<number>
  /** Issues a card key and answers `rt.request` options carrying it. */
  cardKey(): Promise<string>
  close(): Promise<void>
}

export async function startZohoFixture(
  engine: Engine,
  opts: {
    sim?: ZohoSimulatorOptions
    simulator?: ZohoSimulator
    env?: Record<string, string>
    dc?: DataCentre
    edition?: Edition
    logger?: Logger
  } = {},
): Promise<ZohoFixture> {
  const sim = opts.simulator ?? (await startZohoSimulator(opts.sim))
  const rt = await startTestRuntime(engine, zohoEnv(sim, opts.env), opts.logger)
  await registerChannel(rt, NUMBER_A)
  const dc = opts.dc ?? 'com'
  const { orgId } = sim.org({ dc, edition: opts.edition })
  // Zoho's servers post callbacks to PUBLIC_URL; here they go straight to the app in this process.
  sim.routeNotifications(async (url, init) => {
    const u = new URL(url)
    return rt.app.fetch(new Request(`http://localhost${u.pathname}${u.search}`, init))
  })
  const run = await installZohoOrg(rt, sim, orgId)
  if (run.res.status !== 200) throw new Error(`install answered ${run.res.status}: ${await run.res.text()}`)
  const connectionId = (await run.res.json()).connection_id as string
  const connection = async () =>
    (
      await rt.db.db.select().from(crmConnections).where(eq(crmConnections.id, connectionId))
    )[0] as CrmConnection
  return {
    sim,
    rt,
    orgId,
    dc,
    connectionId,
    connection,
    connector: async () => rt.crmSync.connectorFor(await connection()) as ZohoConnector,
    drain: () => drainCrmSync(rt),
    async reread() {
      const provider = rt.deps.crm.get('zoho')
      const c = await connection()
      const result = await provider.polling?.poll({
        connection: c,
        connector: rt.crmSync.connectorFor(c),
        store: (events) => rt.deps.crmEvents.append('zoho', events),
      })
      await drainCrmSync(rt)
      return result?.events ?? 0
    },
    cardKey: () => issueZohoCardKey(rt, connectionId),
    async close() {
      await rt.close()
      if (!opts.simulator) await sim.close()
    },
  }
}

/** How many stored Zoho events there are of a kind. */
export async function zohoEventCount(rt: TestRuntime, kind: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    rt.db.db,
    sql`select count(*)::int as n from crm_webhook_events where provider = 'zoho' and payload->>'kind' = ${kind}`,
  )
  return Number(row?.n ?? 0)
}
