import { OpenAPIHono, z } from '@hono/zod-openapi'
import { errorEnvelopeSchema } from '@scrm/shared'
import type { AppEnv } from './app-env'
import { renderError, validationError } from './errors'
import { inputGuard } from './input-guard'

/**
 * A router whose request validation failures render the shared error envelope. Every route it
 * registers, present and future, gets `inputGuard` ahead of its own validators, so text Postgres
 * cannot hold is refused at the edge without each schema having to remember it.
 */
export function newRouter() {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return renderError(c, validationError(result.error, `${result.target}`))
    },
  })
  const register = app.openapi
  app.openapi = ((route, handler, hook) =>
    register(
      { ...route, middleware: [inputGuard(route), ...[route.middleware ?? []].flat()] },
      handler,
      hook,
    )) as typeof app.openapi
  return app
}

const errorContent = { 'application/json': { schema: errorEnvelopeSchema } }

/** Error responses every authenticated route can give, spread into each route's `responses`. */
export const commonErrors = {
  400: { description: 'Invalid request', content: errorContent },
  401: { description: 'Missing or invalid API key', content: errorContent },
  403: { description: 'Not allowed for this key', content: errorContent },
} as const

export const errorResponse = (description: string) => ({ description, content: errorContent })

export const bearerSecurity = [{ bearerAuth: [] }]

/** A resource id in the path. */
export const uuidParam = z.object({ id: z.string().uuid() })
/** The answer of a change that has nothing else to say. */
export const okSchema = z.object({ ok: z.literal(true) })

export { z }
