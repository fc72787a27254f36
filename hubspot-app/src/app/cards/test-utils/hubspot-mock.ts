/**
 * @fileoverview `hubspot.fetch` (and the platform `logger`) replaced at the module boundary. A test file mocks
 * `@hubspot/ui-extensions` with `withFetchMock` (everything else stays the real module, so
 * components and the test renderer keep working) and drives answers through `mockBackend`.
 *
 *   vi.mock('@hubspot/ui-extensions', async (importOriginal) =>
 *     (await import('../test-utils/hubspot-mock')).withFetchMock(await importOriginal()))
 */

import type { HubSpotFetchOptions } from '@hubspot/ui-extensions'
import { vi } from 'vitest'

export const fetchMock = vi.fn<(url: string | URL, options?: HubSpotFetchOptions) => Promise<Response>>()

/** The platform logger, silenced and observable. */
export const loggerMock = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() }

export function withFetchMock<M extends { hubspot: object }>(original: M): M {
  return { ...original, hubspot: { ...original.hubspot, fetch: fetchMock }, logger: loggerMock }
}

export const BACKEND = 'https://scrm.test'

/** A `Response` as much as the card uses of it. */
export function jsonResponse(status: number, body: unknown): Response {
  return { ok: status >= 200 && status < 300, status, json: async () => body } as Response
}

export interface RecordedCall {
  method: string
  path: string
  query: URLSearchParams
  body: Record<string, unknown> | undefined
}

type Answer = Response | Promise<Response>
type Handler = (call: RecordedCall) => Answer
/** `'GET /api/v1/thread'` → a fixed answer, a handler, or a queue of answers (the last one repeats). */
export type Routes = Record<string, Answer | Handler | Answer[]>

/**
 * Installs a fake backend: each call is recorded and answered from `routes` by method and path;
 * an unknown route answers 404 with the error envelope, as the backend does.
 */
export function mockBackend(routes: Routes) {
  const calls: RecordedCall[] = []
  const queues = new Map<string, Answer[]>()
  fetchMock.mockReset()
  fetchMock.mockImplementation(async (input, options = {}) => {
    const url = new URL(String(input))
    const call: RecordedCall = {
      method: options.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body: options.body as Record<string, unknown> | undefined,
    }
    calls.push(call)
    const key = `${call.method} ${call.path}`
    const route = routes[key]
    if (route === undefined) {
      return jsonResponse(404, { error: { code: 'not_found', message: `No route ${key}` } })
    }
    if (typeof route === 'function') return route(call)
    if (Array.isArray(route)) {
      const queue = queues.get(key) ?? [...route]
      queues.set(key, queue)
      return (queue.length > 1 ? queue.shift() : queue[0]) as Answer
    }
    return route
  })
  return {
    calls,
    callsTo: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path),
  }
}

/** A promise the test settles by hand, to hold the card in a loading state. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}
