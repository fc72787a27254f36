/**
 * Starts the Salesforce simulator on a local port and hands back its control handle.
 *
 * @example
 * const sim = await startSalesforceSimulator()
 * const { orgId } = sim.org()
 * const { accessToken } = sim.issueToken(orgId)
 * const conn = new jsforce.Connection({ instanceUrl: sim.url, accessToken, version: '66.0' })
 */
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createApp } from './app'
import { SimulatorState } from './state'
import {
  DEFAULTS,
  SANDBOX_PATH,
  type SalesforceSimulator,
  type SalesforceSimulatorOptions,
  type SimRecord,
} from './types'
import { uiConvertLead, uiCreate, uiDelete, uiEdit, uiMerge } from './ui-actions'

export async function startSalesforceSimulator(
  options: SalesforceSimulatorOptions = {},
): Promise<SalesforceSimulator> {
  const state = new SimulatorState(options)
  const app = createApp(state)
  const host = options.host ?? DEFAULTS.host
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>(
    (resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, (info: AddressInfo) =>
        resolve({ server: s, port: info.port }),
      )
      s.once('error', reject)
    },
  )
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  const org = (orgId: string) => state.existingOrg(orgId)
  const copy = (r: SimRecord): SimRecord => ({ ...r })

  let closed: Promise<void> | undefined
  return {
    url,
    sandboxLoginUrl: `${url}${SANDBOX_PATH}`,
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        if ('closeAllConnections' in server) server.closeAllConnections()
      })
      return closed
    },
    org: (orgId, opts) => {
      const o = state.org(orgId, opts?.sandbox ?? false)
      return { orgId: o.orgId, userId: o.userId }
    },
    authorize: (orgId, opts) => state.oauth.authorize(orgId, org(orgId).userId, opts.redirectUri),
    issueToken: (orgId) => state.oauth.issue(orgId, org(orgId).userId),
    expireSessions: (orgId) => state.oauth.expireOrg(orgId),
    revokedTokens: () => [...state.oauth.revoked],
    records: (orgId, sobject) => [...org(orgId).table(sobject).values()].map(copy),
    deletedRecords: (orgId, sobject) => [...org(orgId).bin(sobject).values()].map(copy),
    apiUsage: (orgId) => ({ used: org(orgId).used, limit: org(orgId).limit }),
    setApiUsage: (orgId, used, limit) => {
      const o = org(orgId)
      o.used = used
      if (limit !== undefined) o.limit = limit
    },
    setStorage: (orgId, storage) => {
      Object.assign(org(orgId).storage, storage)
    },
    removeField: (orgId, sobject, field) => {
      const o = org(orgId)
      o.schema.set(
        sobject,
        o.fields(sobject).filter((f) => f.name !== field),
      )
    },
    addValidationRule: (orgId, rule) => {
      org(orgId).rules.push(rule)
    },
    requests: state.requests,
    resetRequests: () => {
      state.requests.length = 0
    },
    faults: state.faults,
    setLatency: (ms) => {
      state.options.latencyMs = ms
    },
    holdClock: (orgId, at) => {
      org(orgId).heldClock = at
    },
    createRecord: (orgId, sobject, fields) => copy(uiCreate(org(orgId), sobject, fields)),
    editRecord: (orgId, sobject, id, fields) => copy(uiEdit(org(orgId), sobject, id, fields)),
    deleteRecord: (orgId, sobject, id) => uiDelete(org(orgId), sobject, id),
    mergeRecords: (orgId, sobject, masterId, duplicateIds) =>
      uiMerge(org(orgId), sobject, masterId, duplicateIds),
    convertLead: (orgId, leadId, opts) => uiConvertLead(org(orgId), leadId, opts?.contactId),
  }
}
