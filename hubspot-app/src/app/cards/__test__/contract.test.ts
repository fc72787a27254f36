/**
 * The card reads backend answers with its own schemas (api/schemas.ts) because HubSpot builds the
 * card without `@scrm/shared`. These tests pin the two together: whatever the shared contract
 * accepts, the card reads; and the card's types accept the shared types.
 */
import {
  SEND_REFUSALS,
  type SendRequest,
  sendRequestSchema,
  errorEnvelopeSchema as sharedErrorEnvelope,
  type ThreadView,
} from '@scrm/shared'
import { describe, expect, it } from 'vitest'
import {
  type CardThread,
  errorEnvelopeSchema,
  quickRepliesSchema,
  type SendContent,
  sendAcceptedSchema,
  templatesSchema,
  threadSchema,
} from '../api/schemas'
import {
  createClosedWindowThread,
  createEmptyThread,
  createMessage,
  createOutbound,
  createQuickReplies,
  createRefusal,
  createSendAccepted,
  createTemplates,
  createThread,
} from '../test-utils/fixtures'

// Compile-time half: a shared ThreadView is assignable to what the card renders, and what the card
// sends fits the shared send request. `npm run typecheck -w @scrm/hubspot-card` checks these.
const _threadFits = (view: ThreadView): CardThread => view
const _contentFits = (content: SendContent): SendRequest['content'] => content
void _threadFits
void _contentFits

describe('card schemas read what the shared contract produces', () => {
  it('thread views: full, empty, closed window, every status and message shape', () => {
    const statuses = [
      'received',
      'queued',
      'retrying',
      'pending',
      'sent',
      'delivered',
      'read',
      'played',
      'failed',
    ] as const
    const messages = statuses.map((status) => createOutbound({ status }))
    // A send WhatsApp never answered: no code, our reason and explanation.
    messages.push(
      createOutbound({
        status: 'retrying',
        error: { code: null, title: null, details: null, reason: 'timeout', explanation: 'No answer.' },
      }),
    )
    messages.push(
      createMessage({ type: 'location', content: { latitude: 1, longitude: 2 } }),
      createMessage({
        type: 'image',
        media: { id: 'x', mime_type: 'image/png', sha256: null, filename: null, url: null },
      }),
    )
    for (const view of [createThread({ messages }), createEmptyThread(), createClosedWindowThread()]) {
      expect(threadSchema.safeParse(view).success).toBe(true)
    }
  })

  it('send accepted answers', () => {
    expect(sendAcceptedSchema.safeParse(createSendAccepted()).success).toBe(true)
  })

  it('error envelopes, with a refusal reason for every SEND_REFUSALS entry', () => {
    for (const reason of SEND_REFUSALS) {
      const envelope = createRefusal(reason)
      expect(sharedErrorEnvelope.safeParse(envelope).success).toBe(true)
      expect(errorEnvelopeSchema.parse(envelope).error.reason).toBe(reason)
    }
  })

  it('template and quick-reply lists as the backend routes answer them', () => {
    expect(templatesSchema.safeParse(createTemplates()).success).toBe(true)
    expect(quickRepliesSchema.safeParse(createQuickReplies()).success).toBe(true)
  })

  it('every content the card can build is a valid shared send request', () => {
    const contents: SendContent[] = [
      { type: 'text', text: 'oi' },
      { type: 'template', name: 'welcome_back', language: 'en_US' },
      {
        type: 'template',
        name: 'order_update',
        language: 'pt_BR',
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'Maria', parameter_name: 'name' }] }],
      },
      { type: 'quick_reply', key: 'greeting', variables: { agent: 'Ana' } },
    ]
    for (const content of contents) {
      const request = {
        contact_id: createThread().contact?.id,
        content,
        sender: 'agent',
        idempotency_key: 'k',
      }
      expect(sendRequestSchema.safeParse(request).success).toBe(true)
    }
  })

  it('a message status the card does not know yet does not blank the thread', () => {
    const view = createThread()
    const future = { ...view, messages: [{ ...view.messages[0], status: 'future_status' }] }
    expect(threadSchema.safeParse(future).success).toBe(true)
  })
})
