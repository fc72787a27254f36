import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { contactIdOf, customerWrites } from '../support/conversation'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../support/test-runtime'

const PHONE = '+5511977776666'
const NUL = 'a\u0000b'
const LONE_SURROGATE = 'a\uD800b'

/** Rows a refused request must not have touched, compared before and after. */
async function snapshot(rt: TestRuntime) {
  return queryRows(
    rt.db.db,
    sql`select
      (select count(*)::int from messages) as messages,
      (select count(*)::int from send_jobs) as send_jobs,
      (select count(*)::int from workspaces) as workspaces,
      (select count(*)::int from tags) as tags,
      (select count(*)::int from contact_tags) as contact_tags,
      (select json_agg(json_build_object('name', name, 'attributes', attributes, 'updated', updated_at) order by id)
         from contacts) as contacts`,
  )
}

describe.each(ENGINES)('bad input answers a clean 400 and stores nothing (%s)', (engine) => {
  let rt: TestRuntime
  let contactId: string

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
    await customerWrites(rt, NUMBER_A, { waId: PHONE.slice(1), name: 'Ana' }, 'oi')
    contactId = await contactIdOf(rt, PHONE)
  })
  afterAll(async () => rt?.close())

  const cases = (
    bad: string,
  ): { name: string; path: string; method: string; json: unknown; field: string }[] => [
    {
      name: 'message text',
      method: 'POST',
      path: '/api/v1/messages',
      json: { phone: PHONE, content: { type: 'text', text: bad } },
      field: 'content.text',
    },
    {
      name: 'contact name',
      method: 'PATCH',
      path: `/api/v1/contacts/${contactId}`,
      json: { name: bad },
      field: 'name',
    },
    {
      name: 'contact attribute value',
      method: 'PATCH',
      path: `/api/v1/contacts/${contactId}`,
      json: { attributes: { city: bad } },
      field: 'attributes.city',
    },
    {
      name: 'tag label',
      method: 'POST',
      path: `/api/v1/contacts/${contactId}/tags`,
      json: { key: 'vip', label: bad },
      field: 'label',
    },
    {
      name: 'workspace name',
      method: 'POST',
      path: '/api/v1/workspaces',
      json: { name: bad },
      field: 'name',
    },
  ]

  it.each([
    ['NUL', NUL],
    ['a lone surrogate', LONE_SURROGATE],
  ])('refuses %s in every string field, naming the field', async (_what, bad) => {
    for (const c of cases(bad)) {
      const before = await snapshot(rt)
      const res = await rt.api(c.path, { method: c.method, json: c.json })
      expect(res.status, c.name).toBe(400)
      const { error } = await res.json()
      expect(error.code, c.name).toBe('validation_failed')
      expect(error.details, c.name).toContainEqual({ path: c.field, message: expect.any(String) })
      expect(error.message, c.name).toContain(c.field)
      expect(await snapshot(rt), c.name).toEqual(before)
    }
  })

  it('refuses NUL and lone surrogates in query and path parameters, naming them', async () => {
    const query = await rt.api(`/api/v1/thread?phone=${encodeURIComponent('+55119\u000077776666')}`)
    expect(query.status).toBe(400)
    expect((await query.json()).error.details).toContainEqual({ path: 'phone', message: expect.any(String) })
    const surrogate = await rt.api('/api/v1/thread?phone=%ED%A0%80')
    expect(surrogate.status).toBe(400)
    const path = await rt.api('/api/v1/quick-replies/a%00b/preview', { method: 'POST', json: {} })
    expect(path.status).toBe(400)
    expect((await path.json()).error.details).toContainEqual({ path: 'key', message: expect.any(String) })
  })

  it('refuses unknown field names carrying NUL the same way', async () => {
    const res = await rt.api(`/api/v1/contacts/${contactId}`, {
      method: 'PATCH',
      json: { attributes: { 'ci\u0000ty': 'x' } },
    })
    expect(res.status).toBe(400)
    expect((await res.json()).error.code).toBe('validation_failed')
  })

  it('answers malformed JSON, a wrong content type and huge bodies with the envelope, never 5xx', async () => {
    const malformed = await rt.api('/api/v1/workspaces', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name": "x"',
    })
    expect(malformed.status).toBe(400)
    expect((await malformed.json()).error.code).toBe('invalid_json')

    const wrongType = await rt.api('/api/v1/workspaces', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"name": "x"}',
    })
    expect(wrongType.status).toBe(400)
    expect((await wrongType.json()).error.code).toBe('bad_request')

    const before = await snapshot(rt)
    const huge = await rt.api('/api/v1/workspaces', {
      method: 'POST',
      json: { name: 'x'.repeat(2 * 1024 * 1024) },
    })
    expect(huge.status).toBe(413)
    expect((await huge.json()).error.code).toBe('payload_too_large')

    const nested = await rt.api(`/api/v1/contacts/${contactId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: `{"attributes": {"city": ${'['.repeat(10_000)}"x"${']'.repeat(10_000)}}}`,
    })
    expect(nested.status).toBe(400)
    expect((await nested.json()).error.code).toBe('validation_failed')
    expect(await snapshot(rt)).toEqual(before)
  })
})
