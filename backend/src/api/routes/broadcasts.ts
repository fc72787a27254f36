import { createRoute } from '@hono/zod-openapi'
import type { Broadcast } from '../../db/schema'
import { broadcastProgress, createBroadcast, setBroadcastState } from '../../outbound/broadcasts'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, errorResponse, newRouter, z } from '../openapi'

const estimateSchema = z.object({
  recipients: z.number().int(),
  api_calls: z.number().int(),
  tier_limit: z.number().int().nullable(),
  tier_room: z.number().int().nullable(),
  mps: z.number().int(),
  minutes_at_full_speed: z.number().int(),
  mode: z.enum(['normal', 'spread']),
  reason: z.string().nullable(),
})

const broadcastView = z.object({
  id: z.string(),
  name: z.string(),
  state: z.enum(['running', 'paused', 'cancelled', 'completed']),
  mode: z.enum(['normal', 'spread']),
  estimate: estimateSchema,
  queued_recipients: z.number().int(),
  refused: z.record(z.string(), z.number()),
  jobs: z.record(z.string(), z.number()),
  created_at: z.string(),
})

const toView = (b: Broadcast, jobs: Record<string, number> = {}) => ({
  id: b.id,
  name: b.name,
  state: b.state,
  mode: b.mode,
  estimate: b.estimate,
  queued_recipients: b.expanded,
  refused: b.refused,
  jobs,
  created_at: b.createdAt.toISOString(),
})

const createBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    channel_id: z.string().uuid().optional(),
    template: z.object({
      name: z.string().min(1).max(512),
      language: z.string().min(2).max(15),
      components: z
        .array(z.looseObject({ type: z.string() }))
        .max(20)
        .optional(),
    }),
    audience: z.union([
      z.object({ tag: z.string().min(1).max(100) }).strict(),
      z.object({ contact_ids: z.array(z.string().uuid()).min(1).max(100_000) }).strict(),
    ]),
    /** Only run the preflight: recipients, API calls, tier room and the mode it would use. */
    dry_run: z.boolean().default(false),
  })
  .strict()

const idParam = z.object({ id: z.string().uuid() })

export function broadcastRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/broadcasts',
      tags: ['broadcasts'],
      summary: 'A template to a tag or a list of contacts, paced under every limit (dry_run: preflight only)',
      security: bearerSecurity,
      request: { body: { required: true, content: { 'application/json': { schema: createBody } } } },
      responses: {
        202: { description: 'Started', content: { 'application/json': { schema: broadcastView } } },
        200: {
          description: 'Preflight only',
          content: { 'application/json': { schema: z.object({ estimate: estimateSchema }) } },
        },
        ...commonErrors,
        422: errorResponse('Refused (unknown template, no number)'),
      },
    }),
    async (c) => {
      const body = c.req.valid('json')
      const { broadcast, estimate } = await createBroadcast(deps.db, c.get('auth').workspaceId, {
        name: body.name,
        channelId: body.channel_id,
        template: body.template,
        audience:
          'tag' in body.audience ? { tag: body.audience.tag } : { contactIds: body.audience.contact_ids },
        dryRun: body.dry_run,
      })
      if (!broadcast) return c.json({ estimate }, 200)
      deps.broadcastExpander?.wake()
      return c.json(toView(broadcast), 202)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/broadcasts/{id}',
      tags: ['broadcasts'],
      summary: 'Progress: recipients queued, refused by reason, jobs by state',
      security: bearerSecurity,
      request: { params: idParam },
      responses: {
        200: { description: 'Progress', content: { 'application/json': { schema: broadcastView } } },
        ...commonErrors,
        404: errorResponse('No such broadcast'),
      },
    }),
    async (c) => {
      const { row, jobs } = await broadcastProgress(
        deps.db,
        c.get('auth').workspaceId,
        c.req.valid('param').id,
      )
      return c.json(toView(row, jobs), 200)
    },
  )
  for (const action of ['pause', 'resume', 'cancel'] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/api/v1/broadcasts/{id}/${action}`,
        tags: ['broadcasts'],
        summary: `${action[0]?.toUpperCase()}${action.slice(1)} a broadcast`,
        security: bearerSecurity,
        request: { params: idParam },
        responses: {
          200: {
            description: 'New state',
            content: { 'application/json': { schema: z.object({ state: z.string() }) } },
          },
          ...commonErrors,
          404: errorResponse('No such broadcast'),
          409: errorResponse('Not possible in its state'),
        },
      }),
      async (c) => {
        const state = await setBroadcastState(
          deps.db,
          c.get('auth').workspaceId,
          c.req.valid('param').id,
          action,
        )
        if (action !== 'pause') deps.sender?.wake()
        if (action === 'resume') deps.broadcastExpander?.wake()
        return c.json({ state }, 200)
      },
    )
  }
  return app
}
