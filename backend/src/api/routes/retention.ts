import { createRoute } from '@hono/zod-openapi'
import { desc, eq } from 'drizzle-orm'
import { type LegalHold, messageArchives } from '../../db/schema'
import { liftHold, listHolds, placeHold } from '../../lifecycle/retention/legal-holds'
import { restoreArchiveMonth } from '../../lifecycle/retention/restore-archive'
import { retentionOf, retentionSettingsSchema } from '../../lifecycle/retention/retention-settings'
import type { AppDeps, AuthContext } from '../app-env'
import { crmUserOf } from '../audit-trail'
import { requireAdmin } from '../auth'
import { ApiError } from '../errors'
import { bearerSecurity, commonErrors, errorResponse, newRouter, uuidParam, z } from '../openapi'
import { workspaceSettingsRoutes } from './workspace-settings-route'

const holdSchema = z.object({
  id: z.string().uuid(),
  /** Null for the workspace's own hold. */
  contact_id: z.string().uuid().nullable(),
  reason: z.string(),
  placed_by: z.string(),
  placed_at: z.string(),
  lifted_at: z.string().nullable(),
  lifted_by: z.string().nullable(),
  lift_reason: z.string().nullable(),
})

const reasonBody = {
  required: true,
  content: {
    'application/json': {
      schema: z.object({
        reason: z
          .string()
          .trim()
          .min(3)
          .max(500)
          .openapi({ description: 'Why (a matter, a request): kept with the hold, shown to admins.' }),
      }),
    },
  },
}

const holdResponses = {
  200: { description: 'The hold', content: { 'application/json': { schema: holdSchema } } },
  ...commonErrors,
  404: errorResponse('No such contact, or no hold in force'),
}

const contactHoldPut = createRoute({
  method: 'put',
  path: '/api/v1/contacts/{id}/legal-hold',
  tags: ['retention'],
  summary: "Place a legal hold on a person's history",
  description:
    'While the hold is in force, retention neither archives nor removes the person’s messages. Placing a hold where one is in force answers that hold. Admin keys only; audited.',
  security: bearerSecurity,
  request: { params: uuidParam, body: reasonBody },
  responses: holdResponses,
})
const contactHoldDelete = createRoute({
  method: 'delete',
  path: '/api/v1/contacts/{id}/legal-hold',
  tags: ['retention'],
  summary: "Lift the legal hold on a person's history",
  description: 'The hold stays listed with who lifted it and why. Admin keys only; audited.',
  security: bearerSecurity,
  request: { params: uuidParam, body: reasonBody },
  responses: holdResponses,
})
const workspaceHoldPut = createRoute({
  method: 'put',
  path: '/api/v1/legal-holds/workspace',
  tags: ['retention'],
  summary: "Place a legal hold on the whole workspace's history",
  description: 'While it is in force retention archives nothing in the workspace. Admin keys only; audited.',
  security: bearerSecurity,
  request: { body: reasonBody },
  responses: holdResponses,
})
const workspaceHoldDelete = createRoute({
  method: 'delete',
  path: '/api/v1/legal-holds/workspace',
  tags: ['retention'],
  summary: "Lift the workspace's legal hold",
  security: bearerSecurity,
  request: { body: reasonBody },
  responses: holdResponses,
})
const holdList = createRoute({
  method: 'get',
  path: '/api/v1/legal-holds',
  tags: ['retention'],
  summary: 'Legal holds of the workspace, in force and lifted, newest first',
  security: bearerSecurity,
  responses: {
    200: {
      description: 'Holds',
      content: { 'application/json': { schema: z.object({ holds: z.array(holdSchema) }) } },
    },
    ...commonErrors,
  },
})

const monthParam = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'a month as YYYY-MM' })
    .openapi({ param: { name: 'month', in: 'path' }, example: '2025-11' }),
})

const archiveSchema = z.object({
  month: z.string(),
  messages: z.number().int(),
  row_counts: z.record(z.string(), z.number().int()),
  media_files: z.number().int(),
  codec: z.string(),
  raw_bytes: z.number().int(),
  compressed_bytes: z.number().int(),
  sha256: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  restored_at: z.string().nullable(),
})

const archiveList = createRoute({
  method: 'get',
  path: '/api/v1/archives',
  tags: ['retention'],
  summary: "The workspace's monthly archive files of history past retention, newest month first",
  security: bearerSecurity,
  responses: {
    200: {
      description: 'Archives',
      content: { 'application/json': { schema: z.object({ archives: z.array(archiveSchema) }) } },
    },
    ...commonErrors,
  },
})

const restoreSchema = z.object({
  month: z.string(),
  restored: z.record(z.string(), z.number().int()),
  skipped: z.number().int(),
  media_files: z.number().int(),
  duration_ms: z.number().int(),
})

