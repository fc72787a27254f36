import { createRoute } from '@hono/zod-openapi'
import { connectionOf } from '../../crm/connection-scope'
import { updateStorageSettings } from '../../crm/storage/storage-budget'
import type { KindUsage, StorageEstimate } from '../../crm/storage/storage-estimate'
import { previousMonth } from '../../crm/storage/storage-month'
import { storageProfileFor } from '../../crm/storage/storage-profile'
import { evaluateThinning, THINNING_STEPS } from '../../crm/storage/storage-thinning'
import type { CrmConnection } from '../../db/schema'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, errorResponse, newRouter, uuidParam, z } from '../openapi'

const kindView = z.object({
  /** Records the CRM created (updates of existing ones add none). */
  records_created: z.number().int(),
  writes: z.number().int(),
  /** UTF-8 bytes of the text we sent. */
  bytes: z.number().int(),
  /** The cost as the CRM counts it, in `unit`. */
  units: z.number().int(),
})

const estimateView = z
  .object({
    connection_id: z.string(),
    provider: z.string(),
    month: z.string().openapi({ example: '2026-12' }),
    time_zone: z.string().openapi({ example: 'America/Sao_Paulo' }),
    unit: z.enum(['bytes', 'records']),
    capacity: z
      .object({ value: z.number().int(), origin: z.enum(['admin', 'crm', 'default']), source: z.string() })
      .nullable(),
    budget_percent: z.number(),
    /** Per month, in `unit`; null while no capacity is known (then nothing is thinned). */
    budget: z.number().int().nullable(),
    this_month: z.object({
      used: z.number().int(),
      /** The whole month at the rate so far (at least one day counted as elapsed). */
      projected: z.number().int(),
      used_share: z.number().nullable(),
      projected_share: z.number().nullable(),
    }),
    last_month: z.object({ month: z.string(), used: z.number().int() }),
    kinds: z.object({
      records: kindView,
      message_logs: kindView.extend({ skipped: z.number().int() }),
      tasks: kindView,
      /** Always zero: media reach a CRM only as links inside the message logs, never as files. */
      files: kindView,
    }),
    thinning: z.object({
      active: z.boolean(),
      since: z.string().nullable(),
      steps: z.array(z.enum(THINNING_STEPS)),
    }),
  })
  .openapi('CrmStorageEstimate')

const settingsBody = z
  .object({
    /** The CRM's capacity in the estimate's `unit`; null goes back to the reported or default one. */
    capacity: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
    /** The monthly budget in percent of the capacity; null goes back to CRM_STORAGE_BUDGET_PERCENT. */
    budget_percent: z.number().min(0.01).max(100).nullable().optional(),
  })
  .strict()

/** What the sync adds to each CRM per month against its storage budget, and the budget's settings. */
export function crmStorageRoutes(deps: AppDeps) {
  const app = newRouter()
  const defaultBp = Math.round(deps.config.CRM_STORAGE_BUDGET_PERCENT * 100)
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/connections/{id}/storage',
      tags: ['connections'],
      summary:
        'What the sync adds to this CRM this month (so far, projected, last month) against its storage budget, per kind, and whether it writes thinned',
      security: bearerSecurity,
      request: { params: uuidParam },
      responses: {
        200: {
          description: 'The storage estimate',
          content: { 'application/json': { schema: estimateView } },
        },
        ...commonErrors,
        404: errorResponse('No such connection in this workspace'),
      },
    }),
    async (c) => {
      const connection = await connectionOf(deps.db, c.get('auth').workspaceId, c.req.valid('param').id)
      const profile = storageProfileFor(deps.crm, connection)
      // Evaluated as the sync does, so the state shown is today's even when no message was
      // written since the month turned (the switch is idempotent; its alert is once a month).
      const { estimate } = await evaluateThinning(deps.db, connection, profile, defaultBp)
      return c.json(view(connection, estimate), 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/connections/{id}/storage',
      tags: ['connections'],
      summary:
        "Set the CRM's storage capacity (overriding the reported or default one) and the monthly budget's percentage; thinning follows at once",
      security: bearerSecurity,
      request: {
        params: uuidParam,
        body: { required: true, content: { 'application/json': { schema: settingsBody } } },
      },
      responses: {
        200: {
          description: 'The estimate under the new settings',
          content: { 'application/json': { schema: estimateView } },
        },
        ...commonErrors,
        404: errorResponse('No such connection in this workspace'),
      },
    }),
    async (c) => {
      const connection = await connectionOf(deps.db, c.get('auth').workspaceId, c.req.valid('param').id)
      await updateStorageSettings(deps.db, connection, c.req.valid('json'))
      const profile = storageProfileFor(deps.crm, connection)
      const { estimate } = await evaluateThinning(deps.db, connection, profile, defaultBp)
      return c.json(view(connection, estimate), 200)
    },
  )
  return app
}

const kind = (k: KindUsage) => ({
  records_created: k.records_created,
  writes: k.writes,
  bytes: k.bytes,
  units: k.units,
})

function view(connection: CrmConnection, e: StorageEstimate): z.infer<typeof estimateView> {
  return {
    connection_id: connection.id,
    provider: connection.provider,
    month: e.month,
    time_zone: e.time_zone,
    unit: e.unit,
    capacity: e.capacity,
    budget_percent: e.budget_basis_points / 100,
    budget: e.budget,
    this_month: {
      used: e.used,
      projected: e.projected,
      used_share: e.used_share,
      projected_share: e.projected_share,
    },
    last_month: { month: previousMonth(e.month), used: e.last_month },
    kinds: {
      records: kind(e.kinds.contact),
      message_logs: { ...kind(e.kinds.message), skipped: e.kinds.message.skipped },
      tasks: kind(e.kinds.task),
      files: { records_created: 0, writes: 0, bytes: 0, units: 0 },
    },
    thinning: {
      active: e.thinning_since !== null,
      since: e.thinning_since?.toISOString() ?? null,
      steps: e.thinning_since ? [...THINNING_STEPS] : [],
    },
  }
}
