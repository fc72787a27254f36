import { createRoute } from '@hono/zod-openapi'
import { ruleActionSchema } from '../../automation/actions'
import { dryRunRequestSchema, dryRunRule } from '../../automation/rules/dry-run'
import { definitionShape, identityShape, ruleInputSchema } from '../../automation/rules/rule-definition'
import {
  createRule,
  deleteRule,
  getRule,
  listRules,
  restoreDefaultRules,
  updateRule,
} from '../../automation/rules/rule-service'
import { sweepRules } from '../../automation/rules/sweep'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, errorResponse, newRouter, okSchema, uuidParam, z } from '../openapi'

const ruleView = z.object({
  id: z.string(),
  ...identityShape,
  ...definitionShape,
  cooldown_hours: z.number().nullable(),
  builtin: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
})
const ruleResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ruleView } },
})
const rulesResponse = {
  description: 'Rules, in evaluation order',
  content: { 'application/json': { schema: z.object({ rules: z.array(ruleView) }) } },
}
const ruleBody = { required: true, content: { 'application/json': { schema: ruleInputSchema } } }
const notFound = errorResponse('No such rule')

const dryRunResult = z.object({
  fires: z.boolean(),
  blocked_by: z.enum(['disabled', 'once_per_contact', 'cooldown', 'no_change', 'conditions']).nullable(),
  trigger: z.enum(['message', 'schedule']),
  explanation: z.string(),
  conditions: z.array(
    z.object({ group: z.enum(['all', 'any']), type: z.string(), passed: z.boolean(), detail: z.string() }),
  ),
  actions: z.array(ruleActionSchema),
  message: z
    .object({
      intent: z.string(),
      confidence: z.number(),
      sentiment: z.number(),
      language: z.string(),
      products: z.array(z.string()),
    })
    .nullable(),
})

/** Workspace rules (admin): tags, segments, tasks and automated replies from what customers write. */
export function ruleRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/rules',
      tags: ['rules'],
      summary: "The workspace's rules",
      security: bearerSecurity,
      responses: { 200: rulesResponse, ...commonErrors },
    }),
    async (c) => c.json({ rules: await listRules(deps.db, c.get('auth').workspaceId) }, 200),
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/rules',
      tags: ['rules'],
      summary: 'Create a rule',
      security: bearerSecurity,
      request: { body: ruleBody },
      responses: {
        201: ruleResponse('Created'),
        ...commonErrors,
        409: errorResponse('A rule with this key exists'),
      },
    }),
    async (c) => c.json(await createRule(deps.db, c.get('auth').workspaceId, c.req.valid('json')), 201),
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/rules/defaults',
      tags: ['rules'],
      summary: 'Restore the default rule pack as shipped (your own rules stay)',
      security: bearerSecurity,
      responses: { 200: rulesResponse, ...commonErrors },
    }),
    async (c) => c.json({ rules: await restoreDefaultRules(deps.db, c.get('auth').workspaceId) }, 200),
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/rules/sweep',
      tags: ['rules'],
      summary: 'Run the periodic pass now: schedule rules and metrics of contacts that are due',
      security: bearerSecurity,
      responses: {
        200: {
          description: 'What the pass did',
          content: {
            'application/json': {
              schema: z.object({ contacts: z.number().int(), firings: z.number().int() }),
            },
          },
        },
        ...commonErrors,
      },
    }),
    async (c) => c.json(await sweepRules(deps.db, { workspaceId: c.get('auth').workspaceId }), 200),
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/rules/test',
      tags: ['rules'],
      summary: 'Dry-run a rule against a contact or a text: does it fire, and why (writes nothing)',
      security: bearerSecurity,
      request: { body: { required: true, content: { 'application/json': { schema: dryRunRequestSchema } } } },
      responses: {
        200: { description: 'The verdict', content: { 'application/json': { schema: dryRunResult } } },
        ...commonErrors,
        404: errorResponse('No such rule or contact'),
      },
    }),
    async (c) => c.json(await dryRunRule(deps.db, c.get('auth').workspaceId, c.req.valid('json')), 200),
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/rules/{id}',
      tags: ['rules'],
      summary: 'One rule',
      security: bearerSecurity,
      request: { params: uuidParam },
      responses: { 200: ruleResponse('The rule'), ...commonErrors, 404: notFound },
    }),
    async (c) => c.json(await getRule(deps.db, c.get('auth').workspaceId, c.req.valid('param').id), 200),
  )
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/rules/{id}',
      tags: ['rules'],
      summary: 'Replace a rule (applies from the next message on)',
      security: bearerSecurity,
      request: { params: uuidParam, body: ruleBody },
      responses: {
        200: ruleResponse('Stored'),
        ...commonErrors,
        404: notFound,
        409: errorResponse('Another rule has this key'),
      },
    }),
    async (c) =>
      c.json(
        await updateRule(deps.db, c.get('auth').workspaceId, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/rules/{id}',
      tags: ['rules'],
      summary: 'Delete a rule (what it already set on contacts stays)',
      security: bearerSecurity,
      request: { params: uuidParam },
      responses: {
        200: { description: 'Deleted', content: { 'application/json': { schema: okSchema } } },
        ...commonErrors,
        404: notFound,
      },
    }),
    async (c) => {
      await deleteRule(deps.db, c.get('auth').workspaceId, c.req.valid('param').id)
      return c.json({ ok: true as const }, 200)
    },
  )
  return app
}
