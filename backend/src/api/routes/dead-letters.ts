import { createRoute } from '@hono/zod-openapi'
import { DEAD_ITEM_KINDS } from '../../db/schema'
import { FAILURE_REASONS } from '../../lib/db-error'
import { listDeadLetters, listUnroutedNumbers, replayDeadLetter } from '../../webhooks/dead-letter-service'
import type { AppDeps } from '../app-env'
import { requirePlatform } from '../auth'
import { bearerSecurity, commonErrors, errorResponse, newRouter, z } from '../openapi'

const deadLetterSchema = z
  .object({
    id: z
      .string()
      .openapi({ description: 'A dead delivery id, or item-<n> for one item set aside from a delivery' }),
    kind: z.enum(['event', 'item']).openapi({
      description:
        'event: the whole delivery failed; item: one item failed and the rest of its delivery was stored',
    }),
    source: z.string(),
    received_at: z.string(),
    attempts: z.number().int(),
    reason: z
      .enum(FAILURE_REASONS)
      .nullable()
      .openapi({ description: 'Classified reason; last_error says it in words (never SQL or data)' }),
    last_error: z.string().nullable(),
    phone_number_ids: z
      .array(z.string())
      .openapi({ description: "The delivery's numbers this key's workspace owns" }),
    body_bytes: z.number().int(),
    item: z
      .object({ type: z.enum(DEAD_ITEM_KINDS), ref: z.string().openapi({ description: 'wamid, or a hash' }) })
      .nullable(),
  })
  .openapi('DeadLetter')

const list = createRoute({
  method: 'get',
  path: '/api/v1/dead-letters',
  tags: ['webhooks'],
  summary: 'Webhook deliveries that kept failing',
  security: bearerSecurity,
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  responses: {
    200: {
      description: 'Dead letters, newest first',
      content: { 'application/json': { schema: z.object({ dead_letters: z.array(deadLetterSchema) }) } },
    },
    ...commonErrors,
  },
})

const replay = createRoute({
  method: 'post',
  path: '/api/v1/dead-letters/{id}/replay',
  tags: ['webhooks'],
  summary: 'Process a dead letter again',
  security: bearerSecurity,
  request: { params: z.object({ id: z.string().regex(/^(?:item-)?\d{1,18}$/, 'must be a dead letter id') }) },
  responses: {
    202: {
      description: 'Queued again',
      content: { 'application/json': { schema: z.object({ id: z.string(), state: z.literal('pending') }) } },
    },
    ...commonErrors,
    404: errorResponse('No such dead letter in this workspace'),
  },
})

const unrouted = createRoute({
  method: 'get',
  path: '/api/v1/unrouted',
  tags: ['webhooks'],
  summary: 'Numbers Meta delivers for that no workspace registered (platform key only)',
  security: bearerSecurity,
  responses: {
    200: {
      description: 'Unrouted numbers',
      content: {
        'application/json': {
          schema: z.object({
            numbers: z.array(
              z.object({
                phone_number_id: z.string(),
                events: z.number().int(),
                first_received_at: z.string(),
                last_received_at: z.string(),
              }),
            ),
          }),
        },
      },
    },
    ...commonErrors,
  },
})

export function deadLetterRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(list, async (c) => {
    const auth = c.get('auth')
    const rows = await listDeadLetters(
      deps.db,
      auth.workspaceId,
      auth.scope === 'platform',
      c.req.valid('query').limit,
    )
    return c.json({ dead_letters: rows }, 200)
  })
  app.openapi(replay, async (c) => {
    const auth = c.get('auth')
    const { id } = c.req.valid('param')
    await replayDeadLetter(deps.db, auth.workspaceId, auth.scope === 'platform', id)
    deps.ingestWorker?.wake()
    return c.json({ id, state: 'pending' as const }, 202)
  })
  app.openapi(unrouted, async (c) => {
    requirePlatform(c.get('auth').scope)
    return c.json({ numbers: await listUnroutedNumbers(deps.db) }, 200)
  })
  return app
}
