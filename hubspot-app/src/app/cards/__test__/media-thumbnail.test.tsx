import { Image, Text } from '@hubspot/ui-extensions'
import type { MediaRef } from '@scrm/shared'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMessage, createThread } from '../test-utils/fixtures'
import { jsonResponse, mockBackend } from '../test-utils/hubspot-mock'
import { renderCard } from '../test-utils/render-card'

vi.mock('@hubspot/ui-extensions', async (importOriginal) =>
  (await import('../test-utils/hubspot-mock')).withFetchMock(await importOriginal()),
)

async function renderThread(thread: unknown) {
  mockBackend({ 'GET /api/v1/thread': jsonResponse(200, thread) })
  const card = renderCard()
  await card.waitFor(() => expect(card.maybeFindByTestId(Text, 'takeover-state')).not.toBeNull())
  return card
}

const media = (overrides: Partial<MediaRef>): MediaRef => ({
  id: 'media-1',
  mime_type: 'image/jpeg',
  sha256: null,
  filename: null,
  url: 'https://scrm.example/media/0b6f/file?exp=1&sig=a',
  thumbnail_url: 'https://scrm.example/media/0b6f/thumb?exp=1&sig=b',
  state: 'stored',
  failure: null,
  ...overrides,
})

describe('media in the thread', () => {
  beforeEach(() => {
    vi.clearAllMocks()
  })

  it('shows our thumbnail, linked to our full-size copy', async () => {
    const card = await renderThread(
      createThread({ messages: [createMessage({ id: 'm-img', type: 'image', media: media({}) })] }),
    )
    const image = card.find(Image)
    expect(image.props.src).toBe('https://scrm.example/media/0b6f/thumb?exp=1&sig=b')
    expect(image.props.href).toEqual({
      url: 'https://scrm.example/media/0b6f/file?exp=1&sig=a',
      external: true,
    })
  })

  it('shows no image for a link that is not https, and says why a file is missing', async () => {
    const card = await renderThread(
      createThread({
        messages: [
          createMessage({ id: 'm-a', type: 'image', media: media({ thumbnail_url: 'javascript:alert(1)' }) }),
          createMessage({
            id: 'm-b',
            type: 'image',
            media: media({
              url: null,
              thumbnail_url: null,
              state: 'failed',
              failure: { reason: 'media_expired', explanation: 'WhatsApp no longer has this file.' },
            }),
          }),
        ],
      }),
    )
    expect(card.maybeFind(Image)).toBeNull()
    expect(card.findByTestId(Text, 'media-failed-m-b').text).toBe(
      'File not available: WhatsApp no longer has this file.',
    )
  })
})
