import { createRoute } from '@hono/zod-openapi'
import { tagViewSchema } from '@scrm/shared'
import { addContactTag, removeContactTag } from '../../contacts/contact-tags'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, errorResponse, newRouter, z } from '../openapi'

const tagKey = z.string().regex(/^[a-z0-9_-]{1,64}$/, 'lower-case letters, digits, _ and -')
const tagsResponse = {
  200: {
    description: 'The contact’s tags',
    content: { 'application/json': { schema: z.object({ tags: z.array(tagViewSchema) }) } },
  },
}

export function contactTagRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/contacts/{id}/tags',
      tags: ['contacts'],
      summary: 'Tag a contact (the tag is created on first use)',
      security: bearerSecurity,
      request: {
        params: z.object({ id: z.string().uuid() }),
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({ key: tagKey, label: z.string().trim().min(1).max(80).optional() }).strict(),
            },
          },
        },
      },
      responses: { ...tagsResponse, ...commonErrors, 404: errorResponse('No such contact') },
    }),
    async (c) => {
      const auth = c.get('auth')
      const tags = await addContactTag(
        deps.db,
        auth.workspaceId,
        c.req.valid('param').id,
        c.req.valid('json'),
        `${auth.scope}:${auth.keyId}`,
      )
      return c.json({ tags }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/contacts/{id}/tags/{key}',
      tags: ['contacts'],
      summary: 'Remove a tag from a contact',
      security: bearerSecurity,
      request: { params: z.object({ id: z.string().uuid(), key: tagKey }) },
      responses: { ...tagsResponse, ...commonErrors, 404: errorResponse('No such contact') },
    }),
    async (c) => {
      const { id, key } = c.req.valid('param')
      return c.json({ tags: await removeContactTag(deps.db, c.get('auth').workspaceId, id, key) }, 200)
    },
  )
  return app
}
