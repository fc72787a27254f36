/**
 * @fileoverview Backend answers for the card's tests, built and validated with the shared
 * `@scrm/shared` schemas the backend itself answers with: if the contract changes, these fixtures
 * stop parsing (or the card stops reading them) and the tests say so.
 *
 * Times are relative to `Date.now()` when a fixture is made, so window and takeover countdowns
 * read the same whenever the tests run.
 */
import {
  type ContactView,
  contactViewSchema,
  type ErrorEnvelope,
  errorEnvelopeSchema,
  type SendAccepted,
  type SendRefusal,
  sendAcceptedSchema,
  type TagView,
  type ThreadMessage,
  type ThreadView,
  tagViewSchema,
  threadMessageSchema,
  threadViewSchema,
} from '@scrm/shared'

export const HOUR = 3_600_000
export const CONTACT_ID = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f'

export const isoIn = (ms: number): string => new Date(Date.now() + ms).toISOString()

export function createContact(overrides: Partial<ContactView> = {}): ContactView {
  return contactViewSchema.parse({
    id: CONTACT_ID,
    phone: '+5511999990000',
    bsuid: null,
    name: 'Maria Silva',
    profile_name: 'Maria',
    email: 'maria@example.com',
    opt_in: 'opted_in',
    marketing_opt_out: false,
    last_inbound_at: isoIn(-HOUR),
    last_outbound_at: isoIn(-2 * HOUR),
    ...overrides,
  })
}

let nextId = 1000

export function createMessage(overrides: Partial<ThreadMessage> = {}): ThreadMessage {
  const id = String(nextId++)
  return threadMessageSchema.parse({
    id,
    wamid: `wamid.${id}`,
    direction: 'inbound',
    type: 'text',
    text: `message ${id}`,
    content: {},
    media: null,
    status: 'received',
    status_at: null,
    error: null,
    sender: 'customer',
    sent_at: isoIn(-HOUR),
    reply_to: null,
    edited_at: null,
    original_text: null,
    deleted_at: null,
    reactions: [],
    ...overrides,
  })
}

export function createOutbound(overrides: Partial<ThreadMessage> = {}): ThreadMessage {
  return createMessage({ direction: 'outbound', sender: 'agent', status: 'delivered', ...overrides })
}

export function createTag(overrides: Partial<TagView> = {}): TagView {
  return tagViewSchema.parse({
    id: `tag-${overrides.key ?? 'vip'}`,
    key: 'vip',
    label: 'VIP',
    source: 'manual',
    added_at: isoIn(-24 * HOUR),
    ...overrides,
  })
}

export function createThread(overrides: Partial<ThreadView> = {}): ThreadView {
  return threadViewSchema.parse({
    contact: createContact(),
    tags: [createTag()],
    window: { state: 'open', open_until: isoIn(5 * HOUR + 12 * 60_000 + 30_000) },
    messages: [
      createMessage({ id: 'm-in', text: 'Oi, o tênis preto ainda tem no 38?' }),
      createOutbound({ id: 'm-out', text: 'Tem sim! Quer que eu separe?', status: 'read' }),
    ],
    next_cursor: null,
    ...overrides,
  })
}

/** A record with no WhatsApp contact behind it. */
export const createEmptyThread = (): ThreadView =>
  createThread({ contact: null, tags: [], window: { state: 'closed', open_until: null }, messages: [] })

export const createClosedWindowThread = (overrides: Partial<ThreadView> = {}): ThreadView =>
  createThread({ window: { state: 'closed', open_until: null }, ...overrides })

export function createSendAccepted(message: Partial<ThreadMessage> = {}): SendAccepted {
  const queued = createOutbound({ status: 'queued', sent_at: isoIn(0), ...message })
  return sendAcceptedSchema.parse({
    message_id: queued.id,
    state: 'queued',
    duplicate: false,
    message: queued,
  })
}

export function createErrorEnvelope(
  code: ErrorEnvelope['error']['code'],
  message: string,
  extra: Partial<ErrorEnvelope['error']> = {},
): ErrorEnvelope {
  return errorEnvelopeSchema.parse({ error: { code, message, request_id: 'req_test_1', ...extra } })
}

export const createRefusal = (reason: SendRefusal, message = `refused: ${reason}`): ErrorEnvelope =>
  createErrorEnvelope('send_refused', message, { reason })

/**
 * Not in `@scrm/shared` (the backend route defines it): `GET /api/v1/templates`. The card reads it
 * with its own schema, checked in `__test__/contract.test.ts` against the route's fields.
 */
export function createTemplates() {
  return {
    templates: [
      {
        id: 'tpl-1',
        name: 'order_update',
        language: 'pt_BR',
        category: 'utility',
        status: 'APPROVED',
        body_params: 2,
        components: [{ type: 'BODY', text: 'Olá {{1}}, seu pedido {{2}} foi enviado.' }],
      },
      {
        id: 'tpl-2',
        name: 'welcome_back',
        language: 'en_US',
        category: 'marketing',
        status: 'APPROVED',
        body_params: 0,
        components: [{ type: 'BODY', text: 'We miss you! Reply to chat with us.' }],
      },
      {
        id: 'tpl-3',
        name: 'draft_promo',
        language: 'en_US',
        category: 'marketing',
        status: 'PENDING',
        body_params: 0,
        components: [{ type: 'BODY', text: 'Not approved yet' }],
      },
    ],
  }
}

/** `GET /api/v1/quick-replies`, as the backend route answers it. */
export function createQuickReplies() {
  return {
    quick_replies: [
      {
        key: 'greeting',
        title: 'Greeting',
        body: 'Olá {{first_name}}! Aqui é {{agent}} da {{store}}.',
        defaults: { store: 'Loja Centro' },
      },
      { key: 'thanks', title: 'Thanks', body: 'Obrigado, {{name}}!', defaults: {} },
    ],
  }
}
