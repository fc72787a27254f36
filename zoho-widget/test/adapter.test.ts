import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createZohoAdapter, invokeRequest, recordFromPageLoad, unwrapInvokeReply } from '../src/zoho/adapter'
import { SdkTimeoutError } from '../src/zoho/with-timeout'
import { createFakeZoho, never } from './fake-zoho'

const BACKEND = 'https://scrm.example.com'
const options = {
  backendUrl: BACKEND,
  connectionName: 'whatsapp_scrm',
  sdkTimeoutMs: 1_000,
  invokeTimeoutMs: 5_000,
}

afterEach(() => {
  vi.useRealTimers()
})

describe('PageLoad', () => {
  it('registers PageLoad before init and hands every PageLoad on, not only the first', async () => {
    const zoho = createFakeZoho()
    const seen: unknown[] = []
    await createZohoAdapter(zoho, options).start((record) => seen.push(record))
    expect(zoho.registrations).toEqual([{ beforeInit: true }])
    zoho.pageLoad({ Entity: 'Contacts', EntityId: '5725767000000411001' })
    zoho.pageLoad({ Entity: 'Leads', EntityId: ['5725767000000422002', '5725767000000422003'] })
    zoho.pageLoad({ Entity: 'Contacts', EntityId: '5725767000000411001' })
    expect(seen).toEqual([
      { entity: 'Contacts', recordId: '5725767000000411001' },
      { entity: 'Leads', recordId: '5725767000000422002' },
      { entity: 'Contacts', recordId: '5725767000000411001' },
    ])
  })

  it('ignores a PageLoad without a record (a list view, a broken payload)', async () => {
    const zoho = createFakeZoho()
    const seen: unknown[] = []
    await createZohoAdapter(zoho, options).start((record) => seen.push(record))
    zoho.pageLoad({ Entity: 'Contacts' })
    zoho.pageLoad({ EntityId: '1' })
    zoho.pageLoad({ Entity: 'Contacts', EntityId: [] })
    zoho.pageLoad(null as never)
    expect(seen).toEqual([])
  })

  it('normalises any PageLoad payload to a record or null, never throwing', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (entity, entityId) => {
        const record = recordFromPageLoad({ Entity: entity, EntityId: entityId })
        if (record === null) return
        expect(record.entity).toBe(String(entity).trim())
        const ids = (Array.isArray(entityId) ? entityId : [entityId]).map((v) => String(v).trim())
        expect(ids).toContain(record.recordId)
        expect(record.recordId).not.toBe('')
      }),
    )
  })

  it('gives up on init after the timeout: the SDK itself never does', async () => {
    vi.useFakeTimers()
    const zoho = createFakeZoho()
    zoho.answerInit = never
    const started = createZohoAdapter(zoho, options).start(() => {})
    const outcome = expect(started).rejects.toBeInstanceOf(SdkTimeoutError)
    await vi.advanceTimersByTimeAsync(1_000)
    await outcome
  })
})

describe('record and user', () => {
  it('reads the mobile number first, then the phone', async () => {
    const zoho = createFakeZoho()
    const adapter = createZohoAdapter(zoho, options)
    const asked: unknown[] = []
    zoho.answerGetRecord = async (config) => {
      asked.push(config)
      return { data: [{ id: '9', Mobile: ' +55 11 99999-0000 ', Phone: '+1 555 0100' }] }
    }
    expect(await adapter.recordPhone({ entity: 'Leads', recordId: '9' })).toBe('+55 11 99999-0000')
    expect(asked).toEqual([{ Entity: 'Leads', RecordID: '9' }])
    zoho.answerGetRecord = async () => ({ data: [{ id: '9', Mobile: '', Phone: '+1 555 0100' }] })
    expect(await adapter.recordPhone({ entity: 'Leads', recordId: '9' })).toBe('+1 555 0100')
    zoho.answerGetRecord = async () => ({ data: [] })
    expect(await adapter.recordPhone({ entity: 'Leads', recordId: '9' })).toBeNull()
  })

  it('answers null for the phone when getRecord never settles or fails', async () => {
    vi.useFakeTimers()
    const zoho = createFakeZoho()
    const adapter = createZohoAdapter(zoho, options)
    zoho.answerGetRecord = never
    const phone = adapter.recordPhone({ entity: 'Contacts', recordId: '1' })
    await vi.advanceTimersByTimeAsync(1_000)
    expect(await phone).toBeNull()
    zoho.answerGetRecord = async () => {
      throw new Error('NO_PERMISSION')
    }
    expect(await adapter.recordPhone({ entity: 'Contacts', recordId: '1' })).toBeNull()
  })

  it("reads the user's locale and time zone, and nulls when Zoho does not answer", async () => {
    vi.useFakeTimers()
    const zoho = createFakeZoho()
    const adapter = createZohoAdapter(zoho, options)
    zoho.answerUser = async () => ({
      users: [{ locale: 'zh_CN', language: 'zh', time_zone: 'Asia/Shanghai' }],
    })
    expect(await adapter.currentUser()).toEqual({
      locale: 'zh_CN',
      language: 'zh',
      timeZone: 'Asia/Shanghai',
    })
    zoho.answerUser = never
    const user = adapter.currentUser()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(await user).toEqual({ locale: null, language: null, timeZone: null })
  })
})

