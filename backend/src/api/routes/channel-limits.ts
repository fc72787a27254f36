import { createRoute } from '@hono/zod-openapi'
import { and, eq } from 'drizzle-orm'
import { whatsappChannels } from '../../db/schema'
import type { AppDeps } from '../app-env'
import { ApiError } from '../errors'
import { bearerSecurity, commonErrors, errorResponse, newRouter, okSchema, uuidParam, z } from '../openapi'

/** A number's sending limits, and resuming it after a block. */
export function channelLimitRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/channels/{id}',
      tags: ['channels'],
      summary: "A number's sending limits: throughput, messaging tier, portfolio, coexistence",
      security: bearerSecurity,
      request: {
        params: uuidParam,
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
        200: { description: 'Updated', content: { 'application/json': { schema: okSchema } } },
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
      request: { params: uuidParam },
      responses: {
        200: { description: 'Resumed', content: { 'application/json': { schema: okSchema } } },
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
  return app
}
