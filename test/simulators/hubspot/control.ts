/**
 * Control routes under /__sim for a simulator run standalone (main.ts): the operations the
 * in-process handle offers (state, request log, faults, tokens, webhook target, UI changes).
 * They need no token and are neither logged nor rate limited.
 */
import { Hono } from 'hono'
import { OBJECT_TYPES, type ObjectTypeName } from './object-types'
import { toSimRecord } from './portal'
import type { SimulatorState } from './state'
import type { FaultStatus } from './types'
import { uiCreateContact, uiDeleteContact, uiEditContact, uiMergeContacts } from './ui-actions'

type Json = Record<string, unknown>

export function controlRoutes(state: SimulatorState): Hono {
  const app = new Hono()

  app.onError((error, c) => c.json({ error: error.message }, 400))

  app.get('/state', (c) => {
    const portals: Json = {}
    for (const [id, portal] of state.portals) {
      const records: Json = {}
      for (const type of Object.keys(OBJECT_TYPES) as ObjectTypeName[]) {
        records[type] = portal.live(type).map((r) => ({
          ...toSimRecord(r),
          associations: portal.associations.list(type, r.id),
        }))
      }
      portals[id] = {
        ...records,
        customProperties: Object.fromEntries(
          (Object.keys(OBJECT_TYPES) as ObjectTypeName[]).map((t) => [
            t,
            portal.propertyList(t).filter((p) => !p.hubspotDefined),
          ]),
        ),
        groups: Object.fromEntries([...portal.groups].map(([t, g]) => [t, [...g.values()]])),
      }
    }
    return c.json({
      portals,
      webhookTarget: state.webhooks.target,
      revokedTokens: state.oauth.revokedTokens(),
    })
  })

  app.get('/requests', (c) => {
    const since = Number(c.req.query('since') ?? 0)
    return c.json(state.requests.filter((r) => r.at >= since))
  })
  app.delete('/requests', (c) => {
    state.requests.length = 0
    return c.json({ ok: true })
  })

  app.get('/faults', (c) => c.json(state.faults.pending()))
  app.post('/faults', async (c) => {
    const b = (await c.req.json()) as {
      method?: string
      pathPrefix?: string
      n?: number
      status: FaultStatus
    }
    state.faults.failNext({ method: b.method, pathPrefix: b.pathPrefix }, b.n ?? 1, b.status)
    return c.json({ ok: true })
  })
  app.delete('/faults', (c) => {
    state.faults.clear()
    return c.json({ ok: true })
  })

  app.post('/authorize', async (c) => {
    const b = (await c.req.json()) as { portalId: number; scopes?: string[]; redirectUri?: string }
    return c.json({ code: state.oauth.authorize(b.portalId, b) })
  })
  app.post('/tokens', async (c) => {
    const b = (await c.req.json()) as { portalId: number }
    state.portal(b.portalId)
    return c.json(state.oauth.issue(b.portalId))
  })

  app.put('/webhook-target', async (c) => {
    const b = (await c.req.json()) as { url: string | null }
    state.webhooks.target = b.url
    return c.json({ ok: true })
  })
  app.get('/webhooks', (c) => c.json(state.webhooks.attempts))

  app.post('/portals/:portalId/contacts', async (c) => {
    const b = (await c.req.json()) as { properties: Record<string, string | null> }
    return c.json({ id: await uiCreateContact(state, Number(c.req.param('portalId')), b.properties) })
  })
  app.patch('/portals/:portalId/contacts/:id', async (c) => {
    const b = (await c.req.json()) as { properties: Record<string, string | null>; at?: number }
    await uiEditContact(state, Number(c.req.param('portalId')), c.req.param('id'), b.properties, b.at)
    return c.json({ ok: true })
  })
  app.post('/portals/:portalId/contacts/merge', async (c) => {
    const b = (await c.req.json()) as { primaryId: string; mergedId: string }
    await uiMergeContacts(state, Number(c.req.param('portalId')), b.primaryId, b.mergedId)
    return c.json({ ok: true })
  })
  app.delete('/portals/:portalId/contacts/:id', async (c) => {
    await uiDeleteContact(state, Number(c.req.param('portalId')), c.req.param('id'))
    return c.json({ ok: true })
  })

  return app
}
