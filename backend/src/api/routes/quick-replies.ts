import { createRoute } from '@hono/zod-openapi'
import { asc, eq } from 'drizzle-orm'
import { deleteQuickReply } from '../../automation/quick-reply-removal'
import { quickReplies } from '../../db/schema'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, errorResponse, newRouter, z } from '../openapi'

const keyParam = z.object({ key: z.string().regex(/^[a-z0-9_-]{1,100}$/) })
const ok = z.object({ ok: z.literal(true) })

/** Saved answers with variables, sent as free text inside the window. */
export function quickReplyRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/quick-replies/{key}',
      tags: ['messages'],
      summary:
        'Create or change a quick reply ({{first_name}}, {{name}}, {{phone}} or variables given at send time)',
      security: bearerSecurity,
      request: {
        params: keyParam,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({
                  title: z.string().min(1).max(200),
                  body: z.string().min(1).max(4096),
                  defaults: z.record(z.string(), z.string().max(1024)).default({}),
                })
                .strict(),
            },
          },
        },
      },
      responses: {
        200: { description: 'Stored', content: { 'application/json': { schema: ok } } },
        ...commonErrors,
      },
    }),
    async (c) => {
      const { key } = c.req.valid('param')
      const body = c.req.valid('json')
      const values = { workspaceId: c.get('auth').workspaceId, key, ...body, updatedAt: new Date() }
      await deps.db
        .insert(quickReplies)
        .values(values)
        .onConflictDoUpdate({ target: [quickReplies.workspaceId, quickReplies.key], set: values })
      return c.json({ ok: true as const }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/quick-replies',
      tags: ['messages'],
      summary: "The workspace's quick replies, by key",
      security: bearerSecurity,
      responses: {
        200: {
          description: 'Quick replies',
          content: {
            'application/json': {
              schema: z.object({
                quick_replies: z.array(
                  z.object({
                    key: z.string(),
                    title: z.string(),
                    body: z.string(),
                    defaults: z.record(z.string(), z.string()),
                  }),
                ),
              }),
            },
          },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const rows = await deps.db
        .select()
        .from(quickReplies)
        .where(eq(quickReplies.workspaceId, c.get('auth').workspaceId))
        .orderBy(asc(quickReplies.key))
      return c.json(
        {
          quick_replies: rows.map((r) => ({
            key: r.key,
            title: r.title,
            body: r.body,
            defaults: r.defaults,
          })),
        },
        200,
      )
    },
  )

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/quick-replies/{key}',
      tags: ['messages'],
      summary: 'Remove a quick reply (refused while a rule sends it)',
      security: bearerSecurity,
      request: { params: keyParam },
      responses: {
        200: { description: 'Removed', content: { 'application/json': { schema: ok } } },
        ...commonErrors,
        404: errorResponse('No such quick reply in this workspace'),
        409: errorResponse('A rule sends this quick reply; the message names the rules'),
      },
    }),
    async (c) => {
      await deleteQuickReply(deps.db, c.get('auth').workspaceId, c.req.valid('param').key)
      return c.json({ ok: true as const }, 200)
    },
  )
  return app
}
