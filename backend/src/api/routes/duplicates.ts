import { createRoute } from '@hono/zod-openapi'
import {
  dismissCandidate,
  listDuplicates,
  listMerges,
  mergeCandidate,
  scanDuplicates,
  undoMerge,
} from '../../contacts/dedup/duplicates-service'
import { MERGE_FIELDS } from '../../contacts/dedup/merge-contacts'
import { reportMergeToCrms } from '../../crm/merge-review-items'
import type { ContactMerge } from '../../db/schema'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, errorResponse, newRouter, uuidParam, z } from '../openapi'

const reasonSchema = z.object({
  code: z.string().openapi({ example: 'same_phone' }),
  detail: z.string().openapi({ example: '+85291234567' }),
  weight: z.number(),
})
const sideSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  profile_name: z.string().nullable(),
  phone: z.string().nullable(),
  bsuid: z.string().nullable(),
  email: z.string().nullable(),
  created_at: z.string(),
  last_inbound_at: z.string().nullable(),
  messages: z.number().int(),
})
const candidateSchema = z.object({
  id: z.string(),
  score: z.number(),
  state: z.enum(['open', 'merged', 'dismissed']),
  reasons: z.array(reasonSchema),
  contacts: z.tuple([sideSchema, sideSchema]),
  created_at: z.string(),
})
const mergeSchema = z.object({
  id: z.string(),
  survivor_id: z.string(),
  absorbed_id: z.string(),
  candidate_id: z.string().nullable(),
  origin: z.enum(['review', 'automatic']),
  actor: z.string().nullable(),
  created_at: z.string(),
  undone_at: z.string().nullable(),
  /** What moved, per table: how many rows moved, were set aside or combined. */
  moved: z.record(
    z.string(),
    z.object({ moved: z.number().int(), set_aside: z.number().int(), combined: z.number().int() }),
  ),
})
const mergeBody = z
  .object({
    survivor_id: z.string().uuid().optional(),
    /** Field → the id of the contact whose value is kept; unnamed fields take the newest non-empty value. */
    fields: z.partialRecord(z.enum(MERGE_FIELDS), z.string().uuid()).optional(),
  })
  .strict()

const toMergeView = (m: ContactMerge) => ({
  id: m.id,
  survivor_id: m.survivorId,
  absorbed_id: m.absorbedId,
  candidate_id: m.candidateId,
  origin: m.origin,
  actor: m.actor,
  created_at: m.createdAt.toISOString(),
  undone_at: m.undoneAt?.toISOString() ?? null,
  moved: Object.fromEntries(
    Object.entries(m.record.tables).map(([table, t]) => [
      table,
      { moved: t.moved.length, set_aside: t.setAside.length, combined: t.survivorBefore.length },
    ]),
  ),
})
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

export function duplicateRoutes(deps: AppDeps) {
  const app = newRouter()
  const actor = (auth: { scope: string; keyId: string }) => `${auth.scope}:${auth.keyId}`

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/duplicates',
      tags: ['contacts'],
      summary: 'Contacts that are probably one person, best first, with the reasons and both contacts',
      security: bearerSecurity,
      request: {
        query: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          min_score: z.coerce.number().min(0).max(1).optional(),
          contact_id: z.string().uuid().optional(),
        }),
      },
      responses: {
        200: json(z.object({ duplicates: z.array(candidateSchema) }), 'Open candidates'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const duplicates = await listDuplicates(deps.db, c.get('auth').workspaceId, {
        limit: q.limit,
        // Three decimals is all a score has; it also keeps subnormal floats out of SQL.
        minScore: q.min_score === undefined ? undefined : Math.round(q.min_score * 1000) / 1000,
        contactId: q.contact_id,
      })
      return c.json({ duplicates }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/duplicates/scan',
      tags: ['contacts'],
      summary:
        'Look for duplicates now (also done on a schedule); merges exact-identity pairs above the automatic score',
      security: bearerSecurity,
      responses: {
        200: json(
          z.object({
            contacts: z.number().int(),
            candidates: z.number().int(),
            pairs_compared: z.number().int(),
            auto_merged: z.number().int(),
          }),
          'What the scan found',
        ),
        ...commonErrors,
      },
    }),
    async (c) => {
      const r = await scanDuplicates(deps.db, c.get('auth').workspaceId, reportMergeToCrms)
      return c.json(
        {
          contacts: r.contacts,
          candidates: r.candidates,
          pairs_compared: r.pairsCompared,
          auto_merged: r.autoMerged,
        },
        200,
      )
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/duplicates/{id}/merge',
      tags: ['contacts'],
      summary: 'Merge the two contacts, keeping everything on the survivor; undoable',
      security: bearerSecurity,
      request: {
        params: uuidParam,
        body: { required: false, content: { 'application/json': { schema: mergeBody } } },
      },
      responses: {
        200: json(mergeSchema, 'The merge, with what it moved'),
        ...commonErrors,
        404: errorResponse('No such candidate or contact'),
        409: errorResponse('The candidate was already decided'),
      },
    }),
    async (c) => {
      const auth = c.get('auth')
      const body = c.req.valid('json') ?? {}
      const merge = await mergeCandidate(
        deps.db,
        auth.workspaceId,
        c.req.valid('param').id,
        { survivorId: body.survivor_id, fields: body.fields },
        actor(auth),
        'review',
        reportMergeToCrms,
      )
      return c.json(toMergeView(merge), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/duplicates/{id}/dismiss',
      tags: ['contacts'],
      summary: 'Not one person: never propose this pair again',
      security: bearerSecurity,
      request: { params: uuidParam },
      responses: {
        200: json(z.object({ id: z.string(), state: z.literal('dismissed') }), 'Dismissed'),
        ...commonErrors,
        404: errorResponse('No such candidate'),
        409: errorResponse('The candidate was already decided'),
      },
    }),
    async (c) => {
      const auth = c.get('auth')
      const row = await dismissCandidate(deps.db, auth.workspaceId, c.req.valid('param').id, actor(auth))
      return c.json({ id: row.id, state: 'dismissed' as const }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/merges',
      tags: ['contacts'],
      summary: 'Recent contact merges, newest first, to review or undo',
      security: bearerSecurity,
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) },
      responses: { 200: json(z.object({ merges: z.array(mergeSchema) }), 'Merges'), ...commonErrors },
    }),
    async (c) => {
      const merges = await listMerges(deps.db, c.get('auth').workspaceId, c.req.valid('query').limit)
      return c.json({ merges: merges.map(toMergeView) }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/merges/{id}/undo',
      tags: ['contacts'],
      summary: 'Put both contacts back as they were before the merge',
      security: bearerSecurity,
      request: { params: uuidParam },
      responses: {
        200: json(mergeSchema, 'The undone merge'),
        ...commonErrors,
        404: errorResponse('No such merge'),
        409: errorResponse('Already undone, or a later merge depends on it (named in the message)'),
      },
    }),
    async (c) => {
      const auth = c.get('auth')
      return c.json(
        toMergeView(
          await undoMerge(deps.db, auth.workspaceId, c.req.valid('param').id, actor(auth), reportMergeToCrms),
        ),
        200,
      )
    },
  )
  return app
}
