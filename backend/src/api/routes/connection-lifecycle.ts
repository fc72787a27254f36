import { createRoute } from '@hono/zod-openapi'
import { disconnectConnection, startInstall } from '../../crm/oauth'
import type { CrmProvider } from '../../crm/provider'
import type { AppDeps } from '../app-env'
import { requireAdmin } from '../auth'
import { ApiError } from '../errors'
import { bearerSecurity, commonErrors, errorResponse, newRouter, uuidParam, z } from '../openapi'
import { connectionView, toConnectionView } from './connection-view'

/** One documented route per registered CRM (an unknown one answers the 404 envelope). */
const startInstallRoute = (provider: CrmProvider) =>
  createRoute({
    method: 'post',
    path: `/api/v1/connections/${provider.name}/install`,
    tags: ['connections'],
    summary: `Start installing the ${provider.label} app for this workspace`,
    description: `Returns ${provider.label}’s authorize URL to open in a browser (valid 10 minutes, once). The account the installer picks joins this workspace; an account already connected to another workspace is refused.`,
    security: bearerSecurity,
    responses: {
      200: {
        description: 'Open authorize_url in a browser',
        content: {
          'application/json': { schema: z.object({ authorize_url: z.string(), expires_at: z.string() }) },
        },
      },
      ...commonErrors,
      503: errorResponse(`${provider.oauth.credentialSettings} are not set`),
    },
  })

const disconnect = createRoute({
  method: 'post',
  path: '/api/v1/connections/{id}/disconnect',
  tags: ['connections'],
  summary: 'Disconnect a CRM account: revoke its tokens at the CRM, wipe them here, stop its sync',
  description:
    'Revocation is best effort: when the CRM cannot be reached the connection is still disconnected and `revocation` is `failed` (also on last_error). History and record links stay; installing again reconnects the same connection.',
  security: bearerSecurity,
  request: { params: uuidParam },
  responses: {
    200: {
      description: 'Disconnected (repeating it is harmless)',
      content: {
        'application/json': {
          schema: z.object({
            connection: connectionView,
            revocation: z.enum(['revoked', 'already_invalid', 'failed', 'no_token']),
          }),
        },
      },
    },
    ...commonErrors,
    404: errorResponse('No such connection in this workspace'),
  },
})

/** How a workspace admin connects and disconnects CRM accounts (the install callback is in crm-oauth.ts). */
export function connectionLifecycleRoutes(deps: AppDeps) {
  const app = newRouter()
  for (const name of deps.crm.names()) {
    const provider = deps.crm.get(name)
    app.openapi(startInstallRoute(provider), async (c) => {
      const auth = c.get('auth')
      requireAdmin(auth.scope)
      const started = await startInstall(deps, provider, {
        workspaceId: auth.workspaceId,
        requestUrl: c.req.url,
        query: (name) => c.req.query(name),
      })
      return c.json({ authorize_url: started.url, expires_at: started.expiresAt.toISOString() }, 200)
    })
  }
  app.openapi(disconnect, async (c) => {
    const auth = c.get('auth')
    requireAdmin(auth.scope)
    const result = await disconnectConnection(deps, auth.workspaceId, c.req.valid('param').id)
    if (!result) throw new ApiError('not_found', 'This workspace has no such connection.')
    return c.json({ connection: toConnectionView(result.connection), revocation: result.revocation }, 200)
  })
  return app
}
