import { createRoute } from '@hono/zod-openapi'
import { connectionOf } from '../../crm/connection-scope'
import type { SyncAccuracySample } from '../../db/schema'
import { latestSamples } from '../../watchdogs/sync-accuracy-read'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, newRouter, uuidParam, z } from '../openapi'

const sampleView = z.object({
  day: z.string().openapi({ example: '2026-03-01' }),
  sampled_at: z.string(),
  records_sampled: z.number().int(),
  fields_compared: z.number().int(),
  fields_equal: z.number().int(),
  /** Percent of equal fields, two decimals; null when nothing could be compared. */
  accuracy: z.number().nullable(),
  /** Every difference counted; `differences` lists the first ones only. */
  differences_total: z.number().int(),
  differences: z.array(
    z.object({
      record_id: z.string(),
      field: z.string(),
      ours: z.string().nullable(),
      crm: z.string().nullable(),
    }),
  ),
})

const accuracyQuery = z.object({
  limit: z.coerce.number().int().min(1).max(90).default(7),
})

/** The daily sync-accuracy samples of a connection (watchdogs/sync-accuracy-job.ts). */
export function syncAccuracyRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/connections/{id}/sync/accuracy',
      tags: ['connections'],
      summary:
        'The latest daily samples of CRM records read back and compared with what the sync would write',
      security: bearerSecurity,
      request: { params: uuidParam, query: accuracyQuery },
      responses: {
        200: {
          description: 'Samples, newest first',
          content: {
            'application/json': {
              schema: z.object({ connection_id: z.string(), samples: z.array(sampleView) }),
            },
          },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const connection = await connectionOf(deps.db, c.get('auth').workspaceId, c.req.valid('param').id)
      const rows = await latestSamples(deps.db, connection.id, c.req.valid('query').limit)
      return c.json({ connection_id: connection.id, samples: rows.map(view) }, 200)
    },
  )
  return app
}

function view(s: SyncAccuracySample) {
  return {
    day: s.day,
    sampled_at: s.sampledAt.toISOString(),
    records_sampled: s.recordsSampled,
    fields_compared: s.fieldsCompared,
    fields_equal: s.fieldsEqual,
    accuracy: s.accuracy,
    differences_total: s.differencesTotal,
    differences: s.differences,
  }
}
