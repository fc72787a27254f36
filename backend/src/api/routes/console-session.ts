import { createRoute } from '@hono/zod-openapi'
import { closeConsoleSession, consoleSessionOf, openConsoleSession } from '../../console/sessions'
import type { AppDeps } from '../app-env'
import {
  assertSameOrigin,
  CONSOLE_COOKIE,
  clearConsoleCookie,
  consoleToken,
  setConsoleCookie,
} from '../console-cookie'
import { ApiError } from '../errors'
import { errorResponse, newRouter, z } from '../openapi'

/** Where the console signs in and out; outside /api/v1 because signing in has no credentials yet. */
export const CONSOLE_SESSION_PATH = '/console/session'

const sessionSchema = z
  .object({
    workspace_id: z.string().uuid(),
    scope: z.enum(['admin', 'platform']),
    expires_at: z.string(),
  })
  .openapi('ConsoleSession')

const cookieNote = `Sets the \`${CONSOLE_COOKIE}\` cookie (HttpOnly, SameSite=Strict, Secure over https); /api/v1 calls from the console then need no Authorization header.`

const signIn = createRoute({
  method: 'post',
  path: CONSOLE_SESSION_PATH,
  tags: ['admin console'],
  summary: 'Sign in to the admin console with a workspace admin API key',
  description: `${cookieNote} The session lasts CONSOLE_SESSION_HOURS and authorises what the key does.`,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ api_key: z.string().trim().min(1).max(200) }).strict(),
        },
      },
    },
  },
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: sessionSchema } } },
    400: errorResponse('Invalid request'),
    401: errorResponse('The key is not valid or was revoked'),
    403: errorResponse('Sent from another site (Origin)'),
  },
})

const current = createRoute({
  method: 'get',
  path: CONSOLE_SESSION_PATH,
  tags: ['admin console'],
  summary: 'The console session this browser holds',
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: sessionSchema } } },
    401: errorResponse('Not signed in, or the session expired (reason `session_expired`)'),
  },
})

const signOut = createRoute({
  method: 'delete',
  path: CONSOLE_SESSION_PATH,
  tags: ['admin console'],
  summary: 'Sign out of the admin console (the session ends at once)',
  responses: {
    200: {
      description: 'Signed out (also when there was no session)',
      content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } },
    },
    403: errorResponse('Sent from another site (Origin)'),
  },
})

const view = (identity: { workspaceId: string; scope: 'admin' | 'platform'; expiresAt: Date }) => ({
  workspace_id: identity.workspaceId,
  scope: identity.scope,
  expires_at: identity.expiresAt.toISOString(),
})

export function consoleSessionRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(signIn, async (c) => {
    assertSameOrigin(c, deps.config, { requireOrigin: false })
    const { token, identity } = await openConsoleSession(
      deps.db,
      c.req.valid('json').api_key,
      deps.config.CONSOLE_SESSION_HOURS,
    )
    setConsoleCookie(c, deps.config, token, identity.expiresAt)
    return c.json(view(identity), 200)
  })
  app.openapi(current, async (c) => {
    const token = consoleToken(c)
    if (!token)
      throw new ApiError('unauthorized', 'You are not signed in to the console.', undefined, 'no_session')
    return c.json(view(await consoleSessionOf(deps.db, token)), 200)
  })
  app.openapi(signOut, async (c) => {
    assertSameOrigin(c, deps.config)
    const token = consoleToken(c)
    if (token) await closeConsoleSession(deps.db, token)
    clearConsoleCookie(c, deps.config)
    return c.json({ ok: true as const }, 200)
  })
  return app
}
