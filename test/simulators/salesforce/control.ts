/**
 * Control routes under /__sim for a simulator run standalone (main.ts): the operations the
 * in-process handle offers. They need no token, are not logged and cost no API calls.
 */
import { Hono } from 'hono'
import type { SimulatorState } from './state'
import type { FaultStatus, FieldValue, SimValidationRule } from './types'
import { uiConvertLead, uiCreate, uiDelete, uiEdit, uiMerge } from './ui-actions'

type Json = Record<string, unknown>

export function controlRoutes(state: SimulatorState): Hono {
  const app = new Hono()
  app.onError((error, c) => c.json({ error: error.message }, 400))
  const body = async (c: { req: { json(): Promise<unknown> } }) => (await c.req.json()) as Json

  app.post('/orgs', async (c) => {
    const b = await body(c)
    const org = state.org(b.orgId as string | undefined, b.sandbox === true)
    return c.json({ orgId: org.orgId, userId: org.userId, sandbox: org.sandbox })
  })
  app.get('/orgs/:orgId', (c) => {
    const org = state.existingOrg(c.req.param('orgId'))
    const dump = (m: Map<string, Map<string, unknown>>) =>
      Object.fromEntries([...m].map(([t, rows]) => [t, [...rows.values()]]))
    return c.json({
      orgId: org.orgId,
      sandbox: org.sandbox,
      apiUsage: { used: org.used, limit: org.limit },
      records: dump(org.live),
      deleted: dump(org.deleted),
      rules: org.rules,
    })
  })
  app.post('/orgs/:orgId/authorize', async (c) => {
    const org = state.existingOrg(c.req.param('orgId'))
    return c.json({ code: state.oauth.authorize(org.orgId, org.userId, String((await body(c)).redirectUri)) })
  })
  app.post('/orgs/:orgId/tokens', (c) => {
    const org = state.existingOrg(c.req.param('orgId'))
    return c.json(state.oauth.issue(org.orgId, org.userId))
  })
  app.post('/orgs/:orgId/expire-sessions', (c) => {
    state.oauth.expireOrg(c.req.param('orgId'))
    return c.json({ ok: true })
  })
  app.put('/orgs/:orgId/api-usage', async (c) => {
    const org = state.existingOrg(c.req.param('orgId'))
    const b = await body(c)
    org.used = Number(b.used)
    if (b.limit !== undefined) org.limit = Number(b.limit)
    return c.json({ used: org.used, limit: org.limit })
  })
  app.put('/orgs/:orgId/storage', async (c) => {
    const org = state.existingOrg(c.req.param('orgId'))
    const b = await body(c)
    if (b.dataMb !== undefined) org.storage.dataMb = Number(b.dataMb)
    if (b.fileMb !== undefined) org.storage.fileMb = Number(b.fileMb)
    if (b.visible !== undefined) org.storage.visible = Boolean(b.visible)
    return c.json(org.storage)
  })
  app.delete('/orgs/:orgId/fields/:sobject/:field', (c) => {
    const org = state.existingOrg(c.req.param('orgId'))
    const fields = org.fields(c.req.param('sobject'))
    org.schema.set(
      c.req.param('sobject'),
      fields.filter((f) => f.name !== c.req.param('field')),
    )
    return c.json({ ok: true })
  })
  app.post('/orgs/:orgId/validation-rules', async (c) => {
    state.existingOrg(c.req.param('orgId')).rules.push((await body(c)) as unknown as SimValidationRule)
    return c.json({ ok: true })
  })
  app.post('/orgs/:orgId/records/:sobject', async (c) => {
    const org = state.existingOrg(c.req.param('orgId'))
    return c.json(uiCreate(org, c.req.param('sobject'), (await body(c)) as Record<string, FieldValue>))
  })
  app.patch('/orgs/:orgId/records/:sobject/:id', async (c) => {
    const org = state.existingOrg(c.req.param('orgId'))
    return c.json(
      uiEdit(org, c.req.param('sobject'), c.req.param('id'), (await body(c)) as Record<string, FieldValue>),
    )
  })
  app.delete('/orgs/:orgId/records/:sobject/:id', (c) => {
    uiDelete(state.existingOrg(c.req.param('orgId')), c.req.param('sobject'), c.req.param('id'))
    return c.json({ ok: true })
  })
  app.post('/orgs/:orgId/merge/:sobject', async (c) => {
    const b = await body(c)
    uiMerge(
      state.existingOrg(c.req.param('orgId')),
      c.req.param('sobject'),
      String(b.masterId),
      b.duplicateIds as string[],
    )
    return c.json({ ok: true })
  })
  app.post('/orgs/:orgId/convert/:leadId', async (c) => {
    const b = await body(c)
    return c.json(
      uiConvertLead(
        state.existingOrg(c.req.param('orgId')),
        c.req.param('leadId'),
        b.contactId as string | undefined,
      ),
    )
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
    const b = await body(c)
    state.faults.failNext(
      { method: b.method as string | undefined, pathPrefix: b.pathPrefix as string | undefined },
      Number(b.count ?? 1),
      b.status as FaultStatus,
    )
    return c.json({ ok: true })
  })
  app.delete('/faults', (c) => {
    state.faults.clear()
    return c.json({ ok: true })
  })
  app.put('/latency', async (c) => {
    state.options.latencyMs = Number((await body(c)).ms ?? 0)
    return c.json({ latencyMs: state.options.latencyMs })
  })
  return app
}
