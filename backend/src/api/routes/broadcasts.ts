import { createRoute } from '@hono/zod-openapi'
import { SEND_REFUSALS } from '@scrm/shared'
import { type Broadcast, SEGMENTS } from '../../db/schema'
import { broadcastProgress, listBroadcasts } from '../../outbound/broadcast-progress'
import { createBroadcast, setBroadcastState } from '../../outbound/broadcasts'
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

const audienceView = z.union([
  z.object({ tag: z.string() }),
  z.object({ segment: z.enum(SEGMENTS) }),
  z.object({ contacts: z.number().int().openapi({ description: 'How many contacts were listed' }) }),
])

const broadcastView = z
  .object({
    id: z.string(),
    name: z.string(),
    state: z.enum(['running', 'paused', 'cancelled', 'completed']),
    mode: z.enum(['normal', 'spread']),
    channel_id: z.string(),
    template: z.object({ name: z.string(), language: z.string() }),
    audience: audienceView,
    estimate: estimateSchema,
    queued_recipients: z.number().int(),
    refused: z.record(z.string(), z.number()),
    jobs: z.record(z.string(), z.number()),
    created_at: z.string(),
  })
  .openapi('Broadcast')

const toView = (b: Broadcast, jobs: Record<string, number> = {}) => ({
  id: b.id,
  name: b.name,
  state: b.state,
  mode: b.mode,
  channel_id: b.channelId,
  template: { name: String(b.content.name ?? ''), language: String(b.content.language ?? '') },
  audience: 'contactIds' in b.audience ? { contacts: b.audience.contactIds.length } : b.audience,
  estimate: b.estimate,
  queued_recipients: b.expanded,
  refused: b.refused,
  jobs,
  created_at: b.createdAt.toISOString(),
})

/** What the policy would refuse if the broadcast started now, by reason. */
const refusalsSchema = z.array(
  z.object({
    reason: z.enum(SEND_REFUSALS),
    recipients: z.number().int(),
    message: z.string().openapi({ description: "The policy's sentence for the reason" }),
  }),
)

/** Cursor of the next page: the last broadcast's created_at and id. */
const cursorSchema = z
  .string()
  .max(200)
  .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_[0-9a-f-]{36}$/, 'a cursor from next_cursor')

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: cursorSchema.optional(),
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
      z.object({ segment: z.enum(SEGMENTS) }).strict(),
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
          content: {
            'application/json': {
              schema: z.object({ estimate: estimateSchema, refusals: refusalsSchema }),
            },
          },
        },
        ...commonErrors,
        422: errorResponse('Refused (unknown template, no number)'),
      },
    }),
    async (c) => {
      const body = c.req.valid('json')
      const a = body.audience
      const { broadcast, estimate, refusals } = await createBroadcast(deps.db, c.get('auth').workspaceId, {
        name: body.name,
        channelId: body.channel_id,
        template: body.template,
        audience:
          'tag' in a
            ? { tag: a.tag }
            : 'segment' in a
              ? { segment: a.segment }
              : { contactIds: a.contact_ids },
        dryRun: body.dry_run,
      })
      if (!broadcast) return c.json({ estimate, refusals: refusals ?? [] }, 200)
      deps.broadcastExpander?.wake()
      return c.json(toView(broadcast), 202)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/broadcasts',
      tags: ['broadcasts'],
      summary: "The workspace's broadcasts, newest first, with their jobs by state",
      security: bearerSecurity,
      request: { query: listQuery },
      responses: {
        200: {
          description: 'Broadcasts, and a cursor for the next page',
          content: {
            'application/json': {
              schema: z.object({ broadcasts: z.array(broadcastView), next_cursor: z.string().nullable() }),
            },
          },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const [at, id] = q.cursor ? q.cursor.split('_') : []
      const before = at && id && !Number.isNaN(Date.parse(at)) ? { createdAt: new Date(at), id } : undefined
      const rows = await listBroadcasts(deps.db, c.get('auth').workspaceId, { limit: q.limit, before })
      const last = rows.length === q.limit ? rows.at(-1)?.row : undefined
      return c.json(
        {
          broadcasts: rows.map((r) => toView(r.row, r.jobs)),
          next_cursor: last ? `${last.createdAt.toISOString()}_${last.id}` : null,
        },
        200,
      )
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
