import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { createErrorEnvelope } from '../../test-utils/fixtures'
import { fetchMock, jsonResponse } from '../../test-utils/hubspot-mock'
import { buildUrl, FETCH_TIMEOUT_MS, requestJson } from '../http'

vi.mock('@hubspot/ui-extensions', async (importOriginal) =>
  (await import('../../test-utils/hubspot-mock')).withFetchMock(await importOriginal()),
)

const schema = z.object({ n: z.number() })
const BASE = 'https://scrm.test'

describe('requestJson', () => {
  beforeEach(() => {
    fetchMock.mockReset()
  })
  afterEach(() => vi.useRealTimers())

  it('calls hubspot.fetch with the full URL, method, body and a 10 s timeout', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { n: 1 }))
    const result = await requestJson(BASE, '/api/v1/x', {
      method: 'POST',
      body: { a: 1 },
      query: { q: 'é', skip: null },
      schema,
    })
    expect(result).toEqual({ ok: true, data: { n: 1 } })
    expect(fetchMock).toHaveBeenCalledWith('https://scrm.test/api/v1/x?q=%C3%A9', {
      method: 'POST',
      timeout: FETCH_TIMEOUT_MS,
      body: { a: 1 },
    })
    expect(FETCH_TIMEOUT_MS).toBe(10_000)
  })

  it('turns a non-2xx answer into a failure carrying the envelope code, reason and request id', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(422, createErrorEnvelope('send_refused', 'no', { reason: 'opted_out' })),
    )
    const result = await requestJson(BASE, '/x', { schema })
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'http',
        status: 422,
        code: 'send_refused',
        reason: 'opted_out',
        message: 'no',
        requestId: 'req_test_1',
      },
    })
  })

  it('copes with an error answer that is not an envelope', async () => {
    fetchMock.mockResolvedValue({
      ok: false,
      status: 502,
      json: async () => Promise.reject(new Error('html')),
    } as unknown as Response)
    const result = await requestJson(BASE, '/x', { schema })
    expect(result.ok === false && result.error).toMatchObject({
      kind: 'http',
      status: 502,
      code: null,
      message: 'HTTP 502',
    })
  })

  it('reports a network failure and an answer of the wrong shape', async () => {
    fetchMock.mockRejectedValueOnce(new Error('connect ECONNREFUSED'))
    expect(await requestJson(BASE, '/x', { schema })).toMatchObject({ ok: false, error: { kind: 'network' } })
    fetchMock.mockResolvedValueOnce(jsonResponse(200, { n: 'one' }))
    expect(await requestJson(BASE, '/x', { schema })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_response' },
    })
  })

  it('gives up after the timeout even if the platform never answers', async () => {
    vi.useFakeTimers()
    fetchMock.mockReturnValue(new Promise<Response>(() => {}))
    const pending = requestJson(BASE, '/x', { schema })
    await vi.advanceTimersByTimeAsync(FETCH_TIMEOUT_MS)
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'timeout' } })
  })

  it('builds URLs without empty parameters', () => {
    expect(buildUrl(BASE, '/p', { a: '', b: undefined, c: 0, d: 'x y' })).toBe(
      'https://scrm.test/p?c=0&d=x+y',
    )
  })
})
