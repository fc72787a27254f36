import { createRoute } from '@hono/zod-openapi'
import { listWorkspaceTemplates, syncTemplates, upsertTemplate } from '../../outbound/templates'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, newRouter, z } from '../openapi'

const templateSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'lower-case letters, digits and _ as in WhatsApp Manager'),
    language: z.string().min(2).max(15),
    category: z.enum(['marketing', 'utility', 'authentication']),
    status: z.string().max(40).optional(),
    components: z
      .array(z.looseObject({ type: z.string() }))
      .max(20)
      .default([]),
  })
  .strict()

const templateView = z.object({
  id: z.string(),
  name: z.string(),
  language: z.string(),
  category: z.string(),
  status: z.string(),
  body_params: z.number().int(),
  components: z.array(z.unknown()),
})

const toView = (t: {
  id: string
  name: string
  language: string
  category: string
  status: string
  bodyParams: number
  components: unknown[]
}) => ({
  id: t.id,
  name: t.name,
  language: t.language,
  category: t.category,
  status: t.status,
  body_params: t.bodyParams,
  components: t.components,
})

export function templateRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/templates',
      tags: ['messages'],
      summary: 'Templates the workspace may send',
      security: bearerSecurity,
      responses: {
        200: {
          description: 'Templates',
          content: { 'application/json': { schema: z.object({ templates: z.array(templateView) }) } },
        },
        ...commonErrors,
      },
    }),
    async (c) =>
      c.json(
        { templates: (await listWorkspaceTemplates(deps.db, c.get('auth').workspaceId)).map(toView) },
        200,
      ),
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/templates',
      tags: ['messages'],
      summary: 'Register or update a template (as approved in WhatsApp Manager)',
      security: bearerSecurity,
      request: { body: { required: true, content: { 'application/json': { schema: templateSchema } } } },
      responses: {
        200: { description: 'Stored', content: { 'application/json': { schema: templateView } } },
        ...commonErrors,
      },
    }),
    async (c) => {
      const row = await upsertTemplate(deps.db, c.get('auth').workspaceId, c.req.valid('json'))
      if (!row) throw new Error('template upsert returned nothing')
      return c.json(toView(row), 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/templates/sync',
      tags: ['messages'],
      summary: "Pull every template from the workspace's WhatsApp Business Accounts",
      security: bearerSecurity,
      responses: {
        200: {
          description: 'Synced',
          content: { 'application/json': { schema: z.object({ synced: z.number().int() }) } },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const synced = await syncTemplates(
        deps.db,
        c.get('auth').workspaceId,
        {
          graphUrl: deps.config.WHATSAPP_GRAPH_URL,
          apiVersion: deps.config.WHATSAPP_API_VERSION,
          timeoutMs: deps.config.SENDER_REQUEST_TIMEOUT_MS,
        },
        deps.encryptionKey,
      )
      return c.json({ synced }, 200)
    },
  )
  return app
}
