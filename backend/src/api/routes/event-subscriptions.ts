import { createRoute } from '@hono/zod-openapi'
import { DELIVERY_STATES, EVENT_TYPES } from '../../events/event-types'
import {
  createSubscription,
  listDeliveries,
  listSubscriptions,
  removeSubscription,
  replayDelivery,
} from '../../events/subscriptions'
import type { AppDeps } from '../app-env'
import { requireAdmin } from '../auth'
import { bearerSecurity, commonErrors, newRouter, okSchema, uuidParam, z } from '../openapi'

const subscriptionSchema = z
  .object({
    id: z.string().uuid(),
    url: z.string(),
    events: z.array(z.string()),
    description: z.string().nullable(),
    active: z.boolean(),
    disabled_reason: z.string().nullable(),
    created_at: z.string(),
  })
  .openapi('EventSubscription')

const deliverySchema = z
  .object({
    id: z.number().int(),
    event_id: z.string().uuid(),
    event_type: z.string(),
    state: z.enum(DELIVERY_STATES),
    attempts: z.number().int(),
    next_attempt_at: z.string().nullable(),
    last_status: z.number().int().nullable(),
    last_error: z.string().nullable(),
    delivered_at: z.string().nullable(),
    created_at: z.string(),
    payload: z.record(z.string(), z.unknown()),
  })
  .openapi('EventDelivery')

const newSubscriptionSchema = z
  .object({
    url: z.string().url().max(2048),
    events: z.array(z.enum(EVENT_TYPES)).min(1).max(EVENT_TYPES.length),
    description: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .openapi('NewEventSubscription')

const tags = ['event webhooks']

const list = createRoute({
  method: 'get',
  path: '/api/v1/event-subscriptions',
  tags,
  summary: 'URLs subscribed to events (never their secrets)',
  security: bearerSecurity,
  responses: {
    200: {
      description: 'Subscriptions, newest first, active or not',
      content: { 'application/json': { schema: z.object({ subscriptions: z.array(subscriptionSchema) }) } },
    },
    ...commonErrors,
  },
})

const create = createRoute({
  method: 'post',
  path: '/api/v1/event-subscriptions',
  tags,
  summary: 'Subscribe a URL to events (REST hook subscribe; Zapier and Make call this)',
  description: `Events: ${EVENT_TYPES.join(', ')}. Each delivery is a POST of {id, type, workspace_id, created_at, data} signed in X-Scrm-Signature (t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the secret>), retried with back-off for 24 hours; answering 410 unsubscribes.`,
  security: bearerSecurity,
  request: { body: { required: true, content: { 'application/json': { schema: newSubscriptionSchema } } } },
  responses: {
    201: {
      description: 'Subscribed; the signing secret is shown this once',
      content: {
        'application/json': {
          schema: z.object({ subscription: subscriptionSchema, secret: z.string() }),
        },
      },
    },
    ...commonErrors,
  },
})

const remove = createRoute({
  method: 'delete',
  path: '/api/v1/event-subscriptions/{id}',
  tags,
  summary: 'Unsubscribe (REST hook unsubscribe): deliveries still waiting are dropped, the log stays',
  security: bearerSecurity,
  request: { params: uuidParam },
  responses: {
    200: { description: 'Unsubscribed', content: { 'application/json': { schema: okSchema } } },
    ...commonErrors,
  },
})

const deliveries = createRoute({
  method: 'get',
  path: '/api/v1/event-subscriptions/{id}/deliveries',
  tags,
  summary: "A subscription's delivery log, newest first",
  security: bearerSecurity,
  request: {
    params: uuidParam,
    query: z.object({
      state: z.enum(DELIVERY_STATES).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      before: z.coerce.number().int().positive().optional(),
    }),
  },
  responses: {
    200: {
      description: 'Deliveries; `next_before` pages on',
      content: {
        'application/json': {
          schema: z.object({ deliveries: z.array(deliverySchema), next_before: z.number().int().nullable() }),
        },
      },
    },
    ...commonErrors,
  },
})

const replay = createRoute({
  method: 'post',
  path: '/api/v1/event-deliveries/{id}/replay',
  tags,
  summary: 'Send a delivered or failed event again (a new day of retries)',
  security: bearerSecurity,
  request: { params: z.object({ id: z.coerce.number().int().positive() }) },
  responses: {
    200: {
      description: 'Queued again',
      content: { 'application/json': { schema: z.object({ delivery: deliverySchema }) } },
    },
    ...commonErrors,
  },
})

export function eventSubscriptionRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(list, async (c) => {
    requireAdmin(c.get('auth').scope)
    return c.json({ subscriptions: await listSubscriptions(deps.db, c.get('auth').workspaceId) }, 200)
  })
  app.openapi(create, async (c) => {
    requireAdmin(c.get('auth').scope)
    const body = c.req.valid('json')
    const created = await createSubscription(
      deps.db,
      c.get('auth').workspaceId,
      body,
      deps.encryptionKey,
      deps.eventTargets,
    )
    return c.json(created, 201)
  })
  app.openapi(remove, async (c) => {
    requireAdmin(c.get('auth').scope)
    await removeSubscription(deps.db, c.get('auth').workspaceId, c.req.valid('param').id)
    return c.json({ ok: true as const }, 200)
  })
  app.openapi(deliveries, async (c) => {
    requireAdmin(c.get('auth').scope)
    const q = c.req.valid('query')
    return c.json(await listDeliveries(deps.db, c.get('auth').workspaceId, c.req.valid('param').id, q), 200)
  })
  app.openapi(replay, async (c) => {
    requireAdmin(c.get('auth').scope)
    const delivery = await replayDelivery(deps.db, c.get('auth').workspaceId, c.req.valid('param').id)
    return c.json({ delivery }, 200)
  })
  return app
}
