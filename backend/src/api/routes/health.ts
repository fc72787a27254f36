import { sql } from 'drizzle-orm'
import type { AppDeps } from '../app-env'
import { newRouter } from '../openapi'

export function healthRoutes(deps: AppDeps) {
  const app = newRouter()
  app.get('/healthz', (c) => c.json({ status: 'ok' }))
  app.get('/readyz', async (c) => {
    const stalled = deps.loops?.() ?? []
    const checks = { database: false, migrations: deps.isMigrated(), workers: stalled.length === 0 }
    try {
      await deps.db.execute(sql`select 1`)
      checks.database = true
    } catch (error) {
      deps.logger.warn({ err: (error as Error).message }, 'readiness: database unreachable')
    }
    const ready = checks.database && checks.migrations && checks.workers
    return c.json(
      { status: ready ? 'ready' : 'not_ready', driver: deps.driver, checks, stalled_workers: stalled },
      ready ? 200 : 503,
    )
  })
  return app
}
