import { hubspot, logger } from '@hubspot/ui-extensions'
import type { z } from 'zod'
import { errorEnvelopeSchema } from './schemas'

/** Every call gives up after this long; HubSpot's own default is 15 s. */
export const FETCH_TIMEOUT_MS = 10_000

/** Why a call did not give the card what it asked for. */
export interface ApiFailure {
  kind: 'http' | 'network' | 'timeout' | 'invalid_response'
  /** HTTP status when the backend answered, otherwise null. */
  status: number | null
  /** The envelope's `error.code` (e.g. `send_refused`, `not_found`), when there was one. */
  code: string | null
  /** For `send_refused`: the machine-readable reason (see SEND_REFUSALS in @scrm/shared). */
  reason: string | null
  /** A sentence for people; the backend's when it sent one. */
  message: string
  requestId: string | null
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiFailure }

export interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'DELETE'
  query?: Record<string, string | number | null | undefined>
  body?: Record<string, unknown>
  schema: z.ZodType<T>
}

const failure = (kind: ApiFailure['kind'], message: string, extra: Partial<ApiFailure> = {}): ApiFailure => ({
  kind,
  status: null,
  code: null,
  reason: null,
  message,
  requestId: null,
  ...extra,
})

export function buildUrl(
  baseUrl: string,
  path: string,
  query: RequestOptions<unknown>['query'] = {},
): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value))
  }
  const search = params.toString()
  return `${baseUrl}${path}${search ? `?${search}` : ''}`
}

class TimeoutError extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`no answer within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json()
  } catch {
    return undefined
  }
}

/**
 * Calls the backend through `hubspot.fetch` (HubSpot proxies and signs the request), with a
 * timeout, and turns every outcome into a result: parsed data, or a failure carrying the error
 * envelope's code, reason and message. Never throws.
 */
export async function requestJson<T>(
  baseUrl: string,
  path: string,
  options: RequestOptions<T>,
): Promise<ApiResult<T>> {
  const method = options.method ?? 'GET'
  const url = buildUrl(baseUrl, path, options.query)
  let response: Response
  try {
    response = await withTimeout(
      hubspot.fetch(url, {
        method,
        timeout: FETCH_TIMEOUT_MS,
        ...(options.body ? { body: options.body } : {}),
      }),
      FETCH_TIMEOUT_MS,
    )
  } catch (cause) {
    const timedOut = cause instanceof TimeoutError || /timeout|timed out/i.test(String(cause))
    logger.warn(`${method} ${path} failed: ${String(cause)}`)
    return { ok: false, error: failure(timedOut ? 'timeout' : 'network', String(cause)) }
  }

  const json = await readJson(response)
  if (!response.ok) {
    const envelope = errorEnvelopeSchema.safeParse(json)
    const error = envelope.success ? envelope.data.error : null
    logger.warn(`${method} ${path} answered ${response.status}${error ? ` ${error.code}` : ''}`)
    return {
      ok: false,
      error: failure('http', error?.message ?? `HTTP ${response.status}`, {
        status: response.status,
        code: error?.code ?? null,
        reason: error?.reason ?? null,
        requestId: error?.request_id ?? null,
      }),
    }
  }

  const parsed = options.schema.safeParse(json)
  if (!parsed.success) {
    logger.error(`${method} ${path}: unexpected answer: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
    return {
      ok: false,
      error: failure('invalid_response', 'The backend answered in an unexpected shape.', {
        status: response.status,
      }),
    }
  }
  return { ok: true, data: parsed.data }
}
