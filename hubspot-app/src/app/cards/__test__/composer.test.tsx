import { Alert, Input, LoadingButton, Select, StatusTag, Text, TextArea } from '@hubspot/ui-extensions'
import { sendRequestSchema } from '@scrm/shared'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  CONTACT_ID,
  createClosedWindowThread,
  createContact,
  createQuickReplies,
  createRefusal,
  createSendAccepted,
  createTemplates,
  createThread,
  HOUR,
  isoIn,
} from '../test-utils/fixtures'
import { jsonResponse, mockBackend, type Routes } from '../test-utils/hubspot-mock'
import { renderCard } from '../test-utils/render-card'
import { textOf } from '../test-utils/text'
import { fire } from '../test-utils/trigger'

vi.mock('@hubspot/ui-extensions', async (importOriginal) =>
  (await import('../test-utils/hubspot-mock')).withFetchMock(await importOriginal()),
)

async function renderWith(routes: Routes, locale?: string) {
  const backend = mockBackend({
    'GET /api/v1/templates': jsonResponse(200, createTemplates()),
    'GET /api/v1/quick-replies': jsonResponse(200, createQuickReplies()),
    ...routes,
  })
  const card = renderCard({ locale })
  await card.waitFor(() => expect(card.maybeFindByTestId(StatusTag, 'window-status')).not.toBeNull())
  return { card, backend }
}

/** The body the card posted, checked against the backend's own request schema. */
function postedSend(backend: Awaited<ReturnType<typeof renderWith>>['backend']) {
  const call = backend.callsTo('POST', '/api/v1/messages').at(-1)
  expect(call).toBeDefined()
  return sendRequestSchema.parse(call?.body)
}

describe('composer: the 24-hour window decides', () => {
  beforeEach(() => {
    vi.clearAllMocks()
  })

  it('offers free text while the window is open', async () => {
    const { card, backend } = await renderWith({ 'GET /api/v1/thread': jsonResponse(200, createThread()) })
    expect(card.maybeFindByTestId(TextArea, 'composer-text')).not.toBeNull()
    expect(card.findByTestId(Select, 'composer-mode').props.options.map((o) => o.value)).toEqual([
      'text',
      'quick_reply',
      'template',
    ])
    expect(card.maybeFindByTestId(Alert, 'window-closed-hint')).toBeNull()
    // Lists are fetched only when the rep picks them.
    expect(backend.callsTo('GET', '/api/v1/templates')).toHaveLength(0)
  })

  it('offers only approved templates once the window has closed', async () => {
    const { card } = await renderWith({ 'GET /api/v1/thread': jsonResponse(200, createClosedWindowThread()) })
    expect(card.findByTestId(StatusTag, 'window-status').text).toBe('24-hour window closed')
    expect(card.maybeFindByTestId(TextArea, 'composer-text')).toBeNull()
    expect(card.maybeFindByTestId(Select, 'composer-mode')).toBeNull()
    expect(card.findByTestId(Alert, 'window-closed-hint').props.title).toBe('24-hour window closed')
    await card.waitFor(() => expect(card.maybeFindByTestId(Select, 'template-select')).not.toBeNull())
    const options = card.findByTestId(Select, 'template-select').props.options
    expect(options).toEqual([
      { label: 'order_update (pt_BR)', value: 'tpl-1' },
      { label: 'welcome_back (en_US)', value: 'tpl-2' },
    ])
  })

  it('warns before writing to a contact who opted out', async () => {
    const optedOut = createThread({ contact: createContact({ opt_in: 'opted_out' }) })
    const { card } = await renderWith({ 'GET /api/v1/thread': jsonResponse(200, optedOut) })
    expect(card.findByTestId(Alert, 'opted-out').props.title).toMatch(
      /^This contact opted out of WhatsApp messages/,
    )
  })

  it('treats an open window whose time has run out as closed', async () => {
    const stale = createThread({ window: { state: 'open', open_until: isoIn(-HOUR) } })
    const { card } = await renderWith({ 'GET /api/v1/thread': jsonResponse(200, stale) })
    expect(card.maybeFindByTestId(TextArea, 'composer-text')).toBeNull()
    expect(card.findByTestId(StatusTag, 'window-status').text).toBe('24-hour window closed')
  })
})

