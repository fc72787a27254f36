import { createRoute } from '@hono/zod-openapi'
import { and, eq, sql } from 'drizzle-orm'
import { contacts, quickReplies, whatsappChannels, workspaces } from '../../db/schema'
import { ApiError } from '../../lib/errors'
import { policyOf, sendingPolicySchema } from '../../outbound/policy-settings'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, errorResponse, newRouter, z } from '../openapi'

const idParam = z.object({ id: z.string().uuid() })
const ok = z.object({ ok: z.literal(true) })

/** Sending policy, quick replies, per-number limits, takeover and opt-in: what admins and reps set. */
export function sendingSettingsRoutes(deps: AppDeps) {
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

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/channels/{id}',
      tags: ['channels'],
      summary: "A number's sending limits: throughput, messaging tier, portfolio, coexistence",
      security: bearerSecurity,
      request: {
        params: idParam,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({
                  mps: z.number().int().min(1).max(1000).optional(),
                  tier_limit: z
                    .union([z.literal(250), z.literal(2000), z.literal(10000), z.literal(100000), z.null()])
                    .optional(),
                  portfolio_id: z.string().min(1).max(64).optional(),
                  coexistence: z.boolean().optional(),
                })
                .strict(),
            },
          },
        },
      },
      responses: {
        200: { description: 'Updated', content: { 'application/json': { schema: ok } } },
        ...commonErrors,
        404: errorResponse('No such number'),
      },
    }),
    async (c) => {
      const body = c.req.valid('json')
      // A coexistence number (also used in the WhatsApp Business app) is capped at 20 msg/s.
      const mps = body.coexistence ? Math.min(body.mps ?? 20, 20) : body.mps
      const rows = await deps.db
        .update(whatsappChannels)
        .set({
          ...(mps !== undefined ? { mps } : {}),
          ...(body.tier_limit !== undefined ? { tierLimit: body.tier_limit } : {}),
          ...(body.portfolio_id !== undefined ? { portfolioId: body.portfolio_id } : {}),
          ...(body.coexistence !== undefined ? { coexistence: body.coexistence } : {}),
          updatedAt: new Date(),
        })
        .where(
          and(
            eq(whatsappChannels.id, c.req.valid('param').id),
            eq(whatsappChannels.workspaceId, c.get('auth').workspaceId),
          ),
        )
        .returning({ id: whatsappChannels.id })
      if (rows.length === 0) throw new ApiError('not_found', 'No such WhatsApp number in this workspace.')
      return c.json({ ok: true as const }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/channels/{id}/resume',
      tags: ['channels'],
      summary: 'Resume a number paused after a spam or policy block (131048 / 368)',
      security: bearerSecurity,
      request: { params: idParam },
      responses: {
        200: { description: 'Resumed', content: { 'application/json': { schema: ok } } },
        ...commonErrors,
        404: errorResponse('No such number'),
      },
    }),
    async (c) => {
      const rows = await deps.db
        .update(whatsappChannels)
        .set({ pausedUntil: null, pausedReason: null, updatedAt: new Date() })
        .where(
          and(
            eq(whatsappChannels.id, c.req.valid('param').id),
            eq(whatsappChannels.workspaceId, c.get('auth').workspaceId),
          ),
        )
        .returning({ id: whatsappChannels.id })
      if (rows.length === 0) throw new ApiError('not_found', 'No such WhatsApp number in this workspace.')
      deps.sender?.wake()
      return c.json({ ok: true as const }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/contacts/{id}/takeover',
      tags: ['contacts'],
      summary:
        'A person takes over: automation pauses for this contact (default 12 h); release: true ends it',
      security: bearerSecurity,
      request: {
        params: idParam,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({
                  hours: z.number().min(0.25).max(168).default(12),
                  release: z.boolean().default(false),
                })
                .strict(),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'State',
          content: {
            'application/json': { schema: z.object({ automation_paused_until: z.string().nullable() }) },
          },
        },
        ...commonErrors,
        404: errorResponse('No such contact'),
      },
    }),
    async (c) => {
      const { hours, release } = c.req.valid('json')
      const until = release ? null : new Date(Date.now() + hours * 3_600_000)
      const rows = await deps.db
        .update(contacts)
        .set({ automationPausedUntil: until, updatedAt: new Date() })
        .where(
          and(eq(contacts.id, c.req.valid('param').id), eq(contacts.workspaceId, c.get('auth').workspaceId)),
        )
        .returning({ id: contacts.id })
      if (rows.length === 0) throw new ApiError('not_found', 'No such contact in this workspace.')
      return c.json({ automation_paused_until: until?.toISOString() ?? null }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/contacts/{id}/opt-in',
      tags: ['contacts'],
      summary: "Record a contact's opt-in or opt-out, with where it came from",
      security: bearerSecurity,
      request: {
        params: idParam,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({ status: z.enum(['opted_in', 'opted_out']), source: z.string().min(1).max(200) })
                .strict(),
            },
          },
        },
      },
      responses: {
        200: { description: 'Stored', content: { 'application/json': { schema: ok } } },
        ...commonErrors,
        404: errorResponse('No such contact'),
      },
    }),
    async (c) => {
      const { status, source } = c.req.valid('json')
      const now = new Date()
      const rows = await deps.db
        .update(contacts)
        .set({
          optInStatus: status,
          optInSource: source,
          optInAt: now,
          fieldVersions: sql`${contacts.fieldVersions} || ${JSON.stringify({ opt_in_status: now.getTime() })}::jsonb`,
          updatedAt: now,
        })
        .where(
          and(eq(contacts.id, c.req.valid('param').id), eq(contacts.workspaceId, c.get('auth').workspaceId)),
        )
        .returning({ id: contacts.id })
      if (rows.length === 0) throw new ApiError('not_found', 'No such contact in this workspace.')
      return c.json({ ok: true as const }, 200)
    },
  )
  return app
}
