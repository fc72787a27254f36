import { createRoute } from '@hono/zod-openapi'
import { eq, sql } from 'drizzle-orm'
import { workspaces } from '../../db/schema'
import { policyOf, sendingPolicySchema } from '../../outbound/policy-settings'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, newRouter, z } from '../openapi'

const _idParam = z.object({ id: z.string().uuid() })
const _ok = z.object({ ok: z.literal(true) })

/** The workspace's sending policy (defaults filled in). */
export function sendingPolicyRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/settings/sending-policy',
      tags: ['settings'],
      summary: 'The sending policy in force (defaults filled in)',
      security: bearerSecurity,
      responses: {
        200: { description: 'Policy', content: { 'application/json': { schema: sendingPolicySchema } } },
        ...commonErrors,
      },
    }),
    async (c) => {
      const [ws] = await deps.db
        .select()
        .from(workspaces)
        .where(eq(workspaces.id, c.get('auth').workspaceId))
      return c.json(policyOf(ws?.settings ?? {}), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/settings/sending-policy',
      tags: ['settings'],
      summary: 'Change the sending policy; omitted fields return to their defaults',
      security: bearerSecurity,
      request: { body: { required: true, content: { 'application/json': { schema: sendingPolicySchema } } } },
      responses: {
        200: { description: 'Policy', content: { 'application/json': { schema: sendingPolicySchema } } },
        ...commonErrors,
      },
    }),
    async (c) => {
      const policy = c.req.valid('json')
      await deps.db
        .update(workspaces)
        .set({
          settings: sql`${workspaces.settings} || ${JSON.stringify({ sending_policy: policy })}::jsonb`,
          updatedAt: new Date(),
        })
        .where(eq(workspaces.id, c.get('auth').workspaceId))
      return c.json(policy, 200)
    },
  )
  return app
}
