import type { RouteConfig } from '@hono/zod-openapi'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from './app-env'
import { ApiError, validationError } from './errors'
import { safeInputSchema } from './safe-input'

const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i

/**
 * Runs ahead of a route's own validators (`newRouter` adds it to every route): path and query
 * parameters and the JSON body must be text Postgres can hold, and a body the route expects must
 * be JSON that parses. Each refusal is the one envelope, never a 5xx from deeper down.
 */
export function inputGuard(route: RouteConfig) {
  const body = route.request?.body
  const takesJson = body?.content?.['application/json'] !== undefined
  return createMiddleware<AppEnv>(async function inputGuard(c, next) {
    refuseUnsafe('param', c.req.param())
    refuseUnsafe('query', queryValues(c.req.queries()))
    if (takesJson) {
      const type = c.req.header('content-type')
      if (type === undefined ? body?.required : !JSON_TYPE.test(type)) {
        throw new ApiError('bad_request', 'Send the body as JSON, with Content-Type: application/json.')
      }
      if (type !== undefined) refuseUnsafe('json', await parsedBody(c.req))
    }
    await next()
  })
}

function refuseUnsafe(target: string, value: unknown): void {
  const result = safeInputSchema.safeParse(value)
  if (!result.success) throw validationError(result.error, target)
}

/** A repeated parameter as its list, a single one as itself, so an error names `phone`, not `phone.0`. */
function queryValues(queries: Record<string, string[]>): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(queries).map(([k, v]) => [k, v.length === 1 ? (v[0] as string) : v]),
  )
}

async function parsedBody(req: { json(): Promise<unknown> }): Promise<unknown> {
  try {
    // Hono caches the parsed body, so the route's validator reads it again without a second parse.
    return await req.json()
  } catch {
    throw new ApiError('invalid_json', 'The request body is not valid JSON.')
  }
}
