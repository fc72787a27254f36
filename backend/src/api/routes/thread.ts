import { createRoute } from '@hono/zod-openapi'
import { THREAD_PAGE_DEFAULT, THREAD_PAGE_MAX, threadViewSchema, toE164 } from '@scrm/shared'
import { contactForRecord } from '../../crm/record-links'
import { withMediaLinks } from '../../media/media-links'
import { getThread } from '../../threads/thread-service'
import type { AppDeps } from '../app-env'
import { ApiError } from '../errors'
import { bearerSecurity, commonErrors, newRouter, z } from '../openapi'

const query = z
  .object({
    phone: z.string().min(3).max(40).optional().openapi({ example: '+5511999990000' }),
    contact_id: z.string().uuid().optional(),
    /** A CRM record (signed card calls): the record's phone, if given, links it on first view. */
    crm: z.string().min(1).max(40).optional(),
    record_id: z.string().min(1).max(64).optional(),
    portal_id: z.string().max(32).optional(),
    limit: z.coerce.number().int().min(1).max(THREAD_PAGE_MAX).default(THREAD_PAGE_DEFAULT),
    cursor: z.string().max(200).optional(),
  })
  .refine(
    (q) => (q.crm ? Boolean(q.record_id) && !q.contact_id : Boolean(q.phone) !== Boolean(q.contact_id)),
    {
      message: 'give exactly one of phone or contact_id, or crm with record_id',
    },
  )

const EMPTY_THREAD = {
  contact: null,
  tags: [],
  window: { state: 'closed', open_until: null },
  messages: [],
  next_cursor: null,
}

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

/**
 * `?phone=+5511…` typed into a URL arrives as " 5511…": query strings decode "+" as a space. A
 * phone number never starts with a space, so one followed by a digit was the "+".
 */
const restoredPlus = (phone: string) => (/^ \d/.test(phone) ? `+${phone.slice(1)}` : phone)

export function threadRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(route, async (c) => {
    const q = c.req.valid('query')
    const auth = c.get('auth')
    let lookup: { phone: string } | { contactId: string }
    if (q.crm) {
      if (!auth.crm || auth.crm.provider !== q.crm) {
        throw new ApiError('forbidden', `Record lookups need a signed ${q.crm} card request.`)
      }
      const contactId = await contactForRecord(
        deps.db,
        {
          workspaceId: auth.workspaceId,
          connectionId: auth.crm.connectionId,
          objectType: 'contact',
          recordId: q.record_id as string,
        },
        q.phone,
      )
      if (!contactId) return c.json(threadViewSchema.parse(EMPTY_THREAD), 200)
      lookup = { contactId }
    } else if (q.phone) {
      const phone = toE164(restoredPlus(q.phone))
      if (!phone)
        throw new ApiError(
          'validation_failed',
          `phone "${q.phone}" is not a valid E.164 number (e.g. +5511999990000).`,
        )
      lookup = { phone }
    } else {
      lookup = { contactId: q.contact_id as string }
    }
    const thread = await getThread(deps.db, auth.workspaceId, lookup, {
      limit: q.limit,
      cursor: q.cursor,
    })
    const view = deps.media
      ? await withMediaLinks(
          deps.db,
          deps.media.signer,
          deps.config.PUBLIC_URL ?? new URL(c.req.url).origin,
          thread,
        )
      : thread
    // The contract is checked on the way out too: a drift is our bug and must not reach a card.
    return c.json(threadViewSchema.parse(view), 200)
  })
  return app
}
