/**
 * The v8 REST surface under `{api_domain}/crm/v8`: org and current user, Fields, records (get by
 * ids, search, upsert, update), Notes, Tasks, Tags on records, and `actions/watch`. Batch writes
 * answer `data[]` with one element per input (207 when some failed, 400 when all did).
 */
import { type Context, Hono } from 'hono'
import { type ElementAnswer, elementError, type Org } from './org'
import { MODULES } from './schema'
import type { SimChannel, SimRecord } from './types'

export type ApiEnv = { Variables: { org: Org; credits: number; records: number } }
type Ctx = Context<ApiEnv>

export const zohoError = (
  c: Ctx,
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown> = {},
) => c.json({ code, details, message, status: 'error' }, status as 400)

const PERSON_MODULES = new Set(['Contacts', 'Leads'])
const MAX_RECORDS = 100
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

async function jsonBody(c: Ctx): Promise<Record<string, unknown> | null> {
  try {
    const b = JSON.parse(await c.req.text())
    return isObject(b) ? b : null
  } catch {
    return null
  }
}

/** Batch writes cost one credit per ten records (at least one). */
const writeCost = (n: number) => Math.max(1, Math.ceil(n / 10))

function answerBatch(c: Ctx, key: string, answers: ElementAnswer[]): Response {
  const failed = answers.filter((a) => a.status === 'error').length
  const status = failed === 0 ? 200 : failed === answers.length ? 400 : 207
  return c.json({ [key]: answers }, status as 200)
}

