import { type ApiResult, type RequestOptions, requestJson } from './http'
import {
  type CardQuickReply,
  type CardSendAccepted,
  type CardTag,
  type CardTemplate,
  type CardThread,
  correctionResultSchema,
  quickRepliesSchema,
  type SendContent,
  sendAcceptedSchema,
  tagListSchema,
  takeoverSchema,
  templatesSchema,
  threadSchema,
} from './schemas'

export const THREAD_PAGE_SIZE = 30

/** Which HubSpot record the card is on; the backend maps it to a contact of the installing portal. */
export interface RecordRef {
  recordId: string
  /** The record's phone: the backend links a record it has not seen yet by this number. */
  phone?: string | null
}

/** The backend calls the card makes; one function per route. */
export interface BackendApi {
  getThread(record: RecordRef, cursor?: string | null): Promise<ApiResult<CardThread>>
  send(contactId: string, content: SendContent, idempotencyKey: string): Promise<ApiResult<CardSendAccepted>>
  getTemplates(): Promise<ApiResult<CardTemplate[]>>
  getQuickReplies(): Promise<ApiResult<CardQuickReply[]>>
  setTakeover(contactId: string, on: boolean): Promise<ApiResult<string | null>>
  addTag(contactId: string, key: string, label: string): Promise<ApiResult<CardTag[]>>
  removeTag(contactId: string, key: string): Promise<ApiResult<CardTag[]>>
  /** A rep's one click: what the customer message really asks for. Answers the stored value. */
  correctIntent(messageId: string, intent: string): Promise<ApiResult<string>>
}

/** How long a takeover pauses automation. */
export const TAKEOVER_HOURS = 12

const map = <A, B>(result: ApiResult<A>, f: (a: A) => B): ApiResult<B> =>
  result.ok ? { ok: true, data: f(result.data) } : result

const templatesList = templatesSchema.transform((v) => v.templates)
const quickRepliesList = quickRepliesSchema.transform((v) => v.quick_replies)

/**
 * The backend as seen from one portal. Every call carries `portal_id` in its query: HubSpot signs
 * the full URL, and the backend maps the signed portal id to the workspace that installed the app.
 */
export function createBackendApi(baseUrl: string, portalId: string, rep?: string): BackendApi {
  const contactPath = (id: string) => `/api/v1/contacts/${encodeURIComponent(id)}`
  const request = <T>(path: string, options: RequestOptions<T>) =>
    requestJson(baseUrl, path, { ...options, query: { portal_id: portalId, ...options.query } })
  return {
    getThread: (record, cursor) =>
      request('/api/v1/thread', {
        query: {
          crm: 'hubspot',
          record_id: record.recordId,
          phone: record.phone,
          limit: THREAD_PAGE_SIZE,
          cursor,
        },
        schema: threadSchema,
      }),
    send: (contactId, content, idempotencyKey) =>
      request('/api/v1/messages', {
        method: 'POST',
        body: { contact_id: contactId, content, sender: 'agent', idempotency_key: idempotencyKey },
        schema: sendAcceptedSchema,
      }),
    getTemplates: () => request('/api/v1/templates', { schema: templatesList }),
    getQuickReplies: () => request('/api/v1/quick-replies', { schema: quickRepliesList }),
    setTakeover: async (contactId, on) =>
      map(
        await request(`${contactPath(contactId)}/takeover`, {
          method: 'POST',
          body: on ? { hours: TAKEOVER_HOURS } : { release: true },
          schema: takeoverSchema,
        }),
        (v) => v.automation_paused_until,
      ),
    addTag: (contactId, key, label) =>
      request(`${contactPath(contactId)}/tags`, {
        method: 'POST',
        body: { key, label },
        schema: tagListSchema,
      }),
    removeTag: (contactId, key) =>
      request(`${contactPath(contactId)}/tags/${encodeURIComponent(key)}`, {
        method: 'DELETE',
        schema: tagListSchema,
      }),
    correctIntent: async (messageId, intent) =>
      map(
        await request(`/api/v1/messages/${encodeURIComponent(messageId)}/corrections`, {
          method: 'POST',
          body: { field: 'intent', value: intent, ...(rep ? { rep } : {}) },
          schema: correctionResultSchema,
        }),
        (v) => v.correction.value,
      ),
  }
}
