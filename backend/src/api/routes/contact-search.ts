import { createRoute } from '@hono/zod-openapi'
import { searchContacts } from '../../contacts/contact-search'
import type { AppDeps } from '../app-env'
import { ApiError } from '../errors'
import { bearerSecurity, commonErrors, newRouter, z } from '../openapi'

const contactSummary = z.object({
  id: z.string().uuid(),
  name: z.string().nullable(),
  profile_name: z.string().nullable(),
  phone_e164: z.string().nullable(),
  language: z.string().nullable(),
})

const encodeCursor = (after: { name: string; id: string }) =>
  Buffer.from(JSON.stringify([after.name, after.id]), 'utf8').toString('base64url')
function decodeCursor(cursor: string): { name: string; id: string } {
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[]
    if (typeof name === 'string' && typeof id === 'string' && z.string().uuid().safeParse(id).success)
      return { name, id }
  } catch {
    // Falls through to the refusal: only cursors this API returned decode.
  }
  throw new ApiError('validation_failed', 'cursor is not one this API returned.')
}

/** Admin: find contacts by phone prefix or name, e.g. to preview a quick reply for one of them. */
export function contactSearchRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/contacts',
      tags: ['contacts'],
      summary:
        'Search contacts by phone (E.164 or its leading digits) and/or name (part of the name or WhatsApp profile name), by name',
      security: bearerSecurity,
      request: {
        query: z.object({
          phone: z
            .string()
            .max(40)
            .regex(/^\+?[\d\s().-]*\d[\d\s().-]*$/, { message: 'digits of an E.164 number, e.g. +5511' })
            .optional(),
          name: z.string().trim().min(1).max(120).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          cursor: z.string().min(1).max(400).optional(),
        }),
      },
      responses: {
        200: {
          description: 'Contacts ordered by name, a page at a time',
          content: {
            'application/json': {
              schema: z.object({ contacts: z.array(contactSummary), next_cursor: z.string().nullable() }),
            },
          },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const auth = c.get('auth')
      // A card acts for one CRM record; listing the whole address book is for admins.
      if (auth.scope === 'card')
        throw new ApiError('forbidden', 'Cards cannot search contacts; use an admin API key.')
      const query = c.req.valid('query')
      const page = await searchContacts(deps.db, auth.workspaceId, {
        phoneDigits: query.phone?.replace(/\D/g, ''),
        name: query.name,
        limit: query.limit,
        after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
      })
      return c.json(
        {
          contacts: page.contacts,
          next_cursor: page.next === null ? null : encodeCursor(page.next),
        },
        200,
      )
    },
  )
  return app
}
