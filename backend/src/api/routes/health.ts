import { sql } from 'drizzle-orm'
import type { AppDeps } from '../app-env'
import { newRouter } from '../openapi'

/** A database that does not answer `select 1` within this long counts as away (a full pool waits, too). */
const DATABASE_CHECK_MS = 2_000

export function healthRoutes(deps: AppDeps) {
  const app = newRouter()
  app.get('/healthz', (c) => c.json({ status: 'ok' }))
  app.get('/readyz', async (c) => {
    const stalled = deps.loops?.() ?? []
    const checks = { database: false, migrations: deps.isMigrated(), workers: stalled.length === 0 }
    try {
      await withTimeout(deps.db.execute(sql`select 1`), DATABASE_CHECK_MS)
      checks.database = true
    } catch (error) {
      deps.logger.warn({ err: (error as Error).message }, 'readiness: database unreachable')
    }
    const ready = checks.database && checks.migrations && checks.workers
    const body = {
      status: ready ? 'ready' : 'not_ready',
      driver: deps.driver,
      checks,
      stalled_workers: stalled,
    }
    return ready ? c.json(body, 200) : c.json({ ...body, reason: reasonFor(checks, stalled) }, 503)
  })
  return app
}

/** Our own words for what is missing; the driver's message (hosts, ports) stays in the log. */
function reasonFor(checks: { database: boolean; migrations: boolean; workers: boolean }, stalled: string[]) {
  const reasons: string[] = []
  if (!checks.database) reasons.push('the database does not answer')
  if (!checks.migrations) reasons.push('migrations are not applied')
  if (!checks.workers) reasons.push(`background loops stopped ticking: ${stalled.join(', ')}`)
  return reasons.join('; ')
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
  })
  // The abandoned query still settles later; its rejection must not go unhandled.
  work.catch(() => {})
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}
