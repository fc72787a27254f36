/**
 * The demo's running parts: the Meta, HubSpot, Salesforce and Zoho simulators on free loopback
 * ports, and the real backend (embedded PGlite in the demo's own data directory) configured to
 * reach them by base URL. Everything is in this one process, so Ctrl-C stops it all at once.
 */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { type Config, parseConfig } from '../../backend/src/config'
import { createLogger } from '../../backend/src/lib/logger'
import { type Runtime, startRuntime } from '../../backend/src/runtime'
import { type HubspotSimulator, hubspotServerEnv, startHubspotSimulator } from '../../test/simulators/hubspot'
import {
  type SalesforceSimulator,
  salesforceServerEnv,
  startSalesforceSimulator,
} from '../../test/simulators/salesforce'
import { type CloudApiSimulator, startCloudApiSimulator } from '../../test/simulators/whatsapp/cloud-api'
import { startZohoSimulator, type ZohoSimulator, zohoServerEnv } from '../../test/simulators/zoho'
import { freePort } from '../../test/support/free-port'

/** The secrets of one demo run: made fresh at each start, never written anywhere but the process. */
export interface DemoSecrets {
  adminKey: string
  appSecret: string
  verifyToken: string
  /** The token the demo's WhatsApp Business Account grants; numbers are registered with it. */
  whatsappToken: string
}

export interface DemoStack {
  secrets: DemoSecrets
  config: Config
  runtime: Runtime
  backendUrl: string
  whatsapp: CloudApiSimulator
  hubspot: HubspotSimulator
  salesforce: SalesforceSimulator
  zoho: ZohoSimulator
  close(): Promise<void>
}

export function newSecrets(): DemoSecrets {
  return {
    adminKey: `demo-${randomBytes(18).toString('hex')}`,
    appSecret: randomBytes(16).toString('hex'),
    verifyToken: randomBytes(12).toString('hex'),
    whatsappToken: `EAAG${randomBytes(24).toString('hex')}`,
  }
}

export async function startStack(
  dataDir: string,
  progress: (line: string) => void,
  logLevel: Config['LOG_LEVEL'] = 'warn',
): Promise<DemoStack> {
  const secrets = newSecrets()
  const closers: (() => Promise<void>)[] = []
  const close = async () => {
    for (const c of closers.reverse()) await c().catch(() => {})
  }
  try {
    // The backend's port is chosen first: the simulators deliver webhooks to it, and OAuth
    // redirect URIs are built from it (PUBLIC_URL).
    const port = await freePort()
    const backendUrl = `http://127.0.0.1:${port}`

    progress('starting the WhatsApp Cloud API, HubSpot, Salesforce and Zoho simulators')
    const whatsapp = await startCloudApiSimulator({
      appSecret: secrets.appSecret,
      accessTokens: [secrets.whatsappToken],
      grants: {},
      numbers: [],
      webhookUrl: `${backendUrl}/webhooks/whatsapp`,
    })
    closers.push(() => whatsapp.close())
    const hubspot = await startHubspotSimulator({ port: 0, webhookUrl: `${backendUrl}/webhooks/hubspot` })
    closers.push(() => hubspot.close())
    const salesforce = await startSalesforceSimulator({ port: 0 })
    closers.push(() => salesforce.close())
    const zoho = await startZohoSimulator({})
    closers.push(() => zoho.close())

    const config = parseConfig({
      NODE_ENV: 'development',
      LOG_LEVEL: logLevel,
      HOST: '127.0.0.1',
      PORT: String(port),
      // Only the embedded database, in the demo's own folder: never the user's backend/.data.
      DATABASE_DRIVER: 'pglite',
      DATA_DIR: join(dataDir, 'backend'),
      ADMIN_API_KEY: secrets.adminKey,
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      WHATSAPP_APP_SECRET: secrets.appSecret,
      WHATSAPP_VERIFY_TOKEN: secrets.verifyToken,
      WHATSAPP_GRAPH_URL: whatsapp.url,
      ...hubspotServerEnv(hubspot),
      ...salesforceServerEnv(salesforce),
      ...zohoServerEnv(zoho),
      PUBLIC_URL: backendUrl,
      // A contact reaches the CRMs the moment it changes, so the card preview is current at once.
      CRM_SYNC_SETTLE_MS: '0',
      CRM_SYNC_MAX_WAIT_MS: '0',
      // Periodic jobs (backups, retraining, sweeps) have nothing to do in a demo that lives minutes.
      SCHEDULER: 'off',
    })

    progress('starting the backend on the embedded database (applying migrations)')
    const runtime = await startRuntime(config, createLogger(logLevel))
    closers.push(() => runtime.close())
    const server = serve({ fetch: runtime.app.fetch, port, hostname: '127.0.0.1' })
    await new Promise<void>((resolve, reject) => {
      server.once('listening', () => resolve())
      server.once('error', reject)
    })
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve())
          if ('closeAllConnections' in server) server.closeAllConnections()
        }),
    )
    return { secrets, config, runtime, backendUrl, whatsapp, hubspot, salesforce, zoho, close }
  } catch (error) {
    await close()
    throw error
  }
}
