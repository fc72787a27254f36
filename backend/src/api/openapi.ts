import { OpenAPIHono, z } from '@hono/zod-openapi'
import { errorEnvelopeSchema } from '@scrm/shared'
import type { AppEnv } from './app-env'
import { renderError, validationError } from './errors'

/** A router whose request validation failures render the shared error envelope. */
export function newRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return renderError(c, validationError(result.error, `${result.target}`))
    },
  })
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
