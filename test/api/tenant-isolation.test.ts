import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HUBSPOT_SIM_DEFAULTS, type HubspotSimulator, startHubspotSimulator } from '../simulators/hubspot'
import { type CloudApiSimulator, startCloudApiSimulator } from '../simulators/whatsapp/cloud-api'
import type { NumberRef } from '../simulators/whatsapp/envelopes'
import { type ApiDescription, apiDescription, type Operation } from '../support/openapi-operations'
import { arbitraryFor } from '../support/schema-arbitrary'
import { type SeededTenant, seedTenant, tenantSnapshot } from '../support/tenant-seed'
import { ENGINES } from '../support/test-db'
import {
  NUMBER_A,
  NUMBER_B,
  registerChannel,
  startTestRuntime,
  TEST_WHATSAPP_TOKEN,
  type TestRuntime,
} from '../support/test-runtime'

/**
 * Tenant isolation, generated from the server's own OpenAPI description: workspace B calls every
 * /api/v1 operation that takes an id, phone or key (in the path, query or body) with workspace A's.
 * Each answer must hold none of A's data, leave every row of A as it was, and be the answer the
 * same request gets with identifiers nobody has (so "not found" and "not yours" look the same).
 * A route added later is in the description (openapi-coverage test), so it is walked too.
 */
const RUNS = Number(process.env.ISOLATION_RUNS ?? 6)

type Kind = keyof SeededTenant['identifiers']

/** Which of a tenant's identifiers a parameter or body field takes, by its name and schema. */
function kindOf(
  name: string,
  schema: { format?: string; pattern?: string } | undefined,
  parent?: string,
): Kind | null {
  if (schema?.format === 'uuid') return 'uuid'
  if (name === 'phone') return 'phone'
  if (name === 'phone_number_id') return 'phoneNumberId'
  if (name === 'account_id') return 'accountId'
  if (name === 'name' && (parent === 'template' || parent === 'content')) return 'templateName'
  if (name === 'id' && schema?.pattern?.includes('\\d')) return 'eventId'
  if (['key', 'sku', 'pool', 'code', 'tag', 'rule'].includes(name)) return 'key'
  return null
}

/** Ids only their workspace can have learned; another's must answer as if they did not exist. */
const OPAQUE: Kind[] = ['uuid', 'eventId']

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A value a fresh identifier of each kind can take: nobody holds it. */
function fresh(kind: Kind, generated: string): string {
  const n = Math.floor(Math.random() * 1e8)
    .toString()
    .padStart(8, '0')
  switch (kind) {
    case 'uuid':
      return randomUUID()
    case 'phone':
      return `+551196${n}`
    case 'phoneNumberId':
      return `3${n}${n}`.slice(0, 15)
    case 'accountId':
      return `88${n}`
    case 'eventId':
      return `9${n}`
    default:
      return generated
  }
}

/** Which identifier each slot gets: A's (by index) or a fresh one. */
type Pick = (kind: Kind, generated: string, index: number, accepts?: (v: string) => boolean) => string

interface Template {
  path: Record<string, string>
  query: Record<string, string>
  body: unknown
  index: number
}

function identifierOps(api: ApiDescription): Operation[] {
  return api.operations.filter(
    (op) =>
      op.path.startsWith('/api/v1/') &&
      (op.parameters.some((p) => kindOf(p.name, p.schema)) ||
        (op.body && mentionsIdentifier(op.body.schema, api))),
  )
}

function mentionsIdentifier(schema: object, api: ApiDescription, depth = 0): boolean {
  if (depth > 8) return false
  const s = api.resolve(schema as Record<string, unknown>)
  if (s.format === 'uuid') return true
  const children = [
    ...Object.entries<object>((s.properties as Record<string, object>) ?? {}).map(([name, child]) =>
      kindOf(name, api.resolve(child)) ? null : child,
    ),
    ...((s.anyOf as object[]) ?? []),
    ...((s.oneOf as object[]) ?? []),
    ...(s.items ? [s.items as object] : []),
  ]
  if (children.includes(null)) return true
  return children.some((c) => c !== null && mentionsIdentifier(c, api, depth + 1))
}

function templateFor(op: Operation, api: ApiDescription): fc.Arbitrary<Template> {
  const proper = (schema: object) => arbitraryFor(schema, { hostility: 0, resolve: api.resolve })
  const strings = (params: Operation['parameters']) =>
    fc.record(Object.fromEntries(params.map((p) => [p.name, proper(p.schema).map((v) => String(v))])), {
      requiredKeys: params.filter((p) => p.in === 'path' || kindOf(p.name, p.schema)).map((p) => p.name),
    }) as fc.Arbitrary<Record<string, string>>
  return fc.record({
    path: strings(op.parameters.filter((p) => p.in === 'path')),
    query: strings(op.parameters.filter((p) => p.in === 'query')),
    body: op.body && op.method !== 'GET' ? proper(op.body.schema) : fc.constant(undefined),
    index: fc.nat(),
  })
}

