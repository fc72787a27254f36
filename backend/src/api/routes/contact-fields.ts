import { createRoute } from '@hono/zod-openapi'
import { patchContactFields } from '../../contacts/contact-fields'
import { PRIORITIES, SEGMENTS } from '../../db/schema'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, newRouter, uuidParam, z } from '../openapi'

const attributeKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, { message: 'lowercase letters, digits and _' })
const attributeValue = z.union([z.string().max(1000), z.number().finite(), z.boolean()]).nullable()

const patchSchema = z
  .object({
    name: z.string().trim().min(1).max(200).nullable().optional(),
    email: z.string().trim().email().max(254).nullable().optional(),
    segment: z.enum(SEGMENTS).nullable().optional(),
    priority: z.enum(PRIORITIES).optional(),
    language: z.enum(['en', 'pt', 'es', 'zh']).nullable().optional(),
    attributes: z
      .record(attributeKey, attributeValue)
      .refine((r) => Object.keys(r).length <= 50, { message: 'at most 50 attributes per call' })
      .optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' })

const contactFieldsView = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  segment: z.string().nullable(),
  priority: z.string(),
  language: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
})

/** Edit a contact's fields: names, email, segment, priority, language, CRM-style attributes. */
export function contactFieldRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/contacts/{id}',
      tags: ['contacts'],
      summary:
        'Change contact fields (attributes such as first_name, last_name, city, last_purchase_at, customer_level are merged; null removes)',
      security: bearerSecurity,
      request: {
        params: uuidParam,
        body: { required: true, content: { 'application/json': { schema: patchSchema } } },
      },
      responses: {
        200: { description: 'Changed', content: { 'application/json': { schema: contactFieldsView } } },
        ...commonErrors,
      },
    }),
    async (c) => {
      const row = await patchContactFields(
        deps.db,
        c.get('auth').workspaceId,
        c.req.valid('param').id,
        c.req.valid('json'),
      )
      deps.crmSync?.wake()
      return c.json(
        {
          id: row.id,
          name: row.name,
          email: row.email,
          segment: row.segment,
          priority: row.priority,
          language: row.language,
          attributes: row.attributes,
        },
        200,
      )
    },
  )
  return app
}
