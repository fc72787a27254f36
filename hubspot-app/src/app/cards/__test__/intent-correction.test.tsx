import { Select, StatusTag, Text, Toggle } from '@hubspot/ui-extensions'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createErrorEnvelope, createMessage, createOutbound, createThread } from '../test-utils/fixtures'
import { jsonResponse, mockBackend, type Routes } from '../test-utils/hubspot-mock'
import { renderCard } from '../test-utils/render-card'
import { fire } from '../test-utils/trigger'

vi.mock('@hubspot/ui-extensions', async (importOriginal) =>
  (await import('../test-utils/hubspot-mock')).withFetchMock(await importOriginal()),
)

const sure = createMessage({
  id: '41',
  text: 'where is my parcel?',
  intent: { value: 'order_status', confidence: 0.97, suggestion: false },
})
const unsure = createMessage({
  id: '42',
  text: 'thanks but the charger is missing',
  intent: { value: 'price_discount', confidence: 0.48, suggestion: true },
})
const ours = createOutbound({ id: '43', text: 'on its way!' })

async function renderWith(routes: Routes, locale?: string) {
  const backend = mockBackend({
    'GET /api/v1/thread': jsonResponse(200, createThread({ messages: [sure, unsure, ours] })),
    ...routes,
  })
  const card = renderCard({ locale })
  await card.waitFor(() => expect(card.maybeFindByTestId(Toggle, 'takeover-toggle')).not.toBeNull())
  return { card, backend }
}

describe('one-click intent correction', () => {
  beforeEach(() => {
    vi.clearAllMocks()
  })

  it('states a confident intent as a fact and an unsure one as a suggestion, on customer messages only', async () => {
    const { card } = await renderWith({})
    expect(card.findByTestId(StatusTag, 'intent-41').text).toBe('Order status')
    expect(card.findByTestId(StatusTag, 'intent-41').props.variant).toBe('info')
    expect(card.findByTestId(StatusTag, 'intent-42').text).toBe('Suggested: Price / discount')
    expect(card.findByTestId(StatusTag, 'intent-42').props.variant).toBe('warning')
    expect(card.maybeFindByTestId(StatusTag, 'intent-43')).toBeNull()
    // The list offers every other intent.
    const options = card.findByTestId(Select, 'intent-correct-42').props.options.map((o) => o.value)
    expect(options).toHaveLength(8)
    expect(options).not.toContain('price_discount')
  })

  it('sends the pick with the rep and shows it as a fact once stored', async () => {
    const { card, backend } = await renderWith({
      'POST /api/v1/messages/42/corrections': jsonResponse(200, {
        correction: { id: 1, message_id: 42, field: 'intent', value: 'complaint' },
        paused: false,
      }),
    })
    fire(card.findByTestId(Select, 'intent-correct-42'), 'onChange', 'complaint')
    await card.waitFor(() => expect(card.findByTestId(StatusTag, 'intent-42').text).toBe('Complaint'))
    expect(card.findByTestId(StatusTag, 'intent-42').props.variant).toBe('info')
    const [call] = backend.callsTo('POST', '/api/v1/messages/42/corrections')
    expect(call?.body).toMatchObject({ field: 'intent', value: 'complaint' })
    expect(call?.query.get('portal_id')).toBe('123')
  })

  it('keeps the prediction and says why when the backend refuses', async () => {
    const { card } = await renderWith({
      'POST /api/v1/messages/42/corrections': jsonResponse(
        404,
        createErrorEnvelope('not_found', 'No such message in this workspace.'),
      ),
    })
    fire(card.findByTestId(Select, 'intent-correct-42'), 'onChange', 'complaint')
    await card.waitFor(() => expect(card.maybeFindByTestId(Text, 'intent-error-42')).not.toBeNull())
    expect(card.findByTestId(StatusTag, 'intent-42').text).toBe('Suggested: Price / discount')
  })

  it('speaks the rep’s language', async () => {
    const { card } = await renderWith({}, 'pt-br')
    expect(card.findByTestId(StatusTag, 'intent-42').text).toMatch(/^Sugestão: /)
    expect(card.findByTestId(Select, 'intent-correct-42').props.placeholder).toBe('Corrigir a intenção')
  })
})
