import { createRoute } from '@hono/zod-openapi'
import { eq, sql } from 'drizzle-orm'
import { workspaces } from '../../db/schema'
import { canonicalTimeZone, localeOf, localeSettingsSchema } from '../../outbound/personalise/locale-settings'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, newRouter } from '../openapi'

const localeContent = { 'application/json': { schema: localeSettingsSchema } }

/** How the workspace writes to customers: time zone, default language, default variable values. */
export function localeSettingsRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/settings/locale',
      tags: ['settings'],
      summary: 'Time zone, default language and default quick-reply variable values (defaults filled in)',
      security: bearerSecurity,
      responses: { 200: { description: 'Locale settings', content: localeContent }, ...commonErrors },
    }),
    async (c) => {
      const [ws] = await deps.db
        .select({ settings: workspaces.settings })
        .from(workspaces)
        .where(eq(workspaces.id, c.get('auth').workspaceId))
      return c.json(localeOf(ws?.settings ?? {}), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/settings/locale',
      tags: ['settings'],
      summary: 'Change the locale settings; omitted fields return to their defaults',
      security: bearerSecurity,
      request: { body: { required: true, content: localeContent } },
      responses: { 200: { description: 'Locale settings', content: localeContent }, ...commonErrors },
    }),
    async (c) => {
      const body = c.req.valid('json')
      const locale = { ...body, time_zone: canonicalTimeZone(body.time_zone) }
      await deps.db
        .update(workspaces)
        .set({
          settings: sql`${workspaces.settings} || ${JSON.stringify({ locale })}::jsonb`,
          updatedAt: new Date(),
        })
        .where(eq(workspaces.id, c.get('auth').workspaceId))
      return c.json(locale, 200)
    },
  )
  return app
}
