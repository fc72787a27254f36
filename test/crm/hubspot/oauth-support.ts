import { Writable } from 'node:stream'
import { and, eq } from 'drizzle-orm'
import { crmConnections } from '../../../backend/src/db/schema'
import { decryptSecret } from '../../../backend/src/lib/crypto'
import { createLogger, type Logger } from '../../../backend/src/lib/logger'
import type { HubspotSimulator } from '../../simulators/hubspot'
import { hubspotServerEnv } from '../../simulators/hubspot'
import type { TestResponse, TestRuntime } from '../../support/test-runtime'

/** The origin HubSpot would see; redirect_uri is built from it. */
export const PUBLIC = 'https://scrm.example.test'
export const TOKEN_PATH = '/oauth/2026-03/token'

export function hubspotEnv(
  sim: HubspotSimulator,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    ...hubspotServerEnv(sim),
    PUBLIC_URL: PUBLIC,
    ...extra,
  }
}

/** A logger at debug level whose output the test can read. */
export function capturedLogs(): { logger: Logger; text(): string } {
  const chunks: string[] = []
  const sink = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk))
      done()
    },
  })
  return { logger: createLogger('debug', sink), text: () => chunks.join('') }
}

export interface InstallRun {
  res: TestResponse
  state: string
  authorizeUrl: URL
}

/**
 * An installer's trip: start (marketplace link, or an admin's key), approve in HubSpot (the
 * simulator issues the code for that portal), come back to the callback.
 */
export async function installPortal(
  rt: TestRuntime,
  sim: HubspotSimulator,
  portalId: number,
  opts: { adminKey?: string; accept?: string; scopes?: string[] } = {},
): Promise<InstallRun> {
  const authorizeUrl = await startInstall(rt, opts.adminKey)
  const state = authorizeUrl.searchParams.get('state') as string
  const code = sim.authorize(portalId, {
    redirectUri: authorizeUrl.searchParams.get('redirect_uri') as string,
    scopes: opts.scopes,
  })
  const res = await callback(rt, { code, state }, opts.accept)
  return { res, state, authorizeUrl }
}

export async function startInstall(rt: TestRuntime, adminKey?: string): Promise<URL> {
  if (adminKey) {
    const res = await rt.api('/api/v1/connections/hubspot/install', { method: 'POST', key: adminKey })
    if (res.status !== 200) throw new Error(`install start answered ${res.status}`)
    return new URL((await res.json()).authorize_url)
  }
  const res = await rt.request('/oauth/hubspot/install')
  if (res.status !== 302) throw new Error(`install answered ${res.status}`)
  return new URL(res.headers.get('location') as string)
}

export function callback(rt: TestRuntime, query: Record<string, string>, accept = 'text/html') {
  return rt.request(`/oauth/hubspot/callback?${new URLSearchParams(query)}`, { headers: { accept } })
}

export async function connectionOf(rt: TestRuntime, portalId: number) {
  const rows = await rt.db.db
    .select()
    .from(crmConnections)
    .where(and(eq(crmConnections.provider, 'hubspot'), eq(crmConnections.accountId, String(portalId))))
  if (rows.length !== 1)
    throw new Error(`expected one connection for portal ${portalId}, found ${rows.length}`)
  return rows[0] as (typeof rows)[number]
}

export function tokensOf(
  rt: TestRuntime,
  row: { accessTokenEnc: string | null; refreshTokenEnc: string | null },
) {
  const key = rt.deps.encryptionKey
  return {
    access: row.accessTokenEnc ? decryptSecret(row.accessTokenEnc, key) : null,
    refresh: row.refreshTokenEnc ? decryptSecret(row.refreshTokenEnc, key) : null,
  }
}

export const tokenRequests = (sim: HubspotSimulator) =>
  sim.requests.filter((r) => r.method === 'POST' && r.path === TOKEN_PATH).length
