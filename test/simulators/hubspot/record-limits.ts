/**
 * The limits tracking API's record limits (`GET /crm/v3/limits/records`, dated
 * `/crm/limits/2026-03/records`): per HubSpot-defined object its `limit`, the records the portal
 * holds (`usage`) and `percentage`, as HubSpot's "Limits tracking" guide shows them. The limits are
 * the simulator's (per portal, settable); HubSpot's depend on the subscription.
 */
import { Hono } from 'hono'
import { portalOf, requireScopes, type SimEnv, send } from './http'
import { OBJECT_TYPES, type ObjectTypeName } from './object-types'
import type { SimulatorState } from './state'

export const DEFAULT_RECORD_LIMITS: Record<ObjectTypeName, number> = {
  contacts: 1_000_000,
  communications: 1_000_000,
  tasks: 1_000_000,
}

export function recordLimitRoutes(state: SimulatorState): Hono<SimEnv> {
  const app = new Hono<SimEnv>()
  app.get('/records', (c) => {
    const denied = requireScopes(c, ['crm.objects.contacts.read'])
    if (denied) return send(c, denied)
    const portal = portalOf(state, c)
    const limits = state.recordLimits.get(portal.id) ?? DEFAULT_RECORD_LIMITS
    return c.json({
      hubspotDefinedObjectTypes: (Object.keys(OBJECT_TYPES) as ObjectTypeName[]).map((name) => {
        const def = OBJECT_TYPES[name]
        const usage = portal.live(name).length
        return {
          objectTypeId: def.typeId,
          singularLabel: def.label,
          pluralLabel: `${def.label}s`,
          limit: limits[name],
          usage,
          percentage: Math.round((usage / limits[name]) * 10_000) / 100,
        }
      }),
      customObjectTypes: { byObjectType: [], overallLimit: 0, overallUsage: 0, overallPercentage: 0 },
    })
  })
  return app
}
