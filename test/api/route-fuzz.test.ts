import { errorEnvelopeSchema } from '@scrm/shared'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HubspotSimulator, hubspotServerEnv, startHubspotSimulator } from '../simulators/hubspot'
import {
  type SalesforceSimulator,
  salesforceServerEnv,
  startSalesforceSimulator,
} from '../simulators/salesforce'
import { type CloudApiSimulator, startCloudApiSimulator } from '../simulators/whatsapp/cloud-api'
import { startZohoSimulator, type ZohoSimulator, zohoServerEnv } from '../simulators/zoho'
import { contactIdOf, customerWrites } from '../support/conversation'
import { type ApiDescription, apiDescription, type Operation } from '../support/openapi-operations'
import { arbitraryFor, HOSTILE_STRINGS, hostileValue } from '../support/schema-arbitrary'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../support/test-runtime'

/**
 * Every operation of the server's own OpenAPI description, called with generated hostile input in
 * its path, query and body, as the platform key and as a workspace key: nothing may answer 5xx,
 * and every 4xx is the one error envelope. A new route is in /openapi.json (openapi-coverage
 * test), so it is in this walk without an edit here.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12)
const METRICS_TOKEN = 'fuzz-metrics-token-0123456789'

interface FuzzRequest {
  path: string
  query: string
  body?: string
  contentType?: string
}

describe.each(ENGINES)('route fuzz from the OpenAPI description (%s)', (engine) => {
  let rt: TestRuntime
  let api: ApiDescription
  let hubspot: HubspotSimulator
  let salesforce: SalesforceSimulator
  let whatsapp: CloudApiSimulator
  let zoho: ZohoSimulator
  const keys: Record<string, string> = {}
  const knownIds: string[] = []

  beforeAll(async () => {
    hubspot = await startHubspotSimulator()
    salesforce = await startSalesforceSimulator()
    zoho = await startZohoSimulator()
    whatsapp = await startCloudApiSimulator({ appSecret: 'fuzz-secret', numbers: [NUMBER_A] })
    rt = await startTestRuntime(engine, {
      // Every registered CRM configured, so its install and callback routes are fuzzed past the
      // "not configured" answer.
      ...hubspotServerEnv(hubspot),
      ...salesforceServerEnv(salesforce),
      ...zohoServerEnv(zoho),
      WHATSAPP_GRAPH_URL: whatsapp.url,
      METRICS_TOKEN,
    })
    api = await apiDescription(rt)
    keys.platform = rt.config.ADMIN_API_KEY as string
    const created = await rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Fuzz' } })
    keys.workspace = (await created.json()).api_key
    const channel = await registerChannel(rt, NUMBER_A)
    knownIds.push((await channel.json()).channel.id)
    await customerWrites(rt, NUMBER_A, { waId: '5511977776666', name: 'Ana' }, 'oi')
    knownIds.push(await contactIdOf(rt, '+5511977776666'))
  })
  afterAll(async () => {
    await rt?.close()
    await hubspot?.close()
    await salesforce?.close()
    await zoho?.close()
    await whatsapp?.close()
  })

  it.each(['platform', 'workspace'])(
    'answers every operation without a 5xx and with the envelope on every 4xx (%s key)',
    async (who) => {
      expect(api.operations.length).toBeGreaterThan(60)
      for (const op of api.operations) {
        await fc.assert(
          fc.asyncProperty(requestFor(op, api, knownIds), async (req) => {
            const res = await send(rt, op, req, keys[who] as string)
            const text = await res.text()
            const where = `${op.method} ${req.path}${req.query} → ${res.status} ${text.slice(0, 300)}`
            expect(res.status, where).toBeLessThan(500)
            if (res.status >= 400) {
              expect(res.headers.get('content-type'), where).toMatch(/^application\/json/)
              expect(errorEnvelopeSchema.safeParse(JSON.parse(text)).success, where).toBe(true)
            }
          }),
          { numRuns: RUNS, endOnFailure: true },
        )
      }
    },
    240_000,
  )
})

function send(rt: TestRuntime, op: Operation, req: FuzzRequest, key: string) {
  const headers = new Headers({ accept: 'application/json' })
  // The webhook and OAuth routes are called as their senders do, without our key.
  if (op.path.startsWith('/api/')) headers.set('authorization', `Bearer ${key}`)
  if (op.path === '/metrics') headers.set('authorization', `Bearer ${METRICS_TOKEN}`)
  if (req.contentType) headers.set('content-type', req.contentType)
  return rt.app.request(`${req.path}${req.query}`, { method: op.method, headers, body: req.body })
}

const hostileText = fc.constantFrom(...HOSTILE_STRINGS)
const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v))

function requestFor(op: Operation, api: ApiDescription, knownIds: string[]): fc.Arbitrary<FuzzRequest> {
  const proper = (schema: object) => arbitraryFor(schema, { hostility: 0, resolve: api.resolve }).map(asText)
  const pathParams = op.parameters.filter((p) => p.in === 'path')
  const queryParams = op.parameters.filter((p) => p.in === 'query')
  const path = fc
    .tuple(
      ...pathParams.map((p) =>
        fc.oneof(
          { weight: 3, arbitrary: proper(p.schema) },
          { weight: 2, arbitrary: knownIds.length ? fc.constantFrom(...knownIds) : fc.uuid() },
          { weight: 2, arbitrary: hostileText },
        ),
      ),
    )
    .map((values) =>
      op.path.replaceAll(/\{([^}]+)\}/g, (_, name: string) =>
        encodePathSegment(values[pathParams.findIndex((p) => p.name === name)] ?? ''),
      ),
    )
  const query = fc
    .tuple(
      ...queryParams.map((p) =>
        fc.option(fc.oneof(proper(p.schema), hostileText).map((v) => [p.name, v] as const)),
      ),
      fc.option(fc.tuple(hostileText, hostileText)),
    )
    .map((pairs) => {
      const params = new URLSearchParams()
      for (const pair of pairs) if (pair) params.append(pair[0], pair[1])
      const s = params.toString()
      return s ? `?${s}` : ''
    })
  return fc.record({ path, query, body: bodyFor(op, api) }).map(({ path, query, body }) => ({
    path,
    query,
    ...body,
  }))
}

function bodyFor(
  op: Operation,
  api: ApiDescription,
): fc.Arbitrary<Pick<FuzzRequest, 'body' | 'contentType'>> {
  if (op.method === 'GET') return fc.constant({})
  const json = 'application/json'
  const junk = fc.constantFrom('{', '', 'null', '[]', '"x"', '{"a":', '\u0000', `[${'['.repeat(5000)}`)
  const value = op.body
    ? arbitraryFor(op.body.schema, { hostility: 2, resolve: api.resolve })
    : fc.oneof(fc.constant(undefined), hostileValue)
  return fc.oneof(
    {
      weight: 8,
      arbitrary: value.map((v) => (v === undefined ? {} : { body: JSON.stringify(v), contentType: json })),
    },
    { weight: 1, arbitrary: junk.map((body) => ({ body, contentType: json })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(value, fc.constantFrom(undefined, 'text/plain', 'application/x-www-form-urlencoded'))
        .map(([v, contentType]) => ({ body: JSON.stringify(v ?? {}), contentType })),
    },
  )
}

/** Percent-encodes a path segment; a lone surrogate (no UTF-8 form) goes as the raw bytes a client could send. */
function encodePathSegment(value: string): string {
  try {
    return encodeURIComponent(value)
  } catch {
    return '%ED%A0%80'
  }
}
