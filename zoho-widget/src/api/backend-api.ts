import type { z } from 'zod'
import type { BackendRequest, RecordContext } from '../zoho/adapter'
import { type ApiResult, failure } from './result'
import {
  correctionResultSchema,
  quickRepliesSchema,
  type SendContent,
  sendAcceptedSchema,
  tagListSchema,
  takeoverSchema,
  templatesSchema,
  threadSchema,
  type WidgetQuickReply,
  type WidgetSendAccepted,
  type WidgetTag,
  type WidgetTemplate,
  type WidgetThread,
} from './schemas'

export const THREAD_PAGE_SIZE = 30
/** How long a takeover pauses automation (the same as on the other CRMs' cards). */
export const TAKEOVER_HOURS = 12

/** The backend calls the widget makes; one function per route. */
export interface BackendApi {
  getThread(
    record: RecordContext,
    phone: string | null,
    cursor?: string | null,
  ): Promise<ApiResult<WidgetThread>>
  send(
    contactId: string,
    content: SendContent,
    idempotencyKey: string,
  ): Promise<ApiResult<WidgetSendAccepted>>
  getTemplates(): Promise<ApiResult<WidgetTemplate[]>>
  getQuickReplies(): Promise<ApiResult<WidgetQuickReply[]>>
  setTakeover(contactId: string, on: boolean): Promise<ApiResult<string | null>>
  addTag(contactId: string, key: string, label: string): Promise<ApiResult<WidgetTag[]>>
  removeTag(contactId: string, key: string): Promise<ApiResult<WidgetTag[]>>
  /** The rep says what a customer message really asks for; answers the intent the backend stored. */
  correctIntent(messageId: string, intent: string): Promise<ApiResult<string>>
}

type Call = (request: BackendRequest) => Promise<ApiResult<unknown>>

async function parsed<T>(call: Call, request: BackendRequest, schema: z.ZodType<T>): Promise<ApiResult<T>> {
  const result = await call(request)
  if (!result.ok) return result
  const read = schema.safeParse(result.data)
  if (read.success) return { ok: true, data: read.data }
  return { ok: false, error: failure('invalid_response', 'The backend answered in an unexpected shape.') }
}

/**
 * The backend as the widget uses it. The org is never named here: the connection's credential names
 * it, and the backend resolves a Zoho record id to our contact (by the phone on first view).
 */
export function createBackendApi(call: Call): BackendApi {
  const contactPath = (id: string) => `/api/v1/contacts/${encodeURIComponent(id)}`
  return {
    getThread: (record, phone, cursor) =>
      parsed(
        call,
        {
          method: 'GET',
          path: '/api/v1/thread',
          query: { crm: 'zoho', record_id: record.recordId, phone, limit: THREAD_PAGE_SIZE, cursor },
        },
        threadSchema,
      ),
    send: (contactId, content, idempotencyKey) =>
      parsed(
        call,
        {
          method: 'POST',
          path: '/api/v1/messages',
          body: { contact_id: contactId, content, sender: 'agent', idempotency_key: idempotencyKey },
        },
        sendAcceptedSchema,
      ),
    getTemplates: () =>
      parsed(
        call,
        { method: 'GET', path: '/api/v1/templates' },
        templatesSchema.transform((v) => v.templates),
      ),
    getQuickReplies: () =>
      parsed(
        call,
        { method: 'GET', path: '/api/v1/quick-replies' },
        quickRepliesSchema.transform((v) => v.quick_replies),
      ),
    setTakeover: (contactId, on) =>
      parsed(
        call,
        {
          method: 'POST',
          path: `${contactPath(contactId)}/takeover`,
          body: on ? { hours: TAKEOVER_HOURS } : { release: true },
        },
        takeoverSchema.transform((v) => v.automation_paused_until),
      ),
    addTag: (contactId, key, label) =>
      parsed(
        call,
        { method: 'POST', path: `${contactPath(contactId)}/tags`, body: { key, label } },
        tagListSchema,
      ),
    removeTag: (contactId, key) =>
      parsed(
        call,
        { method: 'DELETE', path: `${contactPath(contactId)}/tags/${encodeURIComponent(key)}` },
        tagListSchema,
      ),
    correctIntent: (messageId, intent) =>
      parsed(
        call,
        {
          method: 'POST',
          path: `/api/v1/messages/${encodeURIComponent(messageId)}/corrections`,
          body: { field: 'intent', value: intent },
        },
        correctionResultSchema.transform((v) => v.correction.value),
      ),
  }
}
