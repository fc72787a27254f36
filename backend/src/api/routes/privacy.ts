import { createRoute } from '@hono/zod-openapi'
import { queueRecordErasures } from '../../crm/sync/erasure-queue'
import { eraseContact } from '../../lifecycle/erase-contact'
import { exportContact } from '../../lifecycle/export-contact'
import type { AppDeps } from '../app-env'
import { auditActor, crmUserOf } from '../audit-trail'
import { requireAdmin } from '../auth'
import { ApiError } from '../errors'
import { bearerSecurity, commonErrors, errorResponse, newRouter, uuidParam, z } from '../openapi'

const exportRoute = createRoute({
  method: 'get',
  path: '/api/v1/contacts/{id}/export',
  tags: ['privacy'],
  summary: "A person's data for an access request (zip)",
  description:
    'A zip with `data.json` (profile, consents, tags, CRM links, every message) , `transcript.html` (a readable, escaped transcript) and `media/` (the files we kept). Admin keys only; audited as `contact.export`.',
  security: bearerSecurity,
  request: { params: uuidParam },
  responses: {
    200: {
      description: 'The zip',
      content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...commonErrors,
    404: errorResponse('No such contact'),
  },
})

const erasureSchema = z.object({
  erasure_id: z.string().uuid(),
  contact_id: z.string().uuid(),
  removed: z.record(z.string(), z.number().int()),
  media_files_removed: z.number().int(),
  tombstones: z.number().int(),
  crm_records: z.array(
    z.object({
      connection_id: z.string(),
      object_type: z.string(),
      record_id: z.string(),
      action: z.enum(['delete', 'mark']).openapi({
        description:
          '`delete`: our sync created the record, it is deleted (HubSpot: GDPR delete). `mark`: the CRM had it before us; it stays, our fields are emptied, our notes/communications/tasks on it removed, and it is flagged for the CRM’s own privacy deletion.',
      }),
    }),
  ),
})

const eraseRoute = createRoute({
  method: 'post',
  path: '/api/v1/contacts/{id}/erase',
  tags: ['privacy'],
  summary: 'Erase a person everywhere (right to erasure)',
  description:
    'Deletes the contact, their messages and media, and every row that holds their number, WhatsApp ids or words (raw deliveries included); keeps an anonymous tombstone per message so redeliveries stay erased. The CRM records linked to the person are listed with what happens to each (`delete` a record our sync created, `mark` one the CRM had); the CRM calls run afterwards in the background sync (`GET /api/v1/erasures/{id}`). Refused with 409 while a legal hold is in force on the person or the workspace. Irreversible; admin keys only; audited as `contact.erase`.',
  security: bearerSecurity,
  request: {
    params: uuidParam,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ confirm: z.literal('erase').openapi({ description: 'Must be "erase".' }) }),
        },
      },
    },
  },
  responses: {
    200: { description: 'What was erased', content: { 'application/json': { schema: erasureSchema } } },
    ...commonErrors,
    404: errorResponse('No such contact'),
    409: errorResponse('A legal hold is in force on the person or the workspace'),
  },
})

export function privacyRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(exportRoute, async (c) => {
    const auth = c.get('auth')
    requireAdmin(auth.scope)
    if (!deps.media) throw new ApiError('not_configured', 'Media storage is not configured in this process.')
    const out = await exportContact(deps.db, deps.media.storage, {
      workspaceId: auth.workspaceId,
      contactId: c.req.valid('param').id,
      actor: {
        ...auditActor(
          auth,
          crmUserOf((n) => c.req.query(n)),
        ),
        requestId: c.get('requestId') ?? null,
      },
    })
    return c.body(out.zip as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${out.filename}"`,
      'cache-control': 'no-store',
    }) as never
  })
  app.openapi(eraseRoute, async (c) => {
    const auth = c.get('auth')
    requireAdmin(auth.scope)
    if (!deps.media) throw new ApiError('not_configured', 'Media storage is not configured in this process.')
    const result = await eraseContact(
      deps.db,
      deps.media.storage,
      {
        workspaceId: auth.workspaceId,
        contactId: c.req.valid('param').id,
        actor: {
          ...auditActor(
            auth,
            crmUserOf((n) => c.req.query(n)),
          ),
          requestId: c.get('requestId') ?? null,
        },
      },
      queueRecordErasures,
    )
    return c.json(
      erasureSchema.parse({
        erasure_id: result.erasureId,
        contact_id: result.contactId,
        removed: result.removed,
        media_files_removed: result.mediaFilesRemoved,
        tombstones: result.tombstones,
        crm_records: result.crmRecords.map((r) => ({
          connection_id: r.connectionId,
          object_type: r.objectType,
          record_id: r.recordId,
          action: r.action,
        })),
      }),
      200,
    )
  })
  return app
}
