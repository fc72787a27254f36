import { createRoute } from '@hono/zod-openapi'
import { and, eq } from 'drizzle-orm'
import { issueCardKey } from '../../crm/card-keys'
import { crmConnections } from '../../db/schema'
import type { AppDeps } from '../app-env'
import { requireAdmin } from '../auth'
import { ApiError } from '../errors'
import { bearerSecurity, commonErrors, errorResponse, newRouter, uuidParam, z } from '../openapi'

const route = createRoute({
  method: 'post',
  path: '/api/v1/connections/{id}/card-key',
  tags: ['connections'],
  summary:
    'Issue (or rotate) the key a CRM card back end sends (Salesforce: X-Scrm-Org-Key; Zoho: X-Scrm-Zoho-Key)',
  description:
    'Answers the key once; only its hash is stored. Issuing a new key revokes the previous one at once: paste the new key into the org’s External Credential (Salesforce: WhatsApp_Backend_Key, parameter OrgKey) or Connection (Zoho CRM: whatsapp_crm, header X-Scrm-Zoho-Key). A platform key may issue for any connection, a workspace admin key for its own.',
  security: bearerSecurity,
  request: { params: uuidParam },
  responses: {
    201: {
      description: 'The new key (shown only now)',
      content: {
        'application/json': {
          schema: z.object({
            key: z.string(),
            header: z.string(),
            connection_id: z.string(),
            created_at: z.string(),
          }),
        },
      },
    },
    ...commonErrors,
    404: errorResponse('No such connection'),
  },
})

export function cardKeyRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(route, async (c) => {
    const auth = c.get('auth')
    requireAdmin(auth.scope)
    const id = c.req.valid('param').id
    const [connection] = await deps.db
      .select()
      .from(crmConnections)
      .where(
        auth.scope === 'platform'
          ? eq(crmConnections.id, id)
          : and(eq(crmConnections.id, id), eq(crmConnections.workspaceId, auth.workspaceId)),
      )
    if (!connection) throw new ApiError('not_found', 'There is no such connection.')
    const provider = deps.crm.has(connection.provider) ? deps.crm.get(connection.provider) : null
    const header = provider?.cardAuth?.issuedKeyHeader
    if (!header)
      throw new ApiError(
        'validation_failed',
        `${provider?.label ?? connection.provider} cards are verified by the CRM's own signature; they take no key.`,
      )
    if (connection.state !== 'active')
      throw new ApiError(
        'conflict',
        'This connection is disconnected: install the app again before issuing a key.',
      )
    const key = await issueCardKey(deps.db, connection.id)
    deps.logger.info(
      { component: 'card-key', connectionId: connection.id, provider: connection.provider },
      'card key issued; the previous one no longer works',
    )
    return c.json({ key, header, connection_id: connection.id, created_at: new Date().toISOString() }, 201)
  })
  return app
}
