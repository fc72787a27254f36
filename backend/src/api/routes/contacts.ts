import { createRoute } from '@hono/zod-openapi'
import { and, eq, sql } from 'drizzle-orm'
import { contacts } from '../../db/schema'
import type { AppDeps } from '../app-env'
import { ApiError } from '../errors'
import { bearerSecurity, commonErrors, errorResponse, newRouter, okSchema, uuidParam, z } from '../openapi'

/** What a rep sets on a contact: human takeover and opt-in. */
export function contactRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/contacts/{id}/takeover',
      tags: ['contacts'],
      summary:
        'A person takes over: automation pauses for this contact (default 12 h); release: true ends it',
      security: bearerSecurity,
      request: {
        params: uuidParam,
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
        params: uuidParam,
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
        200: { description: 'Stored', content: { 'application/json': { schema: okSchema } } },
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
