import { Alert, Button, Input, StatusTag, Text, Toggle } from '@hubspot/ui-extensions'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  CONTACT_ID,
  createContact,
  createErrorEnvelope,
  createTag,
  createThread,
  HOUR,
  isoIn,
} from '../test-utils/fixtures'
import { jsonResponse, mockBackend, type Routes } from '../test-utils/hubspot-mock'
import { renderCard } from '../test-utils/render-card'
import { fire } from '../test-utils/trigger'

vi.mock('@hubspot/ui-extensions', async (importOriginal) =>
  (await import('../test-utils/hubspot-mock')).withFetchMock(await importOriginal()),
)

async function renderWith(routes: Routes) {
  const backend = mockBackend(routes)
  const card = renderCard()
  await card.waitFor(() => expect(card.maybeFindByTestId(Toggle, 'takeover-toggle')).not.toBeNull())
  return { card, backend }
}

describe('human takeover', () => {
  beforeEach(() => {
    vi.clearAllMocks()
  })

  it('turns on for 12 h and shows until when automation is paused', async () => {
    const until = isoIn(12 * HOUR)
    const { card, backend } = await renderWith({
      'GET /api/v1/thread': jsonResponse(200, createThread()),
      [`POST /api/v1/contacts/${CONTACT_ID}/takeover`]: jsonResponse(200, { automation_paused_until: until }),
    })
    expect(card.findByTestId(Toggle, 'takeover-toggle').props.checked).toBe(false)
    expect(card.findByTestId(Text, 'takeover-state').text).toBe('Automation is active for this contact')

    fire(card.findByTestId(Toggle, 'takeover-toggle'), 'onChange', true)
    await card.waitFor(() => expect(card.findByTestId(Toggle, 'takeover-toggle').props.checked).toBe(true))
    expect(backend.callsTo('POST', `/api/v1/contacts/${CONTACT_ID}/takeover`)[0]?.body).toEqual({ hours: 12 })
    expect(card.findByTestId(Text, 'takeover-state').text).toMatch(/^Automation paused until /)
    // Every signed card call carries the portal id the backend maps to a workspace.
    expect(backend.calls.map((c) => c.query.get('portal_id'))).toEqual(['123', '123'])
  })

  it('turns off with release and reads the paused state from the thread when the backend sends it', async () => {
    const thread = createThread({ contact: createContact({ automation_paused_until: isoIn(3 * HOUR) }) })
    const { card, backend } = await renderWith({
      'GET /api/v1/thread': jsonResponse(200, thread),
      [`POST /api/v1/contacts/${CONTACT_ID}/takeover`]: jsonResponse(200, { automation_paused_until: null }),
    })
    expect(card.findByTestId(Toggle, 'takeover-toggle').props.checked).toBe(true)
    fire(card.findByTestId(Toggle, 'takeover-toggle'), 'onChange', false)
    await card.waitFor(() => expect(card.findByTestId(Toggle, 'takeover-toggle').props.checked).toBe(false))
    expect(backend.callsTo('POST', `/api/v1/contacts/${CONTACT_ID}/takeover`)[0]?.body).toEqual({
      release: true,
    })
  })

  it('says so when the takeover could not be changed', async () => {
    const { card } = await renderWith({
      'GET /api/v1/thread': jsonResponse(200, createThread()),
      [`POST /api/v1/contacts/${CONTACT_ID}/takeover`]: jsonResponse(
        404,
        createErrorEnvelope('not_found', 'No such contact in this workspace.'),
      ),
    })
    fire(card.findByTestId(Toggle, 'takeover-toggle'), 'onChange', true)
    await card.waitFor(() => expect(card.maybeFind(Alert)).not.toBeNull())
    expect(card.find(Alert).props.title).toBe(
      "Couldn't change the takeover: No such contact in this workspace.",
    )
    expect(card.findByTestId(Toggle, 'takeover-toggle').props.checked).toBe(false)
  })
})

describe('tags', () => {
  beforeEach(() => {
    vi.clearAllMocks()
  })

  it('shows tags as chips, adds one by label and removes one by key', async () => {
    const vip = createTag()
    const hot = createTag({ key: 'hot_lead', label: 'Hot lead' })
    const { card, backend } = await renderWith({
      'GET /api/v1/thread': jsonResponse(200, createThread({ tags: [vip] })),
      [`POST /api/v1/contacts/${CONTACT_ID}/tags`]: jsonResponse(200, { tags: [vip, hot] }),
      [`DELETE /api/v1/contacts/${CONTACT_ID}/tags/vip`]: jsonResponse(200, { tags: [hot] }),
    })
    expect(card.findByTestId(StatusTag, 'tag-vip').text).toBe('VIP')

    fire(card.findByTestId(Input, 'tag-input'), 'onChange', 'Hot lead')
    card.findByTestId(Button, 'tag-add').trigger('onClick')
    await card.waitFor(() => expect(card.maybeFindByTestId(StatusTag, 'tag-hot_lead')).not.toBeNull())
    expect(backend.callsTo('POST', `/api/v1/contacts/${CONTACT_ID}/tags`)[0]?.body).toEqual({
      key: 'hot_lead',
      label: 'Hot lead',
    })
    await card.waitFor(() => expect(card.findByTestId(Input, 'tag-input').props.value).toBe(''))

    card.findByTestId(StatusTag, 'tag-vip').trigger('onRemoveClick')
    await card.waitFor(() => expect(card.maybeFindByTestId(StatusTag, 'tag-vip')).toBeNull())
    expect(card.findByTestId(StatusTag, 'tag-hot_lead').text).toBe('Hot lead')
  })

  it('keeps the tags and says editing is not available while the backend has no tag routes', async () => {
    const { card } = await renderWith({ 'GET /api/v1/thread': jsonResponse(200, createThread()) })
    fire(card.findByTestId(Input, 'tag-input'), 'onChange', 'Churn watch')
    card.findByTestId(Button, 'tag-add').trigger('onClick')
    await card.waitFor(() => expect(card.maybeFindByTestId(Alert, 'tags-error')).not.toBeNull())
    expect(card.findByTestId(Alert, 'tags-error').props.title).toBe(
      'Editing tags is not available on the server yet.',
    )
    expect(card.findByTestId(StatusTag, 'tag-vip').text).toBe('VIP')
    expect(card.findByTestId(Input, 'tag-input').props.value).toBe('Churn watch')
  })
})
