import { Alert, Button, Flex, Link, LoadingButton, StatusTag, Tag, Text } from '@hubspot/ui-extensions'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createContact,
  createMessage,
  createOutbound,
  createThread,
  HOUR,
  isoIn,
} from '../test-utils/fixtures'
import { deferred, jsonResponse, mockBackend } from '../test-utils/hubspot-mock'
import { renderCard } from '../test-utils/render-card'
import { textOf } from '../test-utils/text'

vi.mock('@hubspot/ui-extensions', async (importOriginal) =>
  (await import('../test-utils/hubspot-mock')).withFetchMock(await importOriginal()),
)

async function renderThread(thread: unknown = createThread()) {
  const backend = mockBackend({ 'GET /api/v1/thread': jsonResponse(200, thread) })
  const card = renderCard()
  await card.waitFor(() => expect(card.maybeFindByTestId(Text, 'takeover-state')).not.toBeNull())
  return { card, backend }
}

describe('the thread', () => {
  beforeEach(() => {
    vi.clearAllMocks()
  })

  it('puts the customer left and our side right, with sender and time', async () => {
    const { card } = await renderThread()
    const bubbles = card.findAll(Text, (n) => n.props.variant === 'microcopy' && /·/.test(n.text ?? ''))
    expect(bubbles[0]?.text).toMatch(/^Customer · /)
    expect(bubbles[1]?.text).toMatch(/^Agent · /)
    expect(card.findByTestId(Flex, 'message-m-in').props.justify).toBe('start')
    expect(card.findByTestId(Flex, 'message-m-out').props.justify).toBe('end')
    expect(card.findByTestId(Text, 'text-m-in').text).toBe('Oi, o tênis preto ainda tem no 38?')
    expect(card.findByTestId(Text, 'text-m-out').text).toBe('Tem sim! Quer que eu separe?')
    expect(card.findByTestId(StatusTag, 'status-tag-m-out').text).toBe('Read')
    expect(card.maybeFindByTestId(StatusTag, 'status-tag-m-in')).toBeNull()
  })

  it('says when older history is archived, only once the thread has no older page', async () => {
    const { card } = await renderThread(createThread({ archived_before: '2025-11', next_cursor: null }))
    expect(card.findByTestId(Alert, 'history-archived').props.title).toBe(
      'Older history (before 2025-11) is archived — ask an admin to restore it.',
    )
    const paged = await renderThread(createThread({ archived_before: '2025-11', next_cursor: 'c1' }))
    expect(paged.card.maybeFindByTestId(Alert, 'history-archived')).toBeNull()
    const none = await renderThread(createThread({ archived_before: null }))
    expect(none.card.maybeFindByTestId(Alert, 'history-archived')).toBeNull()
  })

  it('shows a failed message with WhatsApp’s reason and code', async () => {
    const failed = createOutbound({
      id: 'm-failed',
      status: 'failed',
      error: { code: 131047, title: 'Re-engagement message', details: 'More than 24 hours have passed.' },
    })
    const { card } = await renderThread(createThread({ messages: [failed] }))
    const tag = card.findByTestId(StatusTag, 'status-tag-m-failed')
    expect(tag.text).toBe('Failed')
    expect(tag.props.variant).toBe('danger')
    expect(card.findByTestId(Text, 'status-reason-m-failed').text).toBe(
      'Not delivered: Re-engagement message (code 131047)',
    )
    expect(textOf(card.getRootNode())).toContain('More than 24 hours have passed.')
  })

  it('shows a message WhatsApp could not be reached for as retrying, with the reason', async () => {
    const retrying = createOutbound({
      id: 'm-retry',
      status: 'retrying',
      error: {
        code: null,
        title: null,
        details: null,
        reason: 'connection_refused',
        explanation: 'The WhatsApp Cloud API refused the connection, so the message was not sent.',
      },
    })
    const { card } = await renderThread(createThread({ messages: [retrying] }))
    const tag = card.findByTestId(StatusTag, 'status-tag-m-retry')
    expect(tag.text).toBe('Retrying')
    expect(tag.props.variant).toBe('warning')
    expect(card.findByTestId(Text, 'status-reason-m-retry').text).toBe(
      'Not sent yet: the WhatsApp service refused the connection',
    )
  })

  it('shows a send given up without an answer from WhatsApp with our reason, not a blank code', async () => {
    const failed = createOutbound({
      id: 'm-dns',
      status: 'failed',
      error: { code: null, title: null, details: null, reason: 'dns_failure', explanation: 'DNS …' },
    })
    const { card } = await renderThread(createThread({ messages: [failed] }))
    expect(card.findByTestId(StatusTag, 'status-tag-m-dns').props.variant).toBe('danger')
    expect(card.findByTestId(Text, 'status-reason-m-dns').text).toBe(
      "Not delivered: the WhatsApp service's address could not be found",
    )
  })

  it('shows a refused token with WhatsApp’s title and code, and what to do about it', async () => {
    const failed = createOutbound({
      id: 'm-token',
      status: 'failed',
      error: {
        code: 190,
        title: 'Invalid OAuth access token',
        details: null,
        reason: 'access_token_invalid',
        explanation: 'WhatsApp refused this number’s access token …',
      },
    })
    const { card } = await renderThread(createThread({ messages: [failed] }))
    expect(card.findByTestId(Text, 'status-reason-m-token').text).toBe(
      'Not delivered: Invalid OAuth access token (code 190)',
    )
    expect(card.findByTestId(Text, 'status-because-m-token').text).toBe(
      "WhatsApp refused this number's access token; an admin must renew it",
    )
  })

  it('falls back to the backend’s explanation for a reason the card does not know yet', async () => {
    const retrying = createOutbound({
      id: 'm-new',
      status: 'retrying',
      error: {
        code: null,
        title: null,
        details: null,
        reason: 'proxy_auth',
        explanation: 'The proxy said no.',
      },
    })
    const { card } = await renderThread(createThread({ messages: [retrying] }))
    expect(card.findByTestId(Text, 'status-reason-m-new').text).toBe('Not sent yet: The proxy said no.')
  })

  it('shows customer text literally: markup, markdown and script stay text', async () => {
    const hostile = '<b>bold</b> **stars** [click](javascript:alert(1)) <script>alert(1)</script>'
    const { card } = await renderThread(
      createThread({ messages: [createMessage({ id: 'm-x', text: hostile })] }),
    )
    expect(card.findByTestId(Text, 'text-m-x').text).toBe(hostile)
    expect(card.maybeFind(Link)).toBeNull()
  })

  it('labels media and locations, and links only https URLs', async () => {
    const image = createMessage({
      id: 'm-img',
      type: 'image',
      text: 'look at this',
      media: {
        id: 'media-1',
        mime_type: 'image/jpeg',
        sha256: null,
        filename: 'shoe.jpg',
        url: 'https://cdn.test/shoe.jpg',
      },
    })
    const doc = createMessage({
      id: 'm-doc',
      type: 'document',
      text: null,
      media: {
        id: 'media-2',
        mime_type: 'application/pdf',
        sha256: null,
        filename: null,
        url: 'javascript:alert(1)',
      },
    })
    const location = createMessage({
      id: 'm-loc',
      type: 'location',
      text: 'Loja Centro, Rua A 1',
      content: { latitude: -23.55, longitude: -46.63, name: 'Loja Centro', address: 'Rua A 1' },
    })
    const { card } = await renderThread(createThread({ messages: [image, doc, location] }))
    const text = textOf(card.getRootNode())
    expect(text).toContain('Image · shoe.jpg')
    expect(text).toContain('look at this')
    expect(text).toContain('Document')
    expect(text).toContain('Location: Loja Centro, Rua A 1')
    const links = card.findAll(Link).map((l) => l.props.href)
    expect(links).toEqual([
      { url: 'https://cdn.test/shoe.jpg', external: true },
      { url: 'https://www.google.com/maps?q=-23.55,-46.63', external: true },
    ])
  })

  it('marks edits with the original text, deletions, and lists reactions', async () => {
    const edited = createMessage({
      id: 'm-ed',
      text: 'Quero o 39',
      edited_at: isoIn(-HOUR / 2),
      original_text: 'Quero o 38',
      reactions: [{ emoji: '👍', direction: 'outbound', at: isoIn(-HOUR / 4) }],
    })
    const deleted = createMessage({ id: 'm-del', text: null, deleted_at: isoIn(-HOUR / 3) })
    const { card } = await renderThread(createThread({ messages: [edited, deleted] }))
    expect(card.findByTestId(Tag, 'edited-m-ed').text).toBe('Edited')
    expect(card.findByTestId(Text, 'original-m-ed').text).toBe('Original: Quero o 38')
    expect(card.findByTestId(Text, 'reactions-m-ed').text).toBe('Reactions: 👍')
    expect(card.findByTestId(Text, 'deleted-m-del').text).toBe('This message was deleted')
  })

  it('shows the window with the time left', async () => {
    const { card } = await renderThread()
    expect(card.findByTestId(StatusTag, 'window-status').text).toBe('24-hour window open · 5 h 12 min left')
  })

  it('shows intent and sentiment from the contract, and segment / churn risk when sent, each with the why', async () => {
    const contact = createContact({
      intent: { value: 'price_discount', confidence: 0.97, reason: 'tem desconto no pix?', at: isoIn(-HOUR) },
      sentiment: {
        score: 0.82,
        label: 'positive',
        reason: 'average of the last 5 messages',
        at: isoIn(-HOUR),
      },
    })
    // segment and churn_risk are not in @scrm/shared yet: the card reads them only when present.
    const future = { segment: { value: 'VIP buyers', reason: '5 orders in 90 days' }, churn_risk: 'high' }
    const { card } = await renderThread({ ...createThread(), contact: { ...contact, ...future } })
    expect(card.findByTestId(Text, 'insight-segment').text).toBe('VIP buyers')
    expect(card.findByTestId(Text, 'insight-segment-why').text).toBe('Why: 5 orders in 90 days')
    expect(card.findByTestId(Text, 'insight-intent').text).toBe('Price / discount')
    expect(card.findByTestId(Text, 'insight-intent-why').text).toBe('Why: tem desconto no pix?')
    expect(card.findByTestId(Text, 'insight-sentiment').text).toBe('Positive')
    expect(card.findByTestId(Text, 'insight-sentiment-why').text).toBe('Why: average of the last 5 messages')
    expect(card.findByTestId(Text, 'insight-churn_risk').text).toBe('High')
    expect(card.maybeFindByTestId(Text, 'insight-churn_risk-why')).toBeNull()
  })

  it('shows no insights block when the contract has none', async () => {
    const { card } = await renderThread()
    expect(card.maybeFindByTestId(Text, 'insight-intent')).toBeNull()
  })
})

