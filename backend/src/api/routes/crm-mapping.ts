import { createRoute } from '@hono/zod-openapi'
import { connectionOf } from '../../crm/connection-scope'
import { fieldSpec } from '../../crm/fields'
import { mappingRows, updateMapping } from '../../crm/mapping'
import type { CrmFieldMapping } from '../../db/schema'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, newRouter, uuidParam, z } from '../openapi'

const scalar = z.union([z.string().max(1000), z.number(), z.boolean()]).nullable()

const mappingView = z.object({
  field: z.string(),
  label: z.string(),
  type: z.string(),
  direction: z.enum(['push', 'both']),
  property: z.string(),
  managed: z.boolean(),
  enabled: z.boolean(),
  default_value: scalar,
  /** The CRM property's type as last checked; null until the next sync checks it. */
  property_type: z.string().nullable(),
})

function toView(r: CrmFieldMapping) {
  const spec = fieldSpec(r.field)
  return {
    field: r.field,
    label: spec?.label ?? r.field,
    type: spec?.type ?? 'string',
    direction: spec?.direction ?? 'push',
    property: r.property,
    managed: r.managed,
    enabled: r.enabled,
    default_value: (r.defaultValue ?? null) as string | number | boolean | null,
    property_type: r.propertySpec?.type ?? null,
  }
}

/** Which CRM property holds each WhatsApp field, per connection. */
export function crmMappingRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/connections/{id}/mapping',
      tags: ['connections'],
      summary: 'The field mapping of a CRM connection',
      security: bearerSecurity,
      request: { params: uuidParam },
      responses: {
        200: {
          description: 'Mapping',
          content: { 'application/json': { schema: z.object({ fields: z.array(mappingView) }) } },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const connection = await connectionOf(deps.db, c.get('auth').workspaceId, c.req.valid('param').id)
      const rows = await mappingRows(
        deps.db,
        connection.id,
        deps.crm.get(connection.provider).defaultProperty,
      )
      return c.json({ fields: rows.map(toView) }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/connections/{id}/mapping',
      tags: ['connections'],
      summary:
        'Map fields to existing CRM properties, switch them off or give empty CRM values a default; checked against the CRM on the next sync',
      security: bearerSecurity,
      request: {
        params: uuidParam,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({
                  fields: z
                    .array(
                      z
                        .object({
                          field: z.string().min(1).max(64),
                          property: z
                            .string()
                            // Salesforce (FirstName, WA_Phone__c) and Zoho (First_Name) names have capitals.
                            .regex(/^[A-Za-z0-9_]{1,100}$/, {
                              message: 'a CRM internal property name (letters, digits, _)',
                            })
                            .optional(),
                          enabled: z.boolean().optional(),
                          default_value: scalar.optional(),
                        })
                        .strict(),
                    )
                    .min(1)
                    .max(50),
                })
                .strict(),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'Stored',
          content: { 'application/json': { schema: z.object({ fields: z.array(mappingView) }) } },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const connection = await connectionOf(deps.db, c.get('auth').workspaceId, c.req.valid('param').id)
      const rows = await updateMapping(
        deps.db,
        connection.id,
        deps.crm.get(connection.provider).defaultProperty,
        c.req.valid('json').fields,
      )
      deps.crmSync?.wake()
      return c.json({ fields: rows.map(toView) }, 200)
    },
  )
  return app
}
