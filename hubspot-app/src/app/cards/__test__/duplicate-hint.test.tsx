import { Alert, Text } from '@hubspot/ui-extensions'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createThread } from '../test-utils/fixtures'
import { jsonResponse, mockBackend } from '../test-utils/hubspot-mock'
import { renderCard } from '../test-utils/render-card'
import { textOf } from '../test-utils/text'

vi.mock('@hubspot/ui-extensions', async (importOriginal) =>
  (await import('../test-utils/hubspot-mock')).withFetchMock(await importOriginal()),
)

const hint = {
  candidate_id: 'cand-1',
  score: 0.97,
  other: { id: 'c-2', name: 'Chan Tai-man', phone: '+85261230002' },
  reasons: [
    { code: 'same_phone', detail: '+85291230001' },
    { code: 'name_similar', detail: '92 % similar' },
    { code: 'a_reason_from_a_newer_server', detail: 'evidence' },
  ],
}

describe('duplicate and number-change hints', () => {
  beforeEach(() => {
    vi.clearAllMocks()
  })

  it('says who the contact is probably the same person as, and why', async () => {
    mockBackend({ 'GET /api/v1/thread': jsonResponse(200, createThread({ duplicates: [hint] })) })
    const card = renderCard()
    await card.waitFor(() => expect(card.maybeFindByTestId(Alert, 'duplicate-cand-1')).not.toBeNull())
    const alert = card.findByTestId(Alert, 'duplicate-cand-1')
    expect(alert.props.title).toBe('Probably the same person as Chan Tai-man')
    expect(alert.props.variant).toBe('warning')
    // Known codes are labelled; an unknown one still shows its evidence.
    expect(textOf(alert)).toContain('Why: same phone +85291230001, similar name (92 % similar), evidence')
  })

  it('names an unnamed duplicate by its number, in the user language', async () => {
    const unnamed = { ...hint, other: { ...hint.other, name: null }, reasons: [hint.reasons[0]] }
    mockBackend({ 'GET /api/v1/thread': jsonResponse(200, createThread({ duplicates: [unnamed] })) })
    const card = renderCard({ locale: 'pt-br' })
    await card.waitFor(() => expect(card.maybeFindByTestId(Alert, 'duplicate-cand-1')).not.toBeNull())
    expect(card.findByTestId(Alert, 'duplicate-cand-1').props.title).toBe(
      'Provavelmente a mesma pessoa que outro contato (+85261230002)',
    )
  })

  it('shows a number change and nothing when there is neither', async () => {
    mockBackend({
      'GET /api/v1/thread': [
        jsonResponse(
          200,
          createThread({
            identity_changes: [
              {
                kind: 'phone',
                from: '+5511955550001',
                to: '+5511955550002',
                reason: 'number_change',
                at: '2026-11-02T10:00:00.000Z',
              },
            ],
          }),
        ),
      ],
    })
    const card = renderCard()
    await card.waitFor(() => expect(card.maybeFindByTestId(Text, 'identity-change')).not.toBeNull())
    expect(card.findByTestId(Text, 'identity-change').text).toMatch(
      /^Changed number from \+5511955550001 to \+5511955550002 on .+/,
    )
    expect(card.maybeFind(Alert)).toBeNull()
  })

  it('renders a thread from an older server (no hint fields) as before', async () => {
    mockBackend({ 'GET /api/v1/thread': jsonResponse(200, createThread()) })
    const card = renderCard()
    await card.waitFor(() => expect(card.maybeFindByTestId(Text, 'text-m-in')).not.toBeNull())
    expect(card.maybeFindByTestId(Text, 'identity-change')).toBeNull()
    expect(card.maybeFind(Alert)).toBeNull()
  })
})
