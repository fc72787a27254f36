/**
 * Starts the HubSpot simulator on a local port and hands back its control handle.
 *
 * @example
 * const sim = await startHubspotSimulator()
 * const { accessToken } = sim.issueToken(123)
 * const hubspot = new Client({ accessToken, basePath: sim.url })
 */
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createApp } from './app'
import type { ObjectTypeName } from './object-types'
import { resolveObjectType } from './object-types'
import { toSimRecord } from './portal'
import { DEFAULT_RECORD_LIMITS } from './record-limits'
import { SimulatorState } from './state'
import { DEFAULTS, type HubspotSimulator, type HubspotSimulatorOptions } from './types'
import {
  uiCreateContact,
  uiDeleteContact,
  uiEditContact,
  uiGdprDeleteContact,
  uiMergeContacts,
} from './ui-actions'

export async function startHubspotSimulator(
  options: HubspotSimulatorOptions = {},
): Promise<HubspotSimulator> {
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

  const typeOf = (objectType: string): ObjectTypeName => {
    const def = resolveObjectType(objectType)
    if (!def) throw new Error(`unknown object type ${objectType}`)
    return def.name
  }
  const records = (portalId: number, objectType: string) =>
    state
      .portal(portalId)
      .live(typeOf(objectType))
      .map((r) => toSimRecord(r))

  let closed: Promise<void> | undefined
  return {
    url,
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        state.webhooks.close()
        server.close(() => resolve())
        if ('closeAllConnections' in server) server.closeAllConnections()
      })
      return closed
    },
    authorize: (portalId, opts) => {
      state.portal(portalId)
      return state.oauth.authorize(portalId, opts)
    },
    issueToken: (portalId) => {
      state.portal(portalId)
      return state.oauth.issue(portalId)
    },
    contacts: (portalId) => records(portalId, 'contacts'),
    communications: (portalId) => records(portalId, 'communications'),
    tasks: (portalId) => records(portalId, 'tasks'),
    records,
    associations: (portalId, fromType, fromId) =>
      state.portal(portalId).associations.list(typeOf(fromType), fromId),
    setRecordLimits: (portalId, limits) => {
      state.recordLimits.set(portalId, {
        ...(state.recordLimits.get(portalId) ?? DEFAULT_RECORD_LIMITS),
        ...limits,
      })
    },
    properties: (portalId, objectType) => state.portal(portalId).propertyList(typeOf(objectType)),
    groups: (portalId, objectType) =>
      [...(state.portal(portalId).groups.get(typeOf(objectType))?.values() ?? [])]
        .filter((g) => !g.archived)
        .map((g) => ({ name: g.name, label: g.label })),
    requests: state.requests,
    resetRequests: () => {
      state.requests.length = 0
    },
    faults: state.faults,
    setWebhookTarget: (target) => {
      state.webhooks.target = target
    },
    webhookAttempts: state.webhooks.attempts,
    webhooksIdle: () => state.webhooks.idle(),
    editContact: (portalId, id, properties, opts) => uiEditContact(state, portalId, id, properties, opts?.at),
    createContact: (portalId, properties) => uiCreateContact(state, portalId, properties),
    mergeContacts: (portalId, primaryId, mergedId) => uiMergeContacts(state, portalId, primaryId, mergedId),
    deleteContact: (portalId, id) => uiDeleteContact(state, portalId, id),
    gdprDeleteContact: (portalId, id) => uiGdprDeleteContact(state, portalId, id),
    revokedTokens: () => state.oauth.revokedTokens(),
  }
}
