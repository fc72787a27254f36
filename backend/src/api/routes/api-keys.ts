import { createRoute } from '@hono/zod-openapi'
import { createApiKey, type KeyActor, listApiKeys, revokeApiKey } from '../../workspaces/api-keys'
import type { AppDeps, AppEnv } from '../app-env'
import { requireAdmin } from '../auth'
import { bearerSecurity, commonErrors, errorResponse, newRouter, uuidParam, z } from '../openapi'

const apiKeySchema = z
  .object({
    id: z.string().uuid(),
    scope: z.enum(['admin', 'platform']),
    workspace_id: z.string().uuid(),
    label: z.string(),
    from_config: z.boolean().openapi({ description: 'Seeded from ADMIN_API_KEY; replaced when it changes' }),
    created_at: z.string(),
    last_used_at: z.string().nullable().openapi({ description: 'To the minute' }),
    revoked_at: z.string().nullable(),
    current: z.boolean().openapi({ description: 'The key making this request' }),
  })
  .openapi('ApiKey')

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** A label a person reads in a list: printable, well-formed text. */
const labelSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine(
    (s) => !/\p{Cc}/u.test(s) && !LONE_SURROGATE.test(s),
    'must be printable text without control characters',
  )

const list = createRoute({
  method: 'get',
  path: '/api/v1/api-keys',
  tags: ['api keys'],
  summary:
    'API keys: the platform key sees every key, a workspace admin key its workspace’s admin keys (never secrets)',
  security: bearerSecurity,
  request: { query: z.object({ workspace_id: z.string().uuid().optional() }) },
  responses: {
    200: {
      description: 'Keys, oldest first, revoked ones included',
      content: { 'application/json': { schema: z.object({ api_keys: z.array(apiKeySchema) }) } },
    },
    ...commonErrors,
    404: errorResponse('No such workspace'),
  },
})

const create = createRoute({
  method: 'post',
  path: '/api/v1/api-keys',
  tags: ['api keys'],
  summary:
    'Create a key for a workspace (its own for an admin key; any, or a platform key, for the platform key)',
  security: bearerSecurity,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              label: labelSchema,
              scope: z.enum(['admin', 'platform']).default('admin'),
              workspace_id: z.string().uuid().optional(),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    201: {
      description: 'Created; `api_key` is the secret, shown this once',
      content: { 'application/json': { schema: apiKeySchema.extend({ api_key: z.string() }) } },
    },
    ...commonErrors,
    404: errorResponse('No such workspace'),
  },
})

const revoke = createRoute({
  method: 'delete',
  path: '/api/v1/api-keys/{id}',
  tags: ['api keys'],
  summary:
    'Revoke a key for good; the last platform key, or a workspace’s last admin key revoking itself, is refused',
  security: bearerSecurity,
  request: { params: uuidParam },
  responses: {
    200: {
      description: 'Revoked (revoking again answers the same)',
      content: { 'application/json': { schema: apiKeySchema } },
    },
    ...commonErrors,
    404: errorResponse('No such API key'),
    409: errorResponse('Revoking it would lock the platform or the workspace out'),
  },
})

/** Only API keys manage keys: a card acts for a rep, not an administrator. */
function actorOf(auth: AppEnv['Variables']['auth']): KeyActor {
  requireAdmin(auth.scope)
  return {
    workspaceId: auth.workspaceId,
    keyId: auth.keyId,
    scope: auth.scope === 'platform' ? 'platform' : 'admin',
  }
}

export function apiKeyRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(list, async (c) => {
    const keys = await listApiKeys(deps.db, actorOf(c.get('auth')), {
      workspaceId: c.req.valid('query').workspace_id,
    })
    return c.json({ api_keys: keys }, 200)
  })
  app.openapi(create, async (c) => {
    const body = c.req.valid('json')
    const { key, secret } = await createApiKey(deps.db, actorOf(c.get('auth')), {
      label: body.label,
      scope: body.scope,
      workspaceId: body.workspace_id,
    })
    return c.json({ ...key, api_key: secret }, 201)
  })
  app.openapi(revoke, async (c) => {
    return c.json(await revokeApiKey(deps.db, actorOf(c.get('auth')), c.req.valid('param').id), 200)
  })
  return app
}