describe('CONNECTION.invoke', () => {
  it('wraps a GET: the query in the URL, no body, through the named connection', async () => {
    const zoho = createFakeZoho()
    const adapter = createZohoAdapter(zoho, options)
    await adapter.call({
      method: 'GET',
      path: '/api/v1/thread',
      query: { crm: 'zoho', record_id: '57257670', phone: '+55 11 9', cursor: null, limit: 30 },
    })
    expect(zoho.invocations).toEqual([
      {
        connection: 'whatsapp_scrm',
        request: {
          url: `${BACKEND}/api/v1/thread?crm=zoho&record_id=57257670&phone=%2B55+11+9&limit=30`,
          method: 'GET',
          param_type: 1,
          parameters: {},
          headers: { Accept: 'application/json' },
        },
      },
    ])
  })

  it('wraps a POST: the JSON body as the payload', () => {
    expect(invokeRequest(BACKEND, { method: 'POST', path: '/api/v1/messages', body: { a: 1 } })).toEqual({
      url: `${BACKEND}/api/v1/messages`,
      method: 'POST',
      param_type: 2,
      parameters: { a: 1 },
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    })
    expect(invokeRequest(BACKEND, { method: 'DELETE', path: '/api/v1/contacts/x/tags/vip' }).param_type).toBe(
      1,
    )
  })

  it("unwraps the backend's body from details.statusMessage, parsed or as a JSON string", async () => {
    const zoho = createFakeZoho()
    const adapter = createZohoAdapter(zoho, options)
    zoho.answerInvoke = async () => ({
      code: 'SUCCESS',
      details: { statusMessage: { templates: [] } },
      message: 'Connection invoked successfully',
      status: 'success',
    })
    expect(await adapter.call({ method: 'GET', path: '/api/v1/templates' })).toEqual({
      ok: true,
      data: { templates: [] },
    })
    zoho.answerInvoke = async () => ({ code: 'SUCCESS', details: { statusMessage: '{"quick_replies":[]}' } })
    expect(await adapter.call({ method: 'GET', path: '/api/v1/quick-replies' })).toEqual({
      ok: true,
      data: { quick_replies: [] },
    })
  })

  it('keeps any JSON body intact through the wrapping (object or string)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string().filter((k) => k !== 'error' && k !== '__proto__'),
          fc.jsonValue(),
        ),
        fc.boolean(),
        (body, asString) => {
          const json = JSON.parse(JSON.stringify(body))
          const reply = {
            code: 'SUCCESS',
            details: { statusMessage: asString ? JSON.stringify(json) : json },
          }
          expect(unwrapInvokeReply(reply)).toEqual({ ok: true, data: json })
        },
      ),
    )
  })

  it("turns the backend's error envelope into a failure with its code, reason and request id", async () => {
    const zoho = createFakeZoho()
    const adapter = createZohoAdapter(zoho, options)
    zoho.answerInvoke = async () => ({
      code: 'SUCCESS',
      details: {
        status_code: 422,
        statusMessage: {
          error: {
            code: 'send_refused',
            message: 'The 24-hour window is closed.',
            reason: 'window_closed_template_required',
            request_id: 'req-1',
          },
        },
      },
    })
    expect(await adapter.call({ method: 'POST', path: '/api/v1/messages', body: {} })).toEqual({
      ok: false,
      error: {
        kind: 'http',
        status: 422,
        code: 'send_refused',
        reason: 'window_closed_template_required',
        message: 'The 24-hour window is closed.',
        requestId: 'req-1',
      },
    })
  })

  it('reports a call Zoho did not make (connection missing or not authorised) as a connection failure', () => {
    const result = unwrapInvokeReply({
      code: 'INVALID_DATA',
      message: 'Connection is not authorized',
      status: 'error',
    })
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({
        kind: 'connection',
        code: 'INVALID_DATA',
        message: 'Connection is not authorized',
      }),
    })
  })

  it('reports an unreadable answer as such, never as data', () => {
    expect(unwrapInvokeReply(undefined)).toMatchObject({ ok: false, error: { kind: 'invalid_response' } })
    expect(
      unwrapInvokeReply({ code: 'SUCCESS', details: { statusMessage: '<html>502 Bad Gateway</html>' } }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'invalid_response' },
    })
    expect(
      unwrapInvokeReply({ code: 'SUCCESS', details: { status_code: '503', statusMessage: {} } }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 503 },
    })
  })

  it('times out an invoke that never settles, and reports a rejected one as a network failure', async () => {
    vi.useFakeTimers()
    const zoho = createFakeZoho()
    const adapter = createZohoAdapter(zoho, options)
    zoho.answerInvoke = never
    const pending = adapter.call({ method: 'GET', path: '/api/v1/templates' })
    await vi.advanceTimersByTimeAsync(4_999)
    let settled = false
    void pending.then(() => {
      settled = true
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'timeout' } })
    zoho.answerInvoke = async () => {
      throw new Error('frame gone')
    }
    expect(await adapter.call({ method: 'GET', path: '/api/v1/templates' })).toMatchObject({
      ok: false,
      error: { kind: 'network', message: 'frame gone' },
    })
  })
})
