/**
 * Starts the Zoho CRM simulator on a local port and hands back its control handle.
 *
 * @example
 * const sim = await startZohoSimulator()
 * const { orgId } = sim.org({ dc: 'eu' })
 * const { accessToken } = sim.issueToken(orgId)
 * await fetch(`${sim.apiDomain('eu')}/crm/v8/org`, { headers: { authorization: `Zoho-oauthtoken ${accessToken}` } })
 */
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createApp } from './app'
import { SimulatorState } from './state'
import type { SimRecord, ZohoSimulator, ZohoSimulatorOptions } from './types'
import { DEFAULTS } from './types'

export async function startZohoSimulator(options: ZohoSimulatorOptions = {}): Promise<ZohoSimulator> {
  const state = new SimulatorState(options)
  let origin = ''
  const app = createApp(state, () => origin)
  const host = options.host ?? DEFAULTS.host
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>(
    (resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, (info: AddressInfo) =>
        resolve({ server: s, port: info.port }),
      )
      s.once('error', reject)
    },
  )
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  const org = (orgId: string) => state.existingOrg(orgId)
  const copy = (r: SimRecord): SimRecord => structuredClone(r)
  let closed: Promise<void> | undefined

  return {
    url: origin,
    accountsUrl: (dc) => `${origin}/${dc}/accounts`,
    apiDomain: (dc) => `${origin}/${dc}/api`,
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        if ('closeAllConnections' in server) server.closeAllConnections()
      })
      return closed
    },
    org: (opts) => {
      const o = state.org(opts)
      return { orgId: o.orgId, userId: o.userId, dc: o.dc }
    },
    authorize: (orgId, opts) => {
      const o = org(orgId)
      return {
        code: state.oauth.authorize(orgId, opts.redirectUri),
        location: o.dc === 'com' ? 'us' : o.dc,
        accountsServer: `${origin}/${o.dc}/accounts`,
      }
    },
    issueToken: (orgId) => state.oauth.issue(orgId, org(orgId).dc),
    expireAccessTokens: (orgId) => state.oauth.expireOrg(orgId),
    revokedTokens: () => [...state.oauth.revoked],
    records: (orgId, module) => [...org(orgId).table(module).values()].map(copy),
    fields: (orgId, module) => structuredClone(org(orgId).fields(module)),
    tags: (orgId, module) =>
      org(orgId)
        .tagsOf(module)
        .map((t) => ({ id: t.id, name: t.name })),
    channels: (orgId) => [...org(orgId).channels.values()].map((c) => structuredClone(c)),
    credits: (orgId) => ({ used: org(orgId).creditsUsed(), limit: org(orgId).creditLimit }),
    setCredits: (orgId, used, limit) => {
      const o = org(orgId)
      o.spent = [{ at: Date.now(), cost: used }]
      if (limit !== undefined) o.creditLimit = limit
    },
    peakConcurrency: (orgId) => org(orgId).peak,
    lockRecord: (orgId, id) => {
      org(orgId).locked.add(id)
    },
    createRecord: (orgId, module, fields) => {
      const o = org(orgId)
      const answer = o.insert(module, fields, 0, 'ui')
      if (answer.status !== 'success') throw new Error(`${answer.code}: ${JSON.stringify(answer.details)}`)
      state.notify(o)
      return copy(o.table(module).get(String(answer.details.id)) as SimRecord)
    },
    editRecord: (orgId, module, id, fields) => {
      const o = org(orgId)
      const answer = o.update(module, id, fields, 0, 'ui')
      if (answer.status !== 'success') throw new Error(`${answer.code}: ${JSON.stringify(answer.details)}`)
      state.notify(o)
      return copy(o.table(module).get(id) as SimRecord)
    },
    deleteRecord: (orgId, module, id) => {
      const o = org(orgId)
      o.delete(module, id)
      state.notify(o)
    },
    mergeRecords: (orgId, module, masterId, childId) => {
      const o = org(orgId)
      const answer = o.merge(module, masterId, childId, 'ui')
      if (answer.status !== 'success') throw new Error(`${answer.code}: ${JSON.stringify(answer.details)}`)
      state.notify(o)
      return copy(o.table(module).get(masterId) as SimRecord)
    },
    convertLead: (orgId, leadId, opts) => {
      const o = org(orgId)
      const answer = o.convertLead(leadId, opts, 'ui')
      if (answer.status !== 'success') throw new Error(`${answer.code}: ${JSON.stringify(answer.details)}`)
      state.notify(o)
      return String((answer.details.Contacts as { id: string }).id)
    },
    holdClock: (orgId, at) => {
      org(orgId).heldClock = at
    },
    holdNotifications: (hold) => state.hold(hold),
    flushNotifications: (opts) => state.flush(opts),
    routeNotifications: (deliver) => {
      state.deliver = deliver
    },
    dropChannel: (orgId, channelId) => {
      org(orgId).channels.delete(channelId)
    },
    deliveries: state.deliveries,
    requests: state.requests,
    resetRequests: () => {
      state.requests.length = 0
    },
    faults: { failNext: (m, n, s) => state.failNext(m, n, s), clear: () => state.clearFaults() },
    setLatency: (ms) => {
      state.options.latencyMs = ms
    },
  }
}
