import { Button, EmptyState, ErrorState, LoadingSpinner, Text } from '@hubspot/ui-extensions'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createEmptyThread, createErrorEnvelope, createThread } from '../test-utils/fixtures'
import { deferred, jsonResponse, mockBackend } from '../test-utils/hubspot-mock'
import { renderCard } from '../test-utils/render-card'
import { textOf } from '../test-utils/text'

vi.mock('@hubspot/ui-extensions', async (importOriginal) =>
  (await import('../test-utils/hubspot-mock')).withFetchMock(await importOriginal()),
)

describe('card states', () => {
  beforeEach(() => {
    vi.clearAllMocks()
  })

  it('shows a spinner until the thread arrives', async () => {
    const answer = deferred<Response>()
    mockBackend({ 'GET /api/v1/thread': answer.promise })
    const card = renderCard()
    expect(card.findByTestId(LoadingSpinner, 'thread-loading').props.label).toBe(
      'Loading the WhatsApp conversation…',
    )
    answer.resolve(jsonResponse(200, createThread()))
    await card.waitFor(() => expect(card.maybeFind(LoadingSpinner)).toBeNull())
    expect(card.findByTestId(Text, 'text-m-in').text).toBe('Oi, o tênis preto ainda tem no 38?')
  })

  it('asks for the record by CRM, record id and portal, with the record phone as a hint', async () => {
    const backend = mockBackend({ 'GET /api/v1/thread': jsonResponse(200, createThread()) })
    const card = renderCard({ properties: { phone: ' +55 11 99999-0000 ', mobilephone: '' } })
    await card.waitFor(() => expect(backend.calls).toHaveLength(1))
    const query = backend.calls[0]?.query ?? new URLSearchParams()
    expect(Object.fromEntries(query)).toEqual({
      crm: 'hubspot',
      record_id: '123',
      portal_id: '123',
      phone: '+55 11 99999-0000',
      limit: '30',
    })
    expect(card.mocks.actions.fetchCrmObjectProperties.calls[0]?.[0]).toEqual(['mobilephone', 'phone'])
  })

  it('explains an empty history when the record has no WhatsApp contact', async () => {
    mockBackend({ 'GET /api/v1/thread': jsonResponse(200, createEmptyThread()) })
    const card = renderCard()
    await card.waitFor(() => expect(card.maybeFindByTestId(EmptyState, 'thread-empty')).not.toBeNull())
    const empty = card.findByTestId(EmptyState, 'thread-empty')
    expect(empty.props.title).toBe('No WhatsApp conversation yet')
    expect(empty.find(Text).text).toContain('no WhatsApp history')
    expect(card.maybeFindByTestId(Text, 'composer')).toBeNull()
  })

  it('shows the error with the backend sentence and retries on demand', async () => {
    const backend = mockBackend({
      'GET /api/v1/thread': [
        jsonResponse(503, createErrorEnvelope('unavailable', 'The database is restarting.')),
        jsonResponse(200, createThread()),
      ],
    })
    const card = renderCard()
    await card.waitFor(() => expect(card.maybeFindByTestId(ErrorState, 'thread-error')).not.toBeNull())
    const error = card.findByTestId(ErrorState, 'thread-error')
    expect(error.props.title).toBe("Couldn't load the WhatsApp conversation")
    expect(textOf(error)).toContain('The database is restarting.')
    expect(textOf(error)).toContain('req_test_1')

    card.findByTestId(Button, 'thread-retry').trigger('onClick')
    await card.waitFor(() => expect(card.maybeFindByTestId(Text, 'text-m-in')).not.toBeNull())
    expect(backend.callsTo('GET', '/api/v1/thread')).toHaveLength(2)
  })

  it('treats an unreadable answer as an error, not as an empty thread', async () => {
    mockBackend({ 'GET /api/v1/thread': jsonResponse(200, { contact: 'nope' }) })
    const card = renderCard()
    await card.waitFor(() => expect(card.maybeFindByTestId(ErrorState, 'thread-error')).not.toBeNull())
    expect(textOf(card.findByTestId(ErrorState, 'thread-error'))).toContain('unexpected way')
  })
})
