import { createMiddleware } from 'hono/factory'
import { routePath } from 'hono/route'
import type { Database } from '../db/client'
import type { Logger } from '../lib/logger'
import { type AuditRecord, recordAudit, summarizeChange } from '../lifecycle/audit-log'
import type { AppEnv, AuthContext } from './app-env'

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Who an authenticated request acts for, as the trail records it. */
export function auditActor(
  auth: AuthContext,
  crmUserId: string | null,
): Pick<AuditRecord, 'actorType' | 'actorId' | 'scope' | 'crmUserId'> {
  return {
    actorType: auth.scope === 'card' ? 'crm_user' : 'api_key',
    actorId: auth.scope === 'card' ? (auth.crm?.connectionId ?? auth.keyId) : auth.keyId,
    scope: auth.scope === 'card' ? `card:${auth.crm?.provider ?? 'crm'}` : auth.scope,
    crmUserId,
  }
}

/** The CRM user a signed card call names (HubSpot adds `userId` to every `hubspot.fetch`). */
export const crmUserOf = (query: (name: string) => string | undefined): string | null =>
  query('userId') ?? query('user_id') ?? null

/**
 * Writes an audit entry for every API call that changed something (any method but reads, answered
 * below 400): the route, its ids, the body reduced by `summarizeChange`, who called. A failed
 * write is logged, never turned into a failed request: the change already happened.
 */
export function auditTrail(db: Database, logger: Logger) {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next()
    if (READS.has(c.req.method) || c.res.status >= 400) return
    const auth = c.get('auth')
    if (!auth) return
    let body: unknown = null
    if ((c.req.header('content-type') ?? '').includes('application/json')) {
      body = await c.req.json().catch(() => null)
    }
    const params = c.req.param() as Record<string, string>
    // Named as the OpenAPI description names it: /api/v1/channels/{id}.
    const template = routePath(c, -1).replace(/\/:(\w+)/g, '/{$1}')
    const target = Object.entries(params)[0]
    try {
      await recordAudit(db, {
        workspaceId: auth.workspaceId,
        ...auditActor(
          auth,
          crmUserOf((n) => c.req.query(n)),
        ),
        action: `${c.req.method} ${template}`,
        targetType: target ? (template.split('/')[3] ?? null) : null,
        targetId: target?.[1] ?? null,
        detail: { params, body: summarizeChange(body) },
        status: c.res.status,
        requestId: c.get('requestId') ?? null,
      })
    } catch (error) {
      logger.error({ err: (error as Error).message, path: template }, 'audit entry could not be written')
    }
  })
}
