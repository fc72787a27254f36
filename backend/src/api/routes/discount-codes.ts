import { createRoute } from '@hono/zod-openapi'
import {
  deleteFreeCode,
  deletePool,
  listDiscountCodes,
  listDiscountPools,
  loadDiscountCodes,
} from '../../automation/jobs/discount-pools'
import type { AppDeps } from '../app-env'
import { ApiError } from '../errors'
import { bearerSecurity, commonErrors, errorResponse, newRouter, okSchema, z } from '../openapi'

/** Same form as a rule action's `pool`, so every loaded pool can be named in a rule. */
const poolName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9_.-]+$/, { message: 'use lowercase letters, digits, _ . -' })
/** What a shop system prints: visible ASCII, no spaces (it is pasted into a chat as is). */
const codeSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\x21-\x7E]+$/, { message: 'use visible ASCII characters without spaces' })

const countsSchema = z.object({
  pool: z.string(),
  total: z.number().int(),
  free: z.number().int(),
  assigned: z.number().int(),
})

const MAX_CODES_PER_CALL = 10_000

const load = createRoute({
  method: 'post',
  path: '/api/v1/discount-pools/{pool}/codes',
  tags: ['automation'],
  summary: `Load discount codes into a pool (up to ${MAX_CODES_PER_CALL} per call; repeats are stored once)`,
  security: bearerSecurity,
  request: {
    params: z.object({ pool: poolName }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ codes: z.array(codeSchema).min(1).max(MAX_CODES_PER_CALL) }).strict(),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'What was added and the pool now',
      content: {
        'application/json': {
          schema: countsSchema.extend({
            received: z.number().int(),
            added: z.number().int(),
            duplicates: z.number().int(),
          }),
        },
      },
    },
    ...commonErrors,
  },
})

const pools = createRoute({
  method: 'get',
  path: '/api/v1/discount-pools',
  tags: ['automation'],
  summary: 'Discount pools with how many codes are left',
  security: bearerSecurity,
  responses: {
    200: {
      description: 'Pools',
      content: { 'application/json': { schema: z.object({ pools: z.array(countsSchema) }) } },
    },
    ...commonErrors,
  },
})

const codes = createRoute({
  method: 'get',
  path: '/api/v1/discount-pools/{pool}/codes',
  tags: ['automation'],
  summary: "A pool's codes and who got them",
  security: bearerSecurity,
  request: {
    params: z.object({ pool: poolName }),
    query: z.object({
      assigned: z.enum(['true', 'false']).optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      cursor: z.string().min(1).max(200).optional(),
    }),
  },
  responses: {
    200: {
      description: 'Codes in code order',
      content: {
        'application/json': {
          schema: z.object({
            codes: z.array(
              z.object({
                code: z.string(),
                contact_id: z.string().nullable(),
                assigned_at: z.string().nullable(),
                created_at: z.string(),
              }),
            ),
            next_cursor: z.string().nullable(),
          }),
        },
      },
    },
    ...commonErrors,
  },
})

const remove = createRoute({
  method: 'delete',
  path: '/api/v1/discount-pools/{pool}/codes/{code}',
  tags: ['automation'],
  summary: 'Remove a code nobody got yet',
  security: bearerSecurity,
  request: { params: z.object({ pool: poolName, code: codeSchema }) },
  responses: {
    200: { description: 'Removed', content: { 'application/json': { schema: okSchema } } },
    ...commonErrors,
    404: errorResponse('No such code in the pool'),
    409: errorResponse('The code was already given to a contact'),
  },
})

const removePool = createRoute({
  method: 'delete',
  path: '/api/v1/discount-pools/{pool}',
  tags: ['automation'],
  summary: 'Remove a pool and all its codes (refused while a rule hands out codes from it)',
  security: bearerSecurity,
  request: { params: z.object({ pool: poolName }) },
  responses: {
    200: {
      description: 'Removed',
      content: { 'application/json': { schema: z.object({ removed: z.number().int() }) } },
    },
    ...commonErrors,
    404: errorResponse('No such pool in this workspace'),
    409: errorResponse('A rule hands out codes from this pool; the message names the rules'),
  },
})

const encodeCursor = (code: string) => Buffer.from(code, 'utf8').toString('base64url')
function decodeCursor(cursor: string): string {
  const code = Buffer.from(cursor, 'base64url').toString('utf8')
  if (!codeSchema.safeParse(code).success)
    throw new ApiError('validation_failed', 'cursor is not one this API returned.')
  return code
}

/** Admin: the discount codes rules hand out (`send_discount_code`), one per contact per pool. */
export function discountCodeRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(load, async (c) => {
    const { pool } = c.req.valid('param')
    const loaded = await loadDiscountCodes(
      deps.db,
      c.get('auth').workspaceId,
      pool,
      c.req.valid('json').codes,
    )
    return c.json(loaded, 200)
  })
  app.openapi(pools, async (c) => {
    return c.json({ pools: await listDiscountPools(deps.db, c.get('auth').workspaceId) }, 200)
  })
  app.openapi(codes, async (c) => {
    const { pool } = c.req.valid('param')
    const query = c.req.valid('query')
    const page = await listDiscountCodes(deps.db, c.get('auth').workspaceId, pool, {
      assigned: query.assigned === undefined ? undefined : query.assigned === 'true',
      limit: query.limit,
      after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
    })
    return c.json(
      { codes: page.codes, next_cursor: page.next === null ? null : encodeCursor(page.next) },
      200,
    )
  })
  app.openapi(remove, async (c) => {
    const { pool, code } = c.req.valid('param')
    await deleteFreeCode(deps.db, c.get('auth').workspaceId, pool, code)
    return c.json({ ok: true as const }, 200)
  })
  app.openapi(removePool, async (c) => {
    const removed = await deletePool(deps.db, c.get('auth').workspaceId, c.req.valid('param').pool)
    return c.json({ removed }, 200)
  })
  return app
}
