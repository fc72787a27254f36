/**
 * The REST API under `/services/data/vNN.N`: describe, single-record CRUD and upsert, sObject
 * Collections, query / queryAll / queryMore, getUpdated / getDeleted and limits — the paths
 * jsforce 3.10.16 builds (`connection.js`: `_baseUrl()/sobjects/{type}/describe`,
 * `/composite/sobjects[/{type}/{extIdField}]`, `/query?q=`, `/queryAll?q=`, `/query/{locator}`,
 * `/sobjects/{type}/updated?start=&end=`, `/sobjects/{type}/deleted?start=&end=`).
 */
import { randomBytes } from 'node:crypto'
import { Hono } from 'hono'
import { collectionDelete, collectionWrite } from './collections'
import { notFound, sfError } from './errors'
import { type Ctx, isRecord, orgOf, readJson, type SimEnv, send } from './http'
import { RequestError, sfDateTime } from './org'
import { describeField } from './schema'
import { parseSoql, runSoql, SoqlError } from './soql'
import type { SimulatorState } from './state'
import type { FieldValue, SimRecord } from './types'

export function dataRoutes(state: SimulatorState): Hono<SimEnv> {
  const app = new Hono<SimEnv>()
  const userOf = (c: Ctx) => c.get('userId') ?? ''
  const guard = (c: Ctx, fn: () => Response | Promise<Response>) => {
    try {
      return fn()
    } catch (error) {
      if (error instanceof RequestError)
        return send(c, sfError(error.status, error.errorCode, error.message, error.fields))
      throw error
    }
  }

  app.get('/limits', (c) => {
    const org = orgOf(c)
    // Storage figures only for an API user with "Manage Users" (REST API guide, "Limits").
    const storage = org.storage.visible
      ? {
          DataStorageMB: {
            Max: org.storage.dataMb,
            Remaining: Math.max(0, Math.floor(org.storage.dataMb - org.dataStorageUsedMb())),
          },
          FileStorageMB: { Max: org.storage.fileMb, Remaining: org.storage.fileMb },
        }
      : {}
    return c.json({
      DailyApiRequests: { Max: org.limit, Remaining: Math.max(0, org.limit - org.used) },
      ...storage,
    })
  })

  app.get('/sobjects/:type/describe', (c) =>
    guard(c, () => {
      const type = c.req.param('type')
      const fields = orgOf(c).fields(type)
      return c.json({
        name: type,
        label: type,
        custom: type.endsWith('__c'),
        createable: true,
        updateable: true,
        queryable: true,
        fields: fields.map(describeField),
      })
    }),
  )

  const window = (c: Ctx): { start: number; end: number } | Response => {
    const start = Date.parse(c.req.query('start') ?? '')
    const end = Date.parse(c.req.query('end') ?? '')
    if (!Number.isFinite(start) || !Number.isFinite(end) || end < start)
      return send(c, sfError(400, 'INVALID_REPLICATION_DATE', 'start date must be before end date'))
    return { start, end }
  }
  const stampOf = (r: SimRecord) => Date.parse(String(r.SystemModstamp).replace(/\+0000$/, 'Z'))

  app.get('/sobjects/:type/updated', (c) =>
    guard(c, () => {
      const w = window(c)
      if (w instanceof Response) return w
      const ids = [...orgOf(c).table(c.req.param('type')).values()]
        .filter((r) => stampOf(r) >= w.start && stampOf(r) <= w.end)
        .map((r) => r.Id)
      return c.json({ ids, latestDateCovered: sfDateTime(w.end) })
    }),
  )

  app.get('/sobjects/:type/deleted', (c) =>
    guard(c, () => {
      const w = window(c)
      if (w instanceof Response) return w
      const org = orgOf(c)
      org.table(c.req.param('type'))
      const deletedRecords = [...org.bin(c.req.param('type')).values()]
        .filter((r) => stampOf(r) >= w.start && stampOf(r) <= w.end)
        .map((r) => ({ id: r.Id, deletedDate: r.SystemModstamp }))
      return c.json({
        deletedRecords,
        earliestDateAvailable: sfDateTime(0),
        latestDateCovered: sfDateTime(w.end),
      })
    }),
  )

  app.get('/sobjects/:type/:id', (c) =>
    guard(c, () => {
      const org = orgOf(c)
      const type = c.req.param('type')
      const record = org.find(type, c.req.param('id'))
      if (!record) return send(c, notFound())
      const wanted = c.req
        .query('fields')
        ?.split(',')
        .map((f) => f.trim())
      const body: Record<string, unknown> = { attributes: attributes(type, record.Id, c) }
      for (const [k, v] of Object.entries(record))
        if (!wanted || wanted.includes(k) || k === 'Id') body[k] = v
      return c.json(body)
    }),
  )

  app.post('/sobjects/:type', async (c) => {
    const parsed = await readJson(c)
    if (!parsed.ok) return send(c, parsed.answer)
    return guard(c, () => {
      const org = orgOf(c)
      const type = c.req.param('type')
      if (!isRecord(parsed.body)) return send(c, sfError(400, 'JSON_PARSER_ERROR', 'expected an object'))
      org.checkFields(type, parsed.body)
      const outcome = org.write(type, parsed.body as Record<string, FieldValue>, undefined, userOf(c))
      if (!outcome.ok) return send(c, { status: 400, body: outcome.errors.map(asRestError) })
      return c.json({ id: outcome.id, success: true, errors: [] }, 201)
    })
  })

  app.patch('/sobjects/:type/:id', async (c) => {
    const parsed = await readJson(c)
    if (!parsed.ok) return send(c, parsed.answer)
    return guard(c, () => {
      const org = orgOf(c)
      const type = c.req.param('type')
      const existing = org.find(type, c.req.param('id'))
      if (!existing) return send(c, notFound())
      if (!isRecord(parsed.body)) return send(c, sfError(400, 'JSON_PARSER_ERROR', 'expected an object'))
      org.checkFields(type, parsed.body)
      const outcome = org.write(type, parsed.body as Record<string, FieldValue>, existing, userOf(c))
      if (!outcome.ok) return send(c, { status: 400, body: outcome.errors.map(asRestError) })
      return c.body(null, 204)
    })
  })

  app.patch('/sobjects/:type/:field/:value', async (c) => {
    const parsed = await readJson(c)
    if (!parsed.ok) return send(c, parsed.answer)
    return guard(c, () => {
      const org = orgOf(c)
      const type = c.req.param('type')
      const field = c.req.param('field')
      if (!isRecord(parsed.body)) return send(c, sfError(400, 'JSON_PARSER_ERROR', 'expected an object'))
      org.checkFields(type, { ...parsed.body, [field]: '' })
      const answer = collectionWrite(
        org,
        {
          allOrNone: true,
          records: [{ ...parsed.body, [field]: c.req.param('value'), attributes: { type } }],
        },
        { kind: 'upsert', sobject: type, extIdField: field },
        userOf(c),
      )
      const [result] = answer.body as { id: string; success: boolean; created?: boolean; errors: never[] }[]
      if (!result?.success) return send(c, { status: 400, body: (result?.errors ?? []).map(asRestError) })
      return result.created
        ? c.json({ id: result.id, success: true, errors: [], created: true }, 201)
        : c.body(null, 204)
    })
  })

  app.delete('/sobjects/:type/:id', (c) =>
    guard(c, () => {
      const removed = orgOf(c).remove(c.req.param('type'), c.req.param('id'))
      return removed ? c.body(null, 204) : send(c, sfError(404, 'ENTITY_IS_DELETED', 'entity is deleted'))
    }),
  )

  const collections = (mode: Parameters<typeof collectionWrite>[2]) => async (c: Ctx) => {
    const parsed = await readJson(c)
    if (!parsed.ok) return send(c, parsed.answer)
    return guard(c, () => {
      const answer = collectionWrite(orgOf(c), parsed.body, mode, userOf(c))
      c.set('records', answer.records)
      return send(c, answer)
    })
  }
  app.delete('/composite/sobjects', (c) =>
    guard(c, () =>
      send(c, collectionDelete(orgOf(c), c.req.query('ids'), c.req.query('allOrNone') === 'true')),
    ),
  )
  app.post('/composite/sobjects', (c) => collections({ kind: 'create' })(c))
  app.patch('/composite/sobjects', (c) => collections({ kind: 'update' })(c))
  app.patch('/composite/sobjects/:type/:field', (c) =>
    collections({ kind: 'upsert', sobject: c.req.param('type'), extIdField: c.req.param('field') })(c),
  )

  const query = (scanAll: boolean) => (c: Ctx) =>
    guard(c, () => {
      const org = orgOf(c)
      let parsedQuery: ReturnType<typeof parseSoql>
      try {
        parsedQuery = parseSoql(c.req.query('q') ?? '')
      } catch (error) {
        if (error instanceof SoqlError) return send(c, sfError(400, 'MALFORMED_QUERY', error.message))
        throw error
      }
      const fields = org.fields(parsedQuery.sobject)
      const unknown = parsedQuery.fields.find(
        (f) => !fields.some((x) => x.name.toLowerCase() === f.toLowerCase()),
      )
      if (unknown)
        return send(
          c,
          sfError(
            400,
            'INVALID_FIELD',
            `\n${parsedQuery.fields.join(', ')}\n^\nERROR at Row:1:Column:8\nNo such column '${unknown}' on entity '${parsedQuery.sobject}'.`,
          ),
        )
      const pool = [
        ...org.table(parsedQuery.sobject).values(),
        ...(scanAll ? org.bin(parsedQuery.sobject).values() : []),
      ]
      const rows = runSoql(parsedQuery, pool).map((r) => ({
        attributes: attributes(parsedQuery.sobject, r.Id, c),
        ...r,
      }))
      return c.json(page(state, parsedQuery.sobject, rows, rows.length, c))
    })
  app.get('/query', query(false))
  app.get('/queryAll', query(true))
  app.get('/query/:locator', (c) => {
    const cursor = state.cursors.get(c.req.param('locator').replace(/-\d+$/, ''))
    if (!cursor) return send(c, sfError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator'))
    state.cursors.delete(c.req.param('locator').replace(/-\d+$/, ''))
    return c.json(page(state, cursor.sobject, cursor.records, cursor.total, c))
  })

  app.notFound((c) =>
    send(c, notFound(`The requested resource does not exist: ${c.req.method} ${c.req.path}`)),
  )
  return app
}

function page(state: SimulatorState, sobject: string, rows: unknown[], total: number, c: Ctx) {
  const size = state.options.queryBatchSize
  if (rows.length <= size) return { totalSize: total, done: true, records: rows }
  const locator = `01g${randomBytes(6).toString('hex')}`
  state.cursors.set(locator, { records: rows.slice(size), sobject, total })
  const version = /\/services\/data\/(v[\d.]+)/.exec(c.req.path)?.[1] ?? 'v66.0'
  return {
    totalSize: total,
    done: false,
    nextRecordsUrl: `/services/data/${version}/query/${locator}-${size}`,
    records: rows.slice(0, size),
  }
}

function attributes(type: string, id: string, c: Ctx) {
  const version = /\/services\/data\/(v[\d.]+)/.exec(c.req.path)?.[1] ?? 'v66.0'
  return { type, url: `/services/data/${version}/sobjects/${type}/${id}` }
}

function asRestError(e: { statusCode: string; message: string; fields: string[] }) {
  return { errorCode: e.statusCode, message: e.message, fields: e.fields }
}
