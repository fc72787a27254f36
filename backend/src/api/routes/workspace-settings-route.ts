import { createRoute } from '@hono/zod-openapi'
import { eq, sql } from 'drizzle-orm'
import { workspaces } from '../../db/schema'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, newRouter, type z } from '../openapi'

/** One section of `workspaces.settings` served as GET / PUT of a whole document. */
export interface WorkspaceSettingsSection<S extends z.ZodType<object>> {
  /** The route path, e.g. `/api/v1/settings/locale`. */
  path: string
  /** The key the section is stored under in `workspaces.settings`. */
  key: string
  schema: S
  /** The section as it is in force: stored values with defaults filled in. */
  read: (settings: Record<string, unknown>) => z.output<S>
  /** Canonical form of a new section before it is stored (e.g. a time-zone alias resolved). */
  normalise?: (section: z.output<S>) => z.output<S>
  description: string
  getSummary: string
  putSummary: string
}

/**
 * GET answers the section in force; PUT replaces it as a whole (omitted fields return to their
 * defaults) and answers what was stored. The other sections of the settings are left as they are.
 */
export function workspaceSettingsRoutes<S extends z.ZodType<object>>(
  deps: AppDeps,
  section: WorkspaceSettingsSection<S>,
) {
  const content = { 'application/json': { schema: section.schema } }
  const responses = { 200: { description: section.description, content }, ...commonErrors }
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'get',
      path: section.path,
      tags: ['settings'],
      summary: section.getSummary,
      security: bearerSecurity,
      responses,
    }),
    async (c) => {
      const [ws] = await deps.db
        .select({ settings: workspaces.settings })
        .from(workspaces)
        .where(eq(workspaces.id, c.get('auth').workspaceId))
      return c.json(section.read(ws?.settings ?? {}), 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'put',
      path: section.path,
      tags: ['settings'],
      summary: section.putSummary,
      security: bearerSecurity,
      request: { body: { required: true, content } },
      responses,
    }),
    async (c) => {
      // The route validated the body with section.schema; zod-openapi cannot carry its type through
      // a generic schema, so it is named here.
      const body = c.req.valid('json' as never) as z.output<S>
      const stored = section.normalise ? section.normalise(body) : body
      await deps.db
        .update(workspaces)
        .set({
          settings: sql`${workspaces.settings} || ${JSON.stringify({ [section.key]: stored })}::jsonb`,
          updatedAt: new Date(),
        })
        .where(eq(workspaces.id, c.get('auth').workspaceId))
      return c.json(stored, 200)
    },
  )
  return app
}
