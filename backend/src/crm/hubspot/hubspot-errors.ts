import type { CrmError } from '../port'

/** HubSpot's error body: `{ status, message, category, errors[], policyName? }`. */
interface HubspotErrorBody {
  message?: string
  category?: string
  policyName?: string
  errorType?: string
}

const TEN_SECONDS = 10_000

/** An error thrown by `@hubspot/api-client` (ApiException) or our own fetches, as the engine sees it. */
export class HubspotHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HubSpot answered ${status}: ${messageOf(body) ?? 'no message'}`)
  }
}

export function classifyHubspotError(error: unknown): CrmError {
  const status = statusOf(error)
  const body = bodyOf(error)
  const message = messageOf(body) ?? (error instanceof Error ? error.message : String(error))
  if (status === undefined) return { kind: 'transient', code: 'network', message }
  if (status === 429) {
    const retryAfter = Number(headerOf(error, 'retry-after'))
    const secondly = body?.policyName === 'SECONDLY' || /secondly limit/i.test(message)
    return {
      kind: 'rate_limited',
      code: body?.policyName ?? 'RATE_LIMIT',
      message,
      retryAfterMs:
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : secondly ? 1000 : TEN_SECONDS,
    }
  }
  if (status === 401) return { kind: 'auth', code: 'INVALID_AUTHENTICATION', message }
  if (status >= 500) return { kind: 'transient', code: `http_${status}`, message }
  return { kind: 'permanent', code: body?.category ?? `http_${status}`, message }
}

/** The HTTP status of a HubSpot answer (SDK exception or our own fetch); undefined for a network error. */
export function statusOf(error: unknown): number | undefined {
  if (error instanceof HubspotHttpError) return error.status
  const code = (error as { code?: unknown })?.code
  return typeof code === 'number' && code >= 100 ? code : undefined
}

function bodyOf(error: unknown): HubspotErrorBody | undefined {
  const body = (error as { body?: unknown })?.body
  if (typeof body === 'string') {
    try {
      return JSON.parse(body) as HubspotErrorBody
    } catch {
      return { message: body }
    }
  }
  return body && typeof body === 'object' ? (body as HubspotErrorBody) : undefined
}

function headerOf(error: unknown, name: string): string | undefined {
  const headers = (error as { headers?: Record<string, string> })?.headers
  if (!headers) return undefined
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name)
  return key ? headers[key] : undefined
}

function messageOf(body: unknown): string | undefined {
  if (!body) return undefined
  if (typeof body === 'string') return body.slice(0, 500)
  const m = (body as HubspotErrorBody).message
  return typeof m === 'string' ? m.slice(0, 500) : undefined
}
