import createClient from 'openapi-fetch'
import type { paths } from './schema'

/**
 * The one client every page calls, typed from the backend's /openapi.json (schema.d.ts). The
 * session cookie rides along (same origin); no key is ever held by the page.
 */
export const api = createClient<paths>({ baseUrl: location.origin, credentials: 'same-origin' })

/** An API refusal, carrying the envelope's message so pages show the server's own words. */
export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
    readonly reason?: string,
    /** Which input was wrong and why (validation failures), to show next to it. */
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message)
    this.name = 'ApiFailure'
  }
}

interface Envelope {
  error?: { code?: string; message?: string; reason?: string; details?: { path: string; message: string }[] }
}

/** Listeners told when a call finds the session gone (expired, signed out elsewhere, key revoked). */
const sessionEndListeners = new Set<(failure: ApiFailure) => void>()
export function onSessionEnd(listener: (failure: ApiFailure) => void): () => void {
  sessionEndListeners.add(listener)
  return () => sessionEndListeners.delete(listener)
}

/** Resolves to the answer's data, or throws its error as an ApiFailure (and signals a lost session). */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response }
  try {
    result = await call
  } catch (error) {
    throw new ApiFailure(`The server could not be reached (${(error as Error).message}).`, 0)
  }
  if (result.response.ok) return result.data as T
  const envelope = (result.error ?? {}) as Envelope
  const failure = new ApiFailure(
    envelope.error?.message ?? `The server answered ${result.response.status}.`,
    result.response.status,
    envelope.error?.code,
    envelope.error?.reason,
    envelope.error?.details ?? [],
  )
  if (result.response.status === 401) for (const listener of sessionEndListeners) listener(failure)
  throw failure
}
