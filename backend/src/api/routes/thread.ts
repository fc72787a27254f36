import { createRoute } from '@hono/zod-openapi'
import { THREAD_PAGE_DEFAULT, THREAD_PAGE_MAX, threadViewSchema, toE164 } from '@scrm/shared'
import { ApiError } from '../../lib/errors'
import { getThread } from '../../threads/thread-service'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, newRouter, z } from '../openapi'

const query = z
  .object({
    phone: z.string().min(3).max(40).optional().openapi({ example: '+5511999990000' }),
    contact_id: z.string().uuid().optional(),
    limit: z.coerce.number().int().min(1).max(THREAD_PAGE_MAX).default(THREAD_PAGE_DEFAULT),
    cursor: z.string().max(200).optional(),
  })
  .refine((q) => Boolean(q.phone) !== Boolean(q.contact_id), {
    message: 'give exactly one of phone or contact_id',
  })

const route = createRoute({
  method: 'get',
  path: '/api/v1/thread',
  tags: ['thread'],
  summary: "A person's WhatsApp thread, tags and 24 h window",
  security: bearerSecurity,
  request: { query },
  responses: {
    200: { description: 'Thread view', content: { 'application/json': { schema: threadViewSchema } } },
    ...commonErrors,
  },
})

export function threadRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(route, async (c) => {
    const q = c.req.valid('query')
    let lookup: { phone: string } | { contactId: string }
    if (q.phone) {
      const phone = toE164(q.phone)
      if (!phone)
        throw new ApiError(
          'validation_failed',
          `phone "${q.phone}" is not a valid E.164 number (e.g. +5511999990000).`,
        )
      lookup = { phone }
    } else {
      lookup = { contactId: q.contact_id as string }
    }
    const view = await getThread(deps.db, c.get('auth').workspaceId, lookup, {
      limit: q.limit,
      cursor: q.cursor,
    })
    // The contract is checked on the way out too: a drift is our bug and must not reach a card.
    return c.json(threadViewSchema.parse(view), 200)
  })
  return app
}
