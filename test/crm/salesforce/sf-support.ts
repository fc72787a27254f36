import { eq, sql } from 'drizzle-orm'
import type { SalesforceConnector } from '../../../backend/src/crm/salesforce/salesforce-connector'
import type { SyncRound } from '../../../backend/src/crm/sync/sync-connection'
import { type CrmConnection, crmConnections } from '../../../backend/src/db/schema'
import type { Logger } from '../../../backend/src/lib/logger'
import {
  type SalesforceSimulator,
  type SalesforceSimulatorOptions,
  salesforceServerEnv,
  startSalesforceSimulator,
} from '../../simulators/salesforce'
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

export function salesforceEnv(
  sim: SalesforceSimulator,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    ...salesforceServerEnv(sim),
    PUBLIC_URL: PUBLIC,
    CRM_SYNC_SETTLE_MS: '0',
    CRM_SYNC_MAX_WAIT_MS: '0',
    CRM_SYNC_RETRY_MS: '20',
    ...extra,
  }
}

/**
 * An admin's install: start with the admin key (optionally `?sandbox=true`), approve in the org
 * (the simulator issues the code), come back to the callback.
 */
export async function installOrg(
  rt: TestRuntime,
  sim: SalesforceSimulator,
  orgId: string,
  opts: { query?: string; accept?: string } = {},
): Promise<{ res: TestResponse; authorizeUrl: URL }> {
  const start = await rt.api(`/api/v1/connections/salesforce/install${opts.query ?? ''}`, { method: 'POST' })
  if (start.status !== 200) throw new Error(`install start answered ${start.status}: ${await start.text()}`)
  const authorizeUrl = new URL((await start.json()).authorize_url)
  const code = sim.authorize(orgId, { redirectUri: authorizeUrl.searchParams.get('redirect_uri') as string })
  const state = authorizeUrl.searchParams.get('state') as string
  const res = await rt.request(`/oauth/salesforce/callback?${new URLSearchParams({ code, state })}`, {
    headers: { accept: opts.accept ?? 'application/json' },
  })
  return { res, authorizeUrl }
}

export interface SfFixture {
  sim: SalesforceSimulator
  rt: TestRuntime
  orgId: string
  connectionId: string
  connection(): Promise<CrmConnection>
  connector(): Promise<SalesforceConnector>
  drain(): Promise<SyncRound>
  /** One change poll now (the budget's interval is waived), then the events are applied. */
  poll(): Promise<number>
  close(): Promise<void>
}

export async function startSfFixture(
  engine: Engine,
  opts: {
    sim?: SalesforceSimulatorOptions
    env?: Record<string, string>
    sandbox?: boolean
    logger?: Logger
  } = {},
): Promise<SfFixture> {
  const sim = await startSalesforceSimulator(opts.sim)
  const rt = await startTestRuntime(engine, salesforceEnv(sim, opts.env), opts.logger)
  await registerChannel(rt, NUMBER_A)
  const { orgId } = sim.org(undefined, { sandbox: opts.sandbox ?? false })
  const run = await installOrg(rt, sim, orgId, { query: opts.sandbox ? '?sandbox=true' : '' })
  if (run.res.status !== 200) throw new Error(`install answered ${run.res.status}: ${await run.res.text()}`)
  const connectionId = (await run.res.json()).connection_id as string
  const connection = async () =>
    (
      await rt.db.db.select().from(crmConnections).where(eq(crmConnections.id, connectionId))
    )[0] as CrmConnection
  const f: SfFixture = {
    sim,
    rt,
    orgId,
    connectionId,
    connection,
    connector: async () => rt.crmSync.connectorFor(await connection()) as SalesforceConnector,
    drain: () => drainCrmSync(rt),
    async poll() {
      await rt.db.db.execute(
        sql`update crm_connections set provider_state = provider_state - 'lastPollAt' where id = ${connectionId}`,
      )
      const provider = rt.deps.crm.get('salesforce')
      const c = await connection()
      const result = await provider.polling?.poll({
        connection: c,
        connector: rt.crmSync.connectorFor(c),
        store: (events) => rt.deps.crmEvents.append('salesforce', events),
      })
      await drainCrmSync(rt)
      return result?.events ?? 0
    },
    async close() {
      await rt.close()
      await sim.close()
    },
  }
  return f
}
