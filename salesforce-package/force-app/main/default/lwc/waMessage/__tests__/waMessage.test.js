import { createElement } from '@lwc/engine-dom'
import WaMessage from 'c/waMessage'
import { readMessage } from 'c/waModel'

const THREAD = require('../../waThread/__tests__/data/thread.json')
const MORE = require('./data/messages.json')

const byId = (id) => readMessage(THREAD.messages.find((m) => m.id === id))

function mount(message) {
  const element = createElement('c-wa-message', { is: WaMessage })
  element.message = message
  document.body.appendChild(element)
  return element
}

const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`)
const text = (node) => node?.textContent.trim() ?? null

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild)
})

describe('c-wa-message', () => {
  it('puts customer text on the left as text, never as markup', () => {
    const element = mount(byId('m1'))
    expect($(element, 'message').className).toContain('wa-row_inbound')
    expect($(element, 'text').textContent).toBe('<img src=x onerror=alert(1)> Is there a discount?')
    expect(element.shadowRoot.querySelector('img')).toBeNull()
    expect(text($(element, 'meta'))).toMatch(/^Customer · Dec 3, 2026/)
    expect($(element, 'status')).toBeNull()
  })

  it('shows our message on the right with its delivery state and reactions', () => {
    const element = mount(byId('m2'))
    expect($(element, 'message').className).toContain('wa-row_outbound')
    expect(text($(element, 'status'))).toBe('Read')
    expect($(element, 'status').className).toContain('slds-theme_success')
    expect(text($(element, 'reactions'))).toBe('Reactions: 👍')
    expect($(element, 'failure-reason')).toBeNull()
  })

  it('labels media with its kind and file name and links only https media', () => {
    const image = mount(byId('m3'))
    expect(text($(image, 'media-label'))).toContain('Image · shoe.jpg')
    expect($(image, 'media-link').getAttribute('href')).toBe('https://cdn.example.com/media/shoe.jpg')
    expect($(image, 'media-link').getAttribute('rel')).toBe('noopener noreferrer')
    expect(text($(image, 'text'))).toBe('Like this one')

    const doc = mount(readMessage(MORE.document_javascript_url))
    expect(text($(doc, 'media-label'))).toBe('Document · invoice.pdf')
    expect($(doc, 'media-link')).toBeNull()
  })

  it("shows a failed send with Meta's title, code and details", () => {
    const element = mount(byId('m4'))
    expect(text($(element, 'status'))).toBe('Failed')
    expect($(element, 'status').className).toContain('slds-theme_error')
    expect(text($(element, 'failure-reason'))).toBe('Not delivered: Re-engagement message (code 131047)')
    expect(text($(element, 'failure-details'))).toBe(
      'More than 24 hours have passed since the recipient last replied.',
    )
    expect(text($(element, 'meta'))).toMatch(/^Automation · /)
  })

  it('shows a failure without a title by its code', () => {
    const element = mount(readMessage(MORE.failed_without_title))
    expect(text($(element, 'failure-reason'))).toBe('Not delivered (code 131026)')
    expect($(element, 'failure-details')).toBeNull()
    expect(text($(element, 'meta'))).toMatch(/^WhatsApp Business app · /)
  })

  it('marks an edit with the original text', () => {
    const element = mount(byId('m5'))
    expect(text($(element, 'text'))).toBe('I want the blue one')
    expect(text($(element, 'edited'))).toMatch(/^Edited · Dec 3, 2026/)
    expect(text($(element, 'original'))).toBe('Original: I want the red one')
  })

  it('shows a deleted message as deleted, without its text', () => {
    const element = mount(byId('m6'))
    expect(text($(element, 'deleted'))).toBe('This message was deleted')
    expect($(element, 'text')).toBeNull()
    expect($(element, 'edited')).toBeNull()
  })

  it('shows a location with a map link built from its coordinates', () => {
    const element = mount(readMessage(MORE.location))
    expect(text($(element, 'location'))).toContain('Location: Loja Centro')
    expect($(element, 'map-link').getAttribute('href')).toBe('https://www.google.com/maps?q=-23.55,-46.63')
  })

  it('shows a shared contact card as text', () => {
    const element = mount(readMessage(MORE.contacts))
    expect($(element, 'contacts').textContent).toBe('Contact card: João <b>Silva</b>')
    expect(element.shadowRoot.querySelector('b')).toBeNull()
  })

  it('names a message type it cannot show', () => {
    const element = mount(readMessage(MORE.unsupported))
    expect(text($(element, 'placeholder'))).toBe('Message of a type the card does not show (interactive)')
  })

  it('shows a delivery state it does not know by its raw name', () => {
    const element = mount(readMessage(MORE.sent_new_status))
    expect(text($(element, 'status'))).toBe('accepted_by_meta')
    expect(text($(element, 'meta'))).toMatch(/^Integration · /)
  })
})