describe('composer: sending', () => {
  beforeEach(() => {
    vi.clearAllMocks()
  })

  it('sends free text for the thread contact as an agent and shows it queued', async () => {
    const accepted = createSendAccepted({ id: 'm-new', text: 'Separei pra você!' })
    const { card, backend } = await renderWith({
      'GET /api/v1/thread': jsonResponse(200, createThread()),
      'POST /api/v1/messages': jsonResponse(202, accepted),
    })
    fire(card.findByTestId(TextArea, 'composer-text'), 'onChange', 'Separei pra você!')
    card.findByTestId(LoadingButton, 'composer-send').trigger('onClick')
    await card.waitFor(() => expect(card.maybeFindByTestId(Text, 'text-m-new')).not.toBeNull())

    const body = postedSend(backend)
    expect(body).toMatchObject({
      contact_id: CONTACT_ID,
      sender: 'agent',
      content: { type: 'text', text: 'Separei pra você!' },
    })
    expect(body.idempotency_key).toMatch(/^hubspot:123:/)
    expect(backend.callsTo('POST', '/api/v1/messages')[0]?.query.get('portal_id')).toBe('123')
    expect(card.findByTestId(StatusTag, 'status-tag-m-new').text).toBe('Queued')
    await card.waitFor(() => expect(card.findByTestId(TextArea, 'composer-text').props.value).toBe(''))
    expect(card.mocks.actions.addAlert.calls[0]?.[0]).toEqual({
      type: 'success',
      message: 'Message queued for WhatsApp.',
    })
  })

  it('explains a refusal in plain language and keeps the draft; a resend reuses the key', async () => {
    const { card, backend } = await renderWith({
      'GET /api/v1/thread': jsonResponse(200, createThread()),
      'POST /api/v1/messages': jsonResponse(422, createRefusal('window_closed_template_required')),
    })
    fire(card.findByTestId(TextArea, 'composer-text'), 'onChange', 'Ainda tem?')
    card.findByTestId(LoadingButton, 'composer-send').trigger('onClick')
    await card.waitFor(() => expect(card.maybeFindByTestId(Alert, 'send-refused')).not.toBeNull())

    expect(card.findByTestId(Alert, 'send-refused').props.title).toBe('Not sent')
    expect(card.findByTestId(Text, 'send-refused-reason').text).toBe(
      'More than 24 hours have passed since this contact last wrote. WhatsApp only allows an approved template until they reply.',
    )
    expect(card.findByTestId(TextArea, 'composer-text').props.value).toBe('Ainda tem?')

    card.findByTestId(LoadingButton, 'composer-send').trigger('onClick')
    await card.waitFor(() => expect(backend.callsTo('POST', '/api/v1/messages')).toHaveLength(2))
    const [first, second] = backend.callsTo('POST', '/api/v1/messages')
    expect(second?.body?.idempotency_key).toBe(first?.body?.idempotency_key)
  })

  it('shows the backend sentence for a refusal reason the card does not know yet', async () => {
    const { card } = await renderWith({
      'GET /api/v1/thread': jsonResponse(200, createThread()),
      'POST /api/v1/messages': jsonResponse(422, {
        error: { code: 'send_refused', message: 'A brand-new rule said no.', reason: 'future_rule' },
      }),
    })
    fire(card.findByTestId(TextArea, 'composer-text'), 'onChange', 'oi')
    card.findByTestId(LoadingButton, 'composer-send').trigger('onClick')
    await card.waitFor(() => expect(card.maybeFindByTestId(Text, 'send-refused-reason')).not.toBeNull())
    expect(card.findByTestId(Text, 'send-refused-reason').text).toBe('A brand-new rule said no.')
  })

  it('sends a template with its body variables and previews them', async () => {
    const { card, backend } = await renderWith({
      'GET /api/v1/thread': jsonResponse(200, createClosedWindowThread()),
      'POST /api/v1/messages': jsonResponse(202, createSendAccepted({ id: 'm-tpl', type: 'template' })),
    })
    await card.waitFor(() => expect(card.maybeFindByTestId(Select, 'template-select')).not.toBeNull())
    fire(card.findByTestId(Select, 'template-select'), 'onChange', 'tpl-1')
    expect(card.findByTestId(LoadingButton, 'template-send').props.disabled).toBe(true)
    fire(card.findByTestId(Input, 'template-var-1'), 'onChange', 'Maria')
    fire(card.findByTestId(Input, 'template-var-2'), 'onChange', '#4521')
    expect(card.findByTestId(Text, 'template-preview').text).toBe('Olá Maria, seu pedido #4521 foi enviado.')
    card.findByTestId(LoadingButton, 'template-send').trigger('onClick')
    await card.waitFor(() => expect(backend.callsTo('POST', '/api/v1/messages')).toHaveLength(1))

    expect(postedSend(backend).content).toEqual({
      type: 'template',
      name: 'order_update',
      language: 'pt_BR',
      components: [
        {
          type: 'body',
          parameters: [
            { type: 'text', text: 'Maria' },
            { type: 'text', text: '#4521' },
          ],
        },
      ],
    })
  })

  it('previews a quick reply personalised from the contact, with defaults and inputs for the rest', async () => {
    const { card, backend } = await renderWith({
      'GET /api/v1/thread': jsonResponse(200, createThread()),
      'POST /api/v1/messages': jsonResponse(202, createSendAccepted({ id: 'm-qr' })),
    })
    fire(card.findByTestId(Select, 'composer-mode'), 'onChange', 'quick_reply')
    await card.waitFor(() => expect(card.maybeFindByTestId(Select, 'quick-reply-select')).not.toBeNull())
    fire(card.findByTestId(Select, 'quick-reply-select'), 'onChange', 'greeting')

    // first_name comes from the contact: no input for it; store has a default; agent is missing.
    expect(card.maybeFindByTestId(Input, 'quick-reply-var-first_name')).toBeNull()
    expect(card.findByTestId(Input, 'quick-reply-var-store').props.value).toBe('Loja Centro')
    expect(card.findByTestId(Text, 'quick-reply-preview').text).toBe(
      'Olá Maria! Aqui é {{agent}} da Loja Centro.',
    )
    expect(card.findByTestId(Text, 'quick-reply-missing').text).toBe('Fill in: agent')
    expect(card.findByTestId(LoadingButton, 'quick-reply-send').props.disabled).toBe(true)

    fire(card.findByTestId(Input, 'quick-reply-var-agent'), 'onChange', 'Ana')
    expect(card.findByTestId(Text, 'quick-reply-preview').text).toBe('Olá Maria! Aqui é Ana da Loja Centro.')
    card.findByTestId(LoadingButton, 'quick-reply-send').trigger('onClick')
    await card.waitFor(() => expect(backend.callsTo('POST', '/api/v1/messages')).toHaveLength(1))
    expect(postedSend(backend).content).toEqual({
      type: 'quick_reply',
      key: 'greeting',
      variables: { agent: 'Ana', store: 'Loja Centro' },
    })
  })

  it('shows a failed template list with a retry, without hiding the thread', async () => {
    const { card } = await renderWith({
      'GET /api/v1/thread': jsonResponse(200, createClosedWindowThread()),
      'GET /api/v1/templates': [
        jsonResponse(500, { error: { code: 'internal', message: 'boom' } }),
        jsonResponse(200, createTemplates()),
      ],
    })
    await card.waitFor(() => expect(card.maybeFindByTestId(Alert, 'templates-error')).not.toBeNull())
    expect(textOf(card.getRootNode())).toContain('Oi, o tênis preto ainda tem no 38?')
  })
})
