import { createRoute } from '@hono/zod-openapi'
import { toE164 } from '@scrm/shared'
import { and, eq } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { contacts } from '../../db/schema'
import { LANGUAGES } from '../../outbound/personalise/languages'
import type { PersonalisedContact } from '../../outbound/personalise/personalise'
import { personaliseQuickReply } from '../../outbound/personalise/quick-reply'
import { SendRefused } from '../../outbound/refusal'
import type { AppDeps } from '../app-env'
import { ApiError } from '../errors'
import { bearerSecurity, commonErrors, errorResponse, newRouter, z } from '../openapi'

/**
 * The one POST under /api/v1/quick-replies that a card may call: it computes an answer and
 * changes nothing (app.ts lets cards through for this path only).
 */
export const QUICK_REPLY_PREVIEW_PATH = /^\/api\/v1\/quick-replies\/[a-z0-9_-]{1,100}\/preview$/

const previewRequest = z
  .object({
    contact_id: z.string().uuid().optional(),
    phone: z.string().min(3).max(40).optional(),
    /** Values the send would carry; they win over the contact's. */
    variables: z.record(z.string(), z.string().max(1024)).optional(),
  })
  .strict()
  .refine((r) => !(r.contact_id && r.phone), { message: 'give at most one of contact_id or phone' })

/** What a preview says, saved reply or draft alike. */
export const renderedAnswer = z.object({
  contact_id: z.string().uuid().nullable(),
  text: z
    .string()
    .openapi({ description: 'The message as it would be sent; missing variables stay as {{name}}' }),
  language: z.enum(LANGUAGES),
  variables: z.array(
    z.object({
      name: z.string(),
      value: z.string(),
      source: z.enum(['given', 'contact', 'crm', 'store', 'default']),
    }),
  ),
  missing: z.array(z.string()),
  would_refuse: z
    .boolean()
    .openapi({ description: 'A send now would be refused with quick_reply_variable_missing' }),
})
const previewAnswer = renderedAnswer.extend({ key: z.string() })

/** What a quick reply would say to a contact, without sending it. */
export function quickReplyPreviewRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/quick-replies/{key}/preview',
      tags: ['messages'],
      summary:
        'Preview a quick reply personalised for a contact (or a phone), and whether a send would be refused',
      security: bearerSecurity,
      request: {
        params: z.object({ key: z.string().regex(/^[a-z0-9_-]{1,100}$/) }),
        body: { required: false, content: { 'application/json': { schema: previewRequest } } },
      },
      responses: {
        200: { description: 'Preview', content: { 'application/json': { schema: previewAnswer } } },
        ...commonErrors,
        404: errorResponse('No such quick reply or contact in this workspace'),
      },
    }),
    async (c) => {
      const { key } = c.req.valid('param')
      const body = c.req.valid('json') ?? {}
      const workspaceId = c.get('auth').workspaceId
      const contact = await previewContact(deps.db, workspaceId, body)
      const rendered = await personaliseQuickReply(deps.db, {
        workspaceId,
        contact,
        key,
        given: body.variables,
      }).catch((error: unknown) => {
        if (error instanceof SendRefused && error.refusal === 'quick_reply_not_found')
          throw new ApiError('not_found', error.message)
        throw error
      })
      return c.json(
        previewAnswer.parse({
          key: rendered.key,
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

/** The contact by id or phone; a phone nobody stored yet previews as the new contact a send would create. */
export async function previewContact(
  db: Database,
  workspaceId: string,
  body: { contact_id?: string; phone?: string },
): Promise<PersonalisedContact | null> {
  if (body.contact_id) {
    const [found] = await db
      .select()
      .from(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, body.contact_id)))
    if (!found) throw new ApiError('not_found', 'No such contact in this workspace.')
    return found
  }
  if (!body.phone) return null
  const phone = toE164(body.phone)
  if (!phone)
    throw new ApiError(
      'bad_request',
      `"${body.phone}" is not a valid phone number in E.164 (e.g. +5511999990000).`,
    )
  const [found] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.phoneE164, phone)))
  return (
    found ?? {
      id: null,
      language: null,
      name: null,
      profileName: null,
      email: null,
      phoneE164: phone,
      attributes: {},
    }
  )
}
