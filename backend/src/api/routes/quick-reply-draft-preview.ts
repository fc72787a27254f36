import { createRoute } from '@hono/zod-openapi'
import { personalise } from '../../outbound/personalise/personalise'
import type { AppDeps } from '../app-env'
import { bearerSecurity, commonErrors, errorResponse, newRouter, z } from '../openapi'
import { previewContact, renderedAnswer } from './quick-reply-preview'

const draftRequest = z
  .object({
    /** The body as the editor holds it, saved or not; the same limits as saving it. */
    body: z.string().min(1).max(4096),
    defaults: z.record(z.string(), z.string().max(1024)).default({}),
    contact_id: z.string().uuid().optional(),
    phone: z.string().min(3).max(40).optional(),
    variables: z.record(z.string(), z.string().max(1024)).optional(),
  })
  .strict()
  .refine((r) => !(r.contact_id && r.phone), { message: 'give at most one of contact_id or phone' })

/**
 * A quick reply being written, filled for a contact before it is saved: the console's editor
 * shows it as the admin types. Same renderer as a send, but the body given is used as is (no
 * language variant is looked up: the admin is editing this very text).
 */
export function quickReplyDraftPreviewRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/quick-replies/draft-preview',
      tags: ['messages'],
      summary: 'Preview an unsaved quick reply body personalised for a contact (or a phone)',
      security: bearerSecurity,
      request: {
        body: { required: true, content: { 'application/json': { schema: draftRequest } } },
      },
      responses: {
        200: { description: 'Preview', content: { 'application/json': { schema: renderedAnswer } } },
        ...commonErrors,
        404: errorResponse('No such contact in this workspace'),
      },
    }),
    async (c) => {
      const draft = c.req.valid('json')
      const workspaceId = c.get('auth').workspaceId
      const contact = await previewContact(deps.db, workspaceId, draft)
      const rendered = await personalise(deps.db, {
        workspaceId,
        contact,
        body: draft.body,
        given: draft.variables,
        defaults: draft.defaults,
      })
      return c.json(
        renderedAnswer.parse({
          contact_id: contact?.id ?? null,
          text: rendered.text,
          language: rendered.language,
          variables: rendered.variables,
          missing: rendered.missing,
          would_refuse: rendered.missing.length > 0,
        }),
        200,
      )
    },
  )
  return app
}