const archiveRestore = createRoute({
  method: 'post',
  path: '/api/v1/archives/{month}/restore',
  tags: ['retention'],
  summary: "Put a month's archived messages back into the threads",
  description:
    'Rows come back with their ids and values, media files to their links; rows already present are left alone, rows whose contact or channel is gone are counted as skipped. The month then stays in the hot tables for 30 days before the daily job archives it again. Runs in batches and answers when done. Admin keys only; audited.',
  security: bearerSecurity,
  request: { params: monthParam },
  responses: {
    200: { description: 'What was restored', content: { 'application/json': { schema: restoreSchema } } },
    ...commonErrors,
    404: errorResponse('No archive of this workspace for that month'),
  },
})

function actorOf(auth: AuthContext, crmUser: string | null): string {
  return `${auth.scope}:${auth.keyId}${crmUser ? ` for ${crmUser}` : ''}`
}

function holdView(h: LegalHold) {
  return {
    id: h.id,
    contact_id: h.contactId,
    reason: h.reason,
    placed_by: h.placedBy,
    placed_at: h.placedAt.toISOString(),
    lifted_at: h.liftedAt?.toISOString() ?? null,
    lifted_by: h.liftedBy,
    lift_reason: h.liftReason,
  }
}

/** Retention settings, legal holds and the monthly archives (README "Retention and archives"). */
export function retentionRoutes(deps: AppDeps) {
  const app = newRouter()
  app.route(
    '/',
    workspaceSettingsRoutes(deps, {
      path: '/api/v1/settings/retention',
      key: 'retention',
      schema: retentionSettingsSchema,
      read: retentionOf,
      description: 'Retention settings',
      getSummary: 'Days messages stay in the threads before the daily job archives them (default 365)',
      putSummary: 'Change the retention (180 to 3650 days); an omitted value returns to 365',
    }),
  )
  const hold = async (
    auth: AuthContext,
    call: { contactId: string | null; reason: string; crmUser: string | null; lift: boolean },
  ) => {
    requireAdmin(auth.scope)
    const request = {
      workspaceId: auth.workspaceId,
      contactId: call.contactId,
      reason: call.reason,
      by: actorOf(auth, call.crmUser),
    }
    const row = call.lift ? await liftHold(deps.db, request) : (await placeHold(deps.db, request)).hold
    return holdSchema.parse(holdView(row))
  }
  const crmUser = (query: (name: string) => string | undefined) => crmUserOf(query)
  app.openapi(contactHoldPut, async (c) =>
    c.json(
      await hold(c.get('auth'), {
        contactId: c.req.valid('param').id,
        reason: c.req.valid('json').reason,
        crmUser: crmUser((n) => c.req.query(n)),
        lift: false,
      }),
      200,
    ),
  )
  app.openapi(contactHoldDelete, async (c) =>
    c.json(
      await hold(c.get('auth'), {
        contactId: c.req.valid('param').id,
        reason: c.req.valid('json').reason,
        crmUser: crmUser((n) => c.req.query(n)),
        lift: true,
      }),
      200,
    ),
  )
  app.openapi(workspaceHoldPut, async (c) =>
    c.json(
      await hold(c.get('auth'), {
        contactId: null,
        reason: c.req.valid('json').reason,
        crmUser: crmUser((n) => c.req.query(n)),
        lift: false,
      }),
      200,
    ),
  )
  app.openapi(workspaceHoldDelete, async (c) =>
    c.json(
      await hold(c.get('auth'), {
        contactId: null,
        reason: c.req.valid('json').reason,
        crmUser: crmUser((n) => c.req.query(n)),
        lift: true,
      }),
      200,
    ),
  )
  app.openapi(holdList, async (c) => {
    const auth = c.get('auth')
    requireAdmin(auth.scope)
    const holds = await listHolds(deps.db, auth.workspaceId)
    return c.json({ holds: holds.map(holdView) }, 200)
  })
  app.openapi(archiveList, async (c) => {
    const auth = c.get('auth')
    requireAdmin(auth.scope)
    const rows = await deps.db
      .select()
      .from(messageArchives)
      .where(eq(messageArchives.workspaceId, auth.workspaceId))
      .orderBy(desc(messageArchives.month))
    return c.json(
      {
        archives: rows.map((a) => ({
          month: a.month,
          messages: a.messages,
          row_counts: a.rowCounts,
          media_files: a.mediaFiles,
          codec: a.codec,
          raw_bytes: a.rawBytes,
          compressed_bytes: a.compressedBytes,
          sha256: a.sha256,
          created_at: a.createdAt.toISOString(),
          updated_at: a.updatedAt.toISOString(),
          restored_at: a.restoredAt?.toISOString() ?? null,
        })),
      },
      200,
    )
  })
  app.openapi(archiveRestore, async (c) => {
    const auth = c.get('auth')
    requireAdmin(auth.scope)
    if (!deps.media) throw new ApiError('not_configured', 'Media storage is not configured in this process.')
    const result = await restoreArchiveMonth(deps.db, deps.media.storage, {
      workspaceId: auth.workspaceId,
      month: c.req.valid('param').month,
    })
    return c.json(
      {
        month: result.month,
        restored: result.restored,
        skipped: result.skipped,
        media_files: result.mediaFiles,
        duration_ms: result.durationMs,
      },
      200,
    )
  })
  return app
}