export function apiRoutes(): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>()

  app.get('/org', (c) => {
    const org = c.get('org')
    return c.json({
      org: [
        {
          id: org.orgId,
          zgid: `${org.orgId}0`,
          company_name: `Sim Org ${org.orgId}`,
          domain_name: `org${org.orgId}`,
          license_details: { paid: org.edition !== 'free', paid_type: org.edition },
        },
      ],
    })
  })

  app.get('/users', (c) => {
    if (c.req.query('type') !== 'CurrentUser')
      return zohoError(c, 400, 'INVALID_DATA', 'only type=CurrentUser is simulated')
    const u = c.get('org').user
    return c.json({ users: [{ id: u.id, full_name: u.name, email: u.email, status: 'active' }] })
  })

  // ---- Fields
  app.get('/settings/fields', (c) => {
    const module = c.req.query('module') ?? ''
    if (!MODULES.includes(module as (typeof MODULES)[number]))
      return zohoError(c, 400, 'INVALID_MODULE', 'the module name given seems to be invalid', {
        api_name: 'module',
      })
    return c.json({ fields: c.get('org').fields(module) })
  })
  app.post('/settings/fields', async (c) => {
    const module = c.req.query('module') ?? ''
    if (!PERSON_MODULES.has(module) && module !== 'Tasks')
      return zohoError(c, 400, 'INVALID_MODULE', 'the module name given seems to be invalid', {
        api_name: 'module',
      })
    const body = await jsonBody(c)
    if (!body || !Array.isArray(body.fields))
      return zohoError(c, 400, 'INVALID_DATA', 'body must be { fields: [...] }')
    const answers = body.fields.map((f) =>
      isObject(f) ? c.get('org').createField(module, f) : elementError('INVALID_DATA', 'invalid data'),
    )
    return answerBatch(c, 'fields', answers)
  })
  app.patch('/settings/fields/:id', async (c) => {
    const module = c.req.query('module') ?? ''
    const body = await jsonBody(c)
    const input = Array.isArray(body?.fields) && isObject(body.fields[0]) ? body.fields[0] : null
    if (!input) return zohoError(c, 400, 'INVALID_DATA', 'body must be { fields: [...] }')
    return answerBatch(c, 'fields', [c.get('org').updateField(module, c.req.param('id'), input)])
  })

  // ---- Notifications
  app.get('/actions/watch', (c) => {
    const list = [...c.get('org').channels.values()].filter(
      (ch) => Date.parse(ch.channel_expiry) > Date.now(),
    )
    if (list.length === 0) return c.body(null, 204)
    return c.json({ watch: list })
  })
  const subscribe = (replace: boolean) => async (c: Ctx) => {
    const body = await jsonBody(c)
    if (!body || !Array.isArray(body.watch))
      return zohoError(c, 400, 'INVALID_DATA', 'body must be { watch: [...] }')
    const org = c.get('org')
    const answers = body.watch.map((w) => {
      if (!isObject(w)) return elementError('INVALID_DATA', 'invalid data')
      for (const k of ['channel_id', 'events', 'notify_url'] as const)
        if (w[k] === undefined)
          return elementError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: k })
      if (!/^\d{1,18}$/.test(String(w.channel_id)))
        return elementError('INVALID_DATA', 'invalid data', { api_name: 'channel_id' })
      if (typeof w.token === 'string' && w.token.length > 50)
        return elementError('INVALID_DATA', 'token length exceeded', {
          api_name: 'token',
          maximum_length: 50,
        })
      if (
        !Array.isArray(w.events) ||
        w.events.some((e) => typeof e !== 'string' || !/^(Contacts|Leads)\.(create|edit|delete|all)$/.test(e))
      )
        return elementError('INVALID_DATA', 'invalid data', { api_name: 'events' })
      if (typeof w.notify_url !== 'string' || !/^https?:\/\//.test(w.notify_url))
        return elementError('INVALID_DATA', 'invalid data', { api_name: 'notify_url' })
      const id = String(w.channel_id)
      if (replace && !org.channels.has(id))
        return elementError('INVALID_DATA', 'the channel does not exist', { api_name: 'channel_id' })
      const asked = typeof w.channel_expiry === 'string' ? Date.parse(w.channel_expiry) : Number.NaN
      const now = Date.now()
      // Zoho: over a week, or none given → one hour.
      const expiry =
        Number.isFinite(asked) && asked > now && asked - now <= 7 * 86_400_000 ? asked : now + 3_600_000
      const channel: SimChannel = {
        channel_id: id,
        events: w.events as string[],
        notify_url: w.notify_url,
        ...(typeof w.token === 'string' ? { token: w.token } : {}),
        channel_expiry: new Date(expiry).toISOString().replace(/\.\d{3}Z$/, '+00:00'),
        return_affected_field_values: w.return_affected_field_values === true,
        notification_condition: w.notification_condition,
      }
      org.channels.set(id, channel)
      return {
        code: 'SUCCESS',
        details: {
          events: channel.events.map((e) => ({
            channel_expiry: channel.channel_expiry,
            resource_uri: `https://www.zohoapis.${org.dc}/crm/v8/${e.split('.')[0]}`,
            resource_name: e.split('.')[0],
            channel_id: id,
          })),
        },
        message: 'Successfully subscribed for actions-watch of the given module',
        status: 'success',
      } as ElementAnswer
    })
    return answerBatch(c, 'watch', answers)
  }
  app.post('/actions/watch', subscribe(false))
  app.put('/actions/watch', subscribe(true))
  app.delete('/actions/watch', (c) => {
    const ids = (c.req.query('channel_ids') ?? '').split(',').filter(Boolean)
    for (const id of ids) c.get('org').channels.delete(id)
    return c.json({
      watch: ids.map((id) => ({
        code: 'SUCCESS',
        details: { channel_id: id },
        message: 'deleted',
        status: 'success',
      })),
    })
  })

  // ---- Notes and Tasks
  const activity = (module: 'Notes' | 'Tasks', mode: 'create' | 'update') => async (c: Ctx) => {
    const body = await jsonBody(c)
    if (!body || !Array.isArray(body.data))
      return zohoError(c, 400, 'INVALID_DATA', 'body must be { data: [...] }')
    if (body.data.length > MAX_RECORDS)
      return zohoError(c, 400, 'LIMIT_EXCEEDED', 'too many records', { limit: MAX_RECORDS })
    const org = c.get('org')
    c.set('credits', writeCost(body.data.length))
    c.set('records', body.data.length)
    const answers = body.data.map((raw, i) => {
      if (!isObject(raw)) return elementError('INVALID_DATA', 'invalid data', { json_path: `$.data[${i}]` })
      const input = raw as SimRecord
      const parent =
        module === 'Notes'
          ? (input.Parent_Id as { id?: string; module?: { api_name?: string } } | undefined)
          : undefined
      if (parent) {
        const m = parent.module?.api_name ?? ''
        if (!PERSON_MODULES.has(m) || !org.table(m).has(String(parent.id)))
          return elementError('INVALID_DATA', 'the related id given seems to be invalid', {
            api_name: 'Parent_Id',
            json_path: `$.data[${i}].Parent_Id`,
          })
      }
      if (mode === 'create') return org.insert(module, input, i)
      return org.update(module, String(input.id ?? ''), input, i)
    })
    return answerBatch(c, 'data', answers)
  }
  app.post('/Notes', activity('Notes', 'create'))
  app.put('/Notes', activity('Notes', 'update'))
  app.post('/Tasks', activity('Tasks', 'create'))
  app.put('/Tasks', activity('Tasks', 'update'))
  app.get('/Notes/:id', (c) => {
    const note = c.get('org').table('Notes').get(c.req.param('id'))
    return note ? c.json({ data: [note] }) : c.body(null, 204)
  })

  // ---- Tags on one record
  for (const action of ['add_tags', 'remove_tags'] as const)
    app.post(`/:module/:id/actions/${action}`, async (c) => {
      const module = c.req.param('module')
      if (!PERSON_MODULES.has(module))
        return zohoError(c, 400, 'INVALID_MODULE', 'the module name given seems to be invalid')
      const org = c.get('org')
      const record = org.table(module).get(c.req.param('id'))
      if (!record)
        return zohoError(c, 400, 'INVALID_DATA', 'the related id given seems to be invalid', {
          api_name: 'id',
        })
      const body = await jsonBody(c)
      const names = Array.isArray(body?.tags)
        ? (body.tags as { name?: string }[]).map((t) => String(t?.name ?? ''))
        : []
      const current = ((record.Tag ?? []) as { name: string }[]).map((t) => t.name)
      const next =
        action === 'add_tags'
          ? c.req.query('over_write') === 'true'
            ? names
            : [...new Set([...current, ...names])]
          : current.filter((n) => !names.includes(n))
      const answer = org.update(module, record.id as string, { Tag: next.map((name) => ({ name })) }, 0)
      return answerBatch(c, 'data', [{ ...answer, details: { id: record.id, tags: next } }])
    })

  // ---- Merge Records and Convert Lead (the child / the Lead is deleted; no merge marker follows)
  app.post('/:module/:id/actions/merge', async (c) => {
    const module = c.req.param('module')
    if (!PERSON_MODULES.has(module))
      return zohoError(c, 400, 'INVALID_MODULE', 'the module name given seems to be invalid')
    const body = await jsonBody(c)
    const merge = Array.isArray(body?.merge) ? (body.merge as unknown[]) : null
    const first = merge?.[0]
    const children = isObject(first) && Array.isArray(first.data) ? (first.data as unknown[]) : null
    if (merge?.length !== 1 || !children || children.length === 0)
      return zohoError(c, 400, 'MANDATORY_NOT_FOUND', 'required field not found', {
        api_name: 'data',
        json_path: '$.merge[0].data',
      })
    if (children.length > 2)
      return zohoError(c, 400, 'LIMIT_EXCEEDED', 'Limit exceeded', {
        api_name: 'data',
        json_path: '$.merge[0].data',
        maximum_length: 2,
      })
    const org = c.get('org')
    const answers: ElementAnswer[] = []
    for (const child of children) {
      const id = isObject(child) ? String(child.id ?? '') : ''
      answers.push(org.merge(module, c.req.param('id'), id))
    }
    const failed = answers.find((a) => a.status === 'error')
    if (failed) return c.json({ merge: [failed] }, 400)
    return c.json({ merge: [answers[0]] }, 201)
  })

  app.post('/Leads/:id/actions/convert', async (c) => {
    const body = await jsonBody(c)
    const input = Array.isArray(body?.data) && isObject(body.data[0]) ? body.data[0] : null
    if (!input)
      return zohoError(c, 400, 'MANDATORY_NOT_FOUND', 'required field not found', {
        api_name: 'data',
        json_path: '$.data',
      })
    const contact = isObject(input.Contacts) ? String(input.Contacts.id ?? '') : undefined
    const carry = isObject(input.carry_over_tags) && Array.isArray(input.carry_over_tags.Contacts)
    c.set('credits', 5)
    const answer = c
      .get('org')
      .convertLead(c.req.param('id'), { contactId: contact || undefined, carryOverTags: carry })
    return c.json({ data: [answer] }, answer.status === 'success' ? 200 : 400)
  })

  // ---- Records
  app.post('/:module/upsert', async (c) => {
    const module = c.req.param('module')
    if (!PERSON_MODULES.has(module) && module !== 'Tasks')
      return zohoError(c, 400, 'INVALID_MODULE', 'the module name given seems to be invalid')
    const body = await jsonBody(c)
    if (!body || !Array.isArray(body.data))
      return zohoError(c, 400, 'INVALID_DATA', 'body must be { data: [...] }')
    if (body.data.length > MAX_RECORDS)
      return zohoError(c, 400, 'LIMIT_EXCEEDED', 'too many records', { limit: MAX_RECORDS })
    const check = Array.isArray(body.duplicate_check_fields) ? body.duplicate_check_fields.map(String) : []
    const org = c.get('org')
    for (const name of check)
      if (!org.fields(module).some((f) => f.api_name === name))
        return zohoError(c, 400, 'INVALID_DATA', 'invalid duplicate check field', { api_name: name })
    c.set('credits', writeCost(body.data.length))
    c.set('records', body.data.length)
    const answers = body.data.map((raw, i) =>
      isObject(raw)
        ? org.upsert(module, raw as SimRecord, i, check)
        : elementError('INVALID_DATA', 'invalid data', { json_path: `$.data[${i}]` }),
    )
    return answerBatch(c, 'data', answers)
  })

  app.put('/:module', async (c) => {
    const module = c.req.param('module')
    if (!PERSON_MODULES.has(module))
      return zohoError(c, 400, 'INVALID_MODULE', 'the module name given seems to be invalid')
    const body = await jsonBody(c)
    if (!body || !Array.isArray(body.data))
      return zohoError(c, 400, 'INVALID_DATA', 'body must be { data: [...] }')
    if (body.data.length > MAX_RECORDS)
      return zohoError(c, 400, 'LIMIT_EXCEEDED', 'too many records', { limit: MAX_RECORDS })
    c.set('credits', writeCost(body.data.length))
    c.set('records', body.data.length)
    const org = c.get('org')
    const answers = body.data.map((raw, i) =>
      isObject(raw)
        ? org.update(module, String(raw.id ?? ''), raw as SimRecord, i)
        : elementError('INVALID_DATA', 'invalid data'),
    )
    return answerBatch(c, 'data', answers)
  })

  const pick = (r: SimRecord, fields: string[] | null) =>
    fields ? Object.fromEntries(Object.entries(r).filter(([k]) => k === 'id' || fields.includes(k))) : r

  app.get('/:module/search', (c) => {
    const module = c.req.param('module')
    if (!PERSON_MODULES.has(module) && module !== 'Tasks')
      return zohoError(c, 400, 'INVALID_MODULE', 'the module name given seems to be invalid')
    const criteria = c.req.query('criteria') ?? ''
    const terms = [...criteria.matchAll(/\(([A-Za-z0-9_]+):(equals|starts_with):([^()]*)\)/g)]
    if (terms.length === 0)
      return zohoError(c, 400, 'INVALID_QUERY', 'invalid query formed', { reason: 'criteria' })
    const rows = [...c.get('org').table(module).values()].filter((r) =>
      terms.some(([, field, op, value]) => {
        const raw = r[field as string]
        // A lookup (Who_Id, What_Id) is searched by the related record's id.
        const v = String((isObject(raw) ? raw.id : raw) ?? '')
        const want = decodeURIComponent(String(value)).replace(/\\([(),])/g, '$1')
        return op === 'equals'
          ? v.toLowerCase() === want.toLowerCase()
          : v.toLowerCase().startsWith(want.toLowerCase())
      }),
    )
    if (rows.length === 0) return c.body(null, 204)
    return c.json({
      data: rows.slice(0, 200),
      info: { count: Math.min(200, rows.length), more_records: rows.length > 200 },
    })
  })

  app.get('/:module', (c) => {
    const module = c.req.param('module')
    if (!PERSON_MODULES.has(module) && module !== 'Tasks')
      return zohoError(c, 400, 'INVALID_MODULE', 'the module name given seems to be invalid')
    const fields = c.req.query('fields')?.split(',').filter(Boolean) ?? null
    if (!fields)
      return zohoError(c, 400, 'REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', {
        param: 'fields',
      })
    const ids = c.req.query('ids')?.split(',').filter(Boolean)
    const table = c.get('org').table(module)
    if (ids && ids.length > MAX_RECORDS)
      return zohoError(c, 400, 'LIMIT_EXCEEDED', 'too many ids', { limit: MAX_RECORDS })
    const rows = ids
      ? ids.flatMap((id) => (table.has(id) ? [table.get(id) as SimRecord] : []))
      : [...table.values()].slice(0, 200)
    if (rows.length === 0) return c.body(null, 204)
    return c.json({
      data: rows.map((r) => pick(r, fields)),
      info: { count: rows.length, more_records: false },
    })
  })

  // ---- A record's related list of Notes (`fields` is required in v8, as for record lists)
  app.get('/:module/:id/Notes', (c) => {
    const module = c.req.param('module')
    if (!PERSON_MODULES.has(module))
      return zohoError(c, 400, 'INVALID_MODULE', 'the module name given seems to be invalid')
    const fields = c.req.query('fields')?.split(',').filter(Boolean) ?? null
    if (!fields)
      return zohoError(c, 400, 'REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', {
        param: 'fields',
      })
    const id = c.req.param('id')
    const rows = [...c.get('org').table('Notes').values()].filter((n) => {
      const parent = n.Parent_Id as { id?: string } | undefined
      return String(parent?.id ?? '') === id
    })
    if (rows.length === 0) return c.body(null, 204)
    return c.json({
      data: rows.slice(0, 200).map((r) => pick(r, fields)),
      info: { count: Math.min(200, rows.length), more_records: rows.length > 200 },
    })
  })

  // ---- Delete records: `DELETE /{module}?ids=a,b` (≤ 100); an id that is not there is INVALID_DATA
  app.delete('/:module', (c) => {
    const module = c.req.param('module')
    if (!PERSON_MODULES.has(module) && module !== 'Notes' && module !== 'Tasks')
      return zohoError(c, 400, 'INVALID_MODULE', 'the module name given seems to be invalid')
    const ids = c.req.query('ids')?.split(',').filter(Boolean) ?? []
    if (ids.length === 0)
      return zohoError(c, 400, 'REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', {
        param: 'ids',
      })
    if (ids.length > MAX_RECORDS)
      return zohoError(c, 400, 'LIMIT_EXCEEDED', 'too many ids', { limit: MAX_RECORDS })
    const org = c.get('org')
    c.set('credits', writeCost(ids.length))
    c.set('records', ids.length)
    const answers = ids.map((id) =>
      org.delete(module, id)
        ? { code: 'SUCCESS', details: { id }, message: 'record deleted', status: 'success' as const }
        : elementError('INVALID_DATA', 'the related id given seems to be invalid', { id }),
    )
    return answerBatch(c, 'data', answers)
  })

  app.get('/:module/:id', (c) => {
    const module = c.req.param('module')
    if (!PERSON_MODULES.has(module))
      return zohoError(c, 400, 'INVALID_MODULE', 'the module name given seems to be invalid')
    const record = c.get('org').table(module).get(c.req.param('id'))
    return record ? c.json({ data: [record] }) : c.body(null, 204)
  })

  return app
}