/** The request with every identifier slot filled by `pick`. */
function materialize(op: Operation, t: Template, pick: Pick) {
  const param = (name: string, value: string) => {
    const p = op.parameters.find((x) => x.name === name)
    const kind = kindOf(name, p?.schema)
    const pattern = p?.schema?.pattern ? new RegExp(p.schema.pattern) : null
    const max = p?.schema?.maxLength ?? Number.POSITIVE_INFINITY
    return kind ? pick(kind, value, t.index, (v) => (!pattern || pattern.test(v)) && v.length <= max) : value
  }
  const path = op.path.replaceAll(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(param(name, t.path[name] ?? '')),
  )
  const query = new URLSearchParams(
    Object.entries(t.query).map(([k, v]): [string, string] => [k, param(k, v)]),
  ).toString()
  const body = t.body === undefined ? undefined : JSON.stringify(fill(t.body, pick, t.index))
  return { url: query ? `${path}?${query}` : path, body }
}

function fill(value: unknown, pick: Pick, index: number, name = '', parent = ''): unknown {
  if (typeof value === 'string') {
    const kind = UUID.test(value) ? 'uuid' : kindOf(name, undefined, parent)
    return kind ? pick(kind, value, index) : value
  }
  if (Array.isArray(value)) return value.map((v, i) => fill(v, pick, index + i, name, parent))
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, pick, index, k, name)]))
  return value
}

/** A number of the same business nobody registered, and a token of another business. */
const FREE_NUMBER: NumberRef = {
  phoneNumberId: '209876543219999',
  displayPhoneNumber: '5511940009999',
  wabaId: NUMBER_A.wabaId,
}
const B_OWN_TOKEN = 'EAAG-workspace-b-own-business-token'

/** Numbers and CRM accounts are unique across the product: claiming one is tested on its own below. */
const claimsGlobalIdentifier = (op: Operation) =>
  op.method === 'POST' && (op.path === '/api/v1/channels' || op.path === '/api/v1/connections')

