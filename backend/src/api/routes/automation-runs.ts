import { createRoute } from '@hono/zod-openapi'
import { listAutomationRuns } from '../../automation/jobs/list-runs'
import { AUTOMATION_JOB_STATES } from '../../db/schema'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, newRouter, z } from '../openapi'

const runSchema = z
  .object({
    id: z.string(),
    contact_id: z.string(),
    rule_id: z.string().nullable(),
    rule_key: z.string().nullable(),
    message_id: z.string().nullable().describe('The inbound message that triggered the rule'),
    action_type: z.string().nullable(),
    action: z.record(z.string(), z.unknown()),
    state: z.enum(AUTOMATION_JOB_STATES),
    attempts: z.number().int(),
    outcome: z
      .string()
      .nullable()
      .describe(
        'Refusal reason (automation_paused, cap_exceeded:…, window_closed_template_required) or failure code',
      ),
    result: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe('message_id of the queued send, the discount code given, the order found, the error'),
    created_at: z.string(),
    run_after: z.string(),
    finished_at: z.string().nullable(),
  })
  .openapi('AutomationRun')

const list = createRoute({
  method: 'get',
  path: '/api/v1/automation/runs',
  tags: ['automation'],
  summary: 'What automation did: each queued action with its state and why it was refused or failed',
  security: bearerSecurity,
  request: {
    query: z.object({
      contact_id: z.string().uuid().optional(),
      state: z.enum(AUTOMATION_JOB_STATES).optional(),
      rule: z.string().min(1).max(64).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(50),
      cursor: z
        .string()
        .regex(/^\d{1,18}$/, { message: 'must be a next_cursor this API returned' })
        .optional(),
    }),
  },
  responses: {
    200: {
      description: 'Runs, newest first',
      content: {
        'application/json': {
          schema: z.object({ runs: z.array(runSchema), next_cursor: z.string().nullable() }),
        },
      },
    },
    ...commonErrors,
  },
})

/** Admin: the automation jobs of the workspace. */
export function automationRunRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(list, async (c) => {
    const q = c.req.valid('query')
    const page = await listAutomationRuns(deps.db, c.get('auth').workspaceId, {
      contactId: q.contact_id,
      state: q.state,
      ruleKey: q.rule,
      before: q.cursor === undefined ? undefined : Number(q.cursor),
      limit: q.limit,
    })
    return c.json({ runs: page.runs, next_cursor: page.next }, 200)
  })
  return app
}
