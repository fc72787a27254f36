import { createRoute } from '@hono/zod-openapi'
import { eq } from 'drizzle-orm'
import { quickReplies } from '../../db/schema'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, newRouter, z } from '../openapi'

const _idParam = z.object({ id: z.string().uuid() })
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
        params: z.object({ key: z.string().regex(/^[a-z0-9_-]{1,100}$/) }),
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
      summary: "The workspace's quick replies",
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
  return app
}