describe.each(ENGINES)('tenant isolation from the OpenAPI description (%s)', (engine) => {
  let rt: TestRuntime
  let api: ApiDescription
  let hubspot: HubspotSimulator
  let whatsapp: CloudApiSimulator
  let a: SeededTenant
  let b: SeededTenant

  beforeAll(async () => {
    hubspot = await startHubspotSimulator()
    // Meta's side: the numbers' business holds TEST_WHATSAPP_TOKEN; any other token is valid but
    // reads none of them (another business's), so only the test token proves ownership.
    whatsapp = await startCloudApiSimulator({
      appSecret: 'isolation',
      numbers: [NUMBER_A, NUMBER_B, FREE_NUMBER],
      grants: { [TEST_WHATSAPP_TOKEN]: [NUMBER_A.wabaId] },
    })
    rt = await startTestRuntime(engine, {
      HUBSPOT_CLIENT_ID: HUBSPOT_SIM_DEFAULTS.clientId,
      HUBSPOT_CLIENT_SECRET: HUBSPOT_SIM_DEFAULTS.clientSecret,
      HUBSPOT_API_URL: hubspot.url,
      WHATSAPP_GRAPH_URL: whatsapp.url,
    })
    api = await apiDescription(rt)
    a = await seedTenant(rt, NUMBER_A, 'a', '+5511977776666')
    b = await seedTenant(rt, NUMBER_B, 'b', '+5511966665555')
  }, 120_000)
  afterAll(async () => {
    await rt?.close()
    await hubspot?.close()
    await whatsapp?.close()
  })

  it('walks every operation that takes an id, phone or key', () => {
    const walked = identifierOps(api).map((op) => `${op.method} ${op.path}`)
    expect(walked.length).toBeGreaterThan(35)
    for (const op of ['GET /api/v1/thread', 'POST /api/v1/messages', 'PATCH /api/v1/contacts/{id}'])
      expect(walked).toContain(op)
  })

  it("neither reveals nor changes another workspace's data, and answers its ids as ids nobody has", async () => {
    const aIdentifiers = Object.values(a.identifiers).flat()
    for (const op of identifierOps(api)) {
      const before = await tenantSnapshot(rt, a.workspaceId)
      await fc.assert(
        fc.asyncProperty(templateFor(op, api), async (t) => {
          const aPick: Pick = (kind, generated, i, accepts = () => true) => {
            const values = a.identifiers[kind].filter(accepts)
            return values.length ? (values[i % values.length] as string) : generated
          }
          const theirs = materialize(op, t, aPick)
          // Keys and phones are names a workspace may also use for its own records (B can have a
          // quick reply "qr_a" too), so the control keeps them; only opaque ids differ.
          const nobodys = materialize(op, t, (kind, generated, i, accepts) =>
            OPAQUE.includes(kind) ? fresh(kind, generated) : aPick(kind, generated, i, accepts),
          )
          const res = await call(rt, op, theirs, b.key)
          const text = await res.text()
          const where = `${op.method} ${theirs.url} ${theirs.body ?? ''} → ${res.status} ${text.slice(0, 400)}`
          for (const secret of a.contents) expect(text, where).not.toContain(secret)
          for (const id of aIdentifiers) {
            // Echoing what the caller sent is no leak; a success answer naming A's internal id is.
            const sent = theirs.url.includes(encodeURIComponent(id)) || theirs.body?.includes(id)
            if (!sent || (res.status < 300 && UUID.test(id))) expect(text, where).not.toContain(id)
          }
          // Without an opaque id the control is the same request, and a second run of a change is no control.
          if (claimsGlobalIdentifier(op) || (nobodys.url === theirs.url && nobodys.body === theirs.body))
            return
          const control = await call(rt, op, nobodys, b.key)
          const controlText = await control.text()
          expect(`${res.status} ${codeOf(text)}`, `${where}\nvs nobody's: ${controlText.slice(0, 400)}`).toBe(
            `${control.status} ${codeOf(controlText)}`,
          )
        }),
        { numRuns: RUNS, endOnFailure: true },
      )
      expect(await tenantSnapshot(rt, a.workspaceId), `${op.method} ${op.path} changed A`).toEqual(before)
    }
  }, 300_000)

  it("answers an unproven claim on another workspace's number exactly as one on a free number", async () => {
    const before = await tenantSnapshot(rt, a.workspaceId)
    const claim = (number: NumberRef, token: string) =>
      rt.api('/api/v1/channels', {
        method: 'POST',
        key: b.key,
        json: {
          phone_number_id: number.phoneNumberId,
          default_region: 'BR',
          waba_id: number.wabaId,
          access_token: token,
        },
      })
    const theirs = await claim(NUMBER_A, B_OWN_TOKEN)
    const free = await claim(FREE_NUMBER, B_OWN_TOKEN)
    expect(theirs.status, await theirs.clone().text()).toBe(403)
    expect(free.status).toBe(theirs.status)
    const theirsBody = await theirs.json()
    const freeBody = await free.json()
    expect({ ...theirsBody.error, request_id: undefined }).toEqual({
      ...freeBody.error,
      message: freeBody.error.message.replaceAll(FREE_NUMBER.phoneNumberId, NUMBER_A.phoneNumberId),
      request_id: undefined,
    })
    expect(theirsBody.error.reason).toBe('ownership_not_proven')
    expect(theirsBody.error.message).not.toMatch(/another|connected|Loja/i)
    expect(JSON.stringify(theirsBody)).not.toContain(a.workspaceId)
    expect(await tenantSnapshot(rt, a.workspaceId)).toEqual(before)
    const listed = await (await rt.api('/api/v1/channels', { key: b.key })).json()
    expect(listed.channels.map((c: { phone_number_id: string }) => c.phone_number_id)).toEqual([
      NUMBER_B.phoneNumberId,
    ])
  })

  it("takes nothing from the holder when a proven caller claims its number, and only notes the claim in the holder's audit", async () => {
    const { audit_log: auditBefore, ...before } = await tenantSnapshot(rt, a.workspaceId)
    const res = await registerChannel(rt, NUMBER_A, 'BR', b.key)
    expect(res.status).toBe(409)
    const body = await res.json()
    expect(body.error.reason).toBe('held_by_another_workspace')
    expect(JSON.stringify(body)).not.toContain(a.workspaceId)
    expect(body.error.message).not.toMatch(/Loja/i)
    const { audit_log: auditAfter, ...after } = await tenantSnapshot(rt, a.workspaceId)
    expect(after).toEqual(before)
    const added = (
      JSON.parse(auditAfter ?? '[]') as { action: string; detail: unknown; id: number }[]
    ).filter((e) => !(JSON.parse(auditBefore ?? '[]') as { id: number }[]).some((o) => o.id === e.id))
    expect(added.map((e) => e.action)).toEqual(['channel.claim_refused'])
    expect(JSON.stringify(added)).not.toContain(b.workspaceId)
  })
})

function call(rt: TestRuntime, op: Operation, req: { url: string; body?: string }, key: string) {
  const headers = new Headers({ authorization: `Bearer ${key}`, accept: 'application/json' })
  if (req.body !== undefined) headers.set('content-type', 'application/json')
  return rt.app.request(req.url, { method: op.method, headers, body: req.body })
}

function codeOf(text: string): string {
  try {
    return JSON.parse(text)?.error?.code ?? 'ok'
  } catch {
    return 'not-json'
  }
}