describe('pagination', () => {
  beforeEach(() => {
    vi.clearAllMocks()
  })

  it('loads older messages by cursor and puts them above', async () => {
    const first = createThread({
      messages: [createMessage({ id: 'm-3', text: 'third' }), createOutbound({ id: 'm-4', text: 'fourth' })],
      next_cursor: 'cursor-page-2',
    })
    const older = createThread({
      messages: [createMessage({ id: 'm-1', text: 'first' }), createOutbound({ id: 'm-2', text: 'second' })],
      next_cursor: null,
    })
    const backend = mockBackend({
      'GET /api/v1/thread': (call) =>
        jsonResponse(200, call.query.get('cursor') === 'cursor-page-2' ? older : first),
    })
    const card = renderCard()
    await card.waitFor(() => expect(card.maybeFindByTestId(LoadingButton, 'load-older')).not.toBeNull())
    card.findByTestId(LoadingButton, 'load-older').trigger('onClick')
    await card.waitFor(() => expect(card.maybeFindByTestId(Text, 'text-m-1')).not.toBeNull())

    const order = card.findAll(Text, (n) => /^text-m-\d$/.test(n.props.testId ?? '')).map((n) => n.text)
    expect(order).toEqual(['first', 'second', 'third', 'fourth'])
    expect(card.maybeFindByTestId(LoadingButton, 'load-older')).toBeNull()
    const olderCall = backend.callsTo('GET', '/api/v1/thread')[1]
    expect(olderCall?.query.get('cursor')).toBe('cursor-page-2')
    expect(olderCall?.query.get('record_id')).toBe('123')
  })

  it('drops an older page that arrives after a refresh', async () => {
    const older = deferred<Response>()
    const first = createThread({ messages: [createMessage({ id: 'm-3', text: 'third' })], next_cursor: 'c2' })
    const refreshed = createThread({
      messages: [createMessage({ id: 'm-5', text: 'fresh' })],
      next_cursor: 'c9',
    })
    let plain = 0
    mockBackend({
      'GET /api/v1/thread': (call) =>
        call.query.get('cursor') ? older.promise : jsonResponse(200, ++plain === 1 ? first : refreshed),
    })
    const card = renderCard()
    await card.waitFor(() => expect(card.maybeFindByTestId(LoadingButton, 'load-older')).not.toBeNull())
    card.findByTestId(LoadingButton, 'load-older').trigger('onClick')
    card.findByTestId(Button, 'thread-refresh').trigger('onClick')
    await card.waitFor(() => expect(card.maybeFindByTestId(Text, 'text-m-5')).not.toBeNull())

    older.resolve(
      jsonResponse(200, createThread({ messages: [createMessage({ id: 'm-1', text: 'stale' })] })),
    )
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(card.maybeFindByTestId(Text, 'text-m-1')).toBeNull()
    expect(card.findByTestId(LoadingButton, 'load-older').props.loading).toBe(false)
  })
})
