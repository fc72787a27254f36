import { createElement } from '@lwc/engine-dom'
import getQuickReplies from '@salesforce/apex/WaThreadController.getQuickReplies'
import getTemplates from '@salesforce/apex/WaThreadController.getTemplates'
import sendMessage from '@salesforce/apex/WaThreadController.sendMessage'
import WaComposer from 'c/waComposer'
import { apexFailure, flushPromises } from 'test-utils'

jest.mock('@salesforce/apex/WaThreadController.sendMessage', () => ({ default: jest.fn() }), {
  virtual: true,
})
jest.mock('@salesforce/apex/WaThreadController.getTemplates', () => ({ default: jest.fn() }), {
  virtual: true,
})
jest.mock('@salesforce/apex/WaThreadController.getQuickReplies', () => ({ default: jest.fn() }), {
  virtual: true,
})

const THREAD = require('../../waThread/__tests__/data/thread.json')
const TEMPLATES = require('../../waThread/__tests__/data/templates.json')
const QUICK_REPLIES = require('../../waThread/__tests__/data/quick-replies.json')
const ACCEPTED = require('../../waThread/__tests__/data/send-accepted.json')
const RECORD_ID = '003000000000001AAA'

function mount(windowOpen = true) {
  const element = createElement('c-wa-composer', { is: WaComposer })
  Object.assign(element, { recordId: RECORD_ID, contact: THREAD.contact, windowOpen })
  document.body.appendChild(element)
  const sent = []
  const toasts = []
  element.addEventListener('sent', (event) => sent.push(event.detail.message))
  element.addEventListener('lightning__showtoast', (event) => toasts.push(event.detail))
  return { element, sent, toasts }
}

const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`)
const text = (node) => node?.textContent.trim() ?? null
const write = async (element, value) => {
  $(element, 'composer-text').dispatchEvent(new CustomEvent('change', { detail: { value } }))
  await flushPromises()
}
const sendText = async (element) => {
  $(element, 'composer-send').click()
  await flushPromises()
}

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild)
  jest.resetAllMocks()
})

describe('c-wa-composer', () => {
  it('sends free text as the agent, clears the box and announces the queued message', async () => {
    sendMessage.mockResolvedValue(JSON.stringify(ACCEPTED))
    const { element, sent, toasts } = mount()
    expect($(element, 'composer-send').disabled).toBe(true)
    await write(element, 'We have it in blue')
    expect($(element, 'composer-send').disabled).toBe(false)
    await sendText(element)

    expect(sendMessage).toHaveBeenCalledTimes(1)
    const call = sendMessage.mock.calls[0][0]
    expect(call.recordId).toBe(RECORD_ID)
    expect(call.contactId).toBe(THREAD.contact.id)
    expect(JSON.parse(call.content)).toEqual({ type: 'text', text: 'We have it in blue' })
    expect(call.idempotencyKey).toMatch(new RegExp(`^salesforce:${RECORD_ID}:[a-z0-9]+:[a-z0-9]{8}$`))
    expect(sent.map((m) => m.id)).toEqual(['m9'])
    expect(toasts).toEqual([
      expect.objectContaining({ title: 'Message queued for WhatsApp.', variant: 'success' }),
    ])
    expect($(element, 'composer-text').value).toBe('')
    expect($(element, 'send-error')).toBeNull()
  })

  it('retries the same draft with the same idempotency key, a new draft with a new one', async () => {
    sendMessage
      .mockRejectedValueOnce(apexFailure({ kind: 'timeout' }))
      .mockResolvedValueOnce(JSON.stringify(ACCEPTED))
    sendMessage.mockResolvedValueOnce(
      JSON.stringify({ ...ACCEPTED, message: { ...ACCEPTED.message, id: 'm10' } }),
    )
    const { element } = mount()
    await write(element, 'Hello')
    await sendText(element)
    expect(text($(element, 'send-error'))).toContain("Couldn't send")
    expect(text($(element, 'feedback-text'))).toBe('The server took too long to answer.')
    expect($(element, 'composer-text').value).toBe('Hello')

    await sendText(element)
    const [first, second] = sendMessage.mock.calls.map((c) => c[0].idempotencyKey)
    expect(second).toBe(first)
    expect($(element, 'send-error')).toBeNull()

    await write(element, 'Hello')
    await sendText(element)
    expect(sendMessage.mock.calls[2][0].idempotencyKey).not.toBe(first)
  })

  it.each([
    ['window_closed_template_required', 'More than 24 hours have passed since this contact last wrote.'],
    ['opted_out', 'This contact opted out.'],
    ['automation_paused', 'A person is handling this conversation'],
    ['cap_exceeded:marketing_weekly', 'This contact already got a marketing message recently.'],
    ['no_channel', 'Your workspace has no WhatsApp number to send from yet.'],
  ])('explains the refusal %s in plain words', async (reason, expected) => {
    sendMessage.mockRejectedValue(
      apexFailure({ kind: 'http', status: 422, code: 'send_refused', reason, message: 'Refused by policy.' }),
    )
    const { element, sent } = mount()
    await write(element, 'Hi')
    await sendText(element)
    expect(text($(element, 'send-refused'))).toContain('Not sent')
    expect(text($(element, 'feedback-text'))).toContain(expected)
    expect($(element, 'send-error')).toBeNull()
    expect(sent).toEqual([])
  })

  it("falls back to the server's sentence for a refusal it does not know", async () => {
    sendMessage.mockRejectedValue(
      apexFailure({
        kind: 'http',
        status: 422,
        code: 'send_refused',
        reason: 'brand_new_rule',
        message: 'A rule added later.',
      }),
    )
    const { element } = mount()
    await write(element, 'Hi')
    await sendText(element)
    expect(text($(element, 'feedback-text'))).toBe('A rule added later.')
  })

  it('offers free text, quick replies and templates while the window is open', async () => {
    getQuickReplies.mockResolvedValue(JSON.stringify(QUICK_REPLIES))
    getTemplates.mockResolvedValue(JSON.stringify(TEMPLATES))
    const { element } = mount(true)
    const mode = $(element, 'composer-mode')
    expect(mode.options.map((o) => o.value)).toEqual(['text', 'quick_reply', 'template'])
    expect(mode.options.map((o) => o.label)).toEqual(['Free text', 'Quick reply', 'Template'])

    mode.dispatchEvent(new CustomEvent('change', { detail: { value: 'quick_reply' } }))
    await flushPromises()
    expect($(element, 'composer-text')).toBeNull()
    expect(element.shadowRoot.querySelector('c-wa-quick-reply-picker')).not.toBeNull()

    mode.dispatchEvent(new CustomEvent('change', { detail: { value: 'template' } }))
    await flushPromises()
    expect(element.shadowRoot.querySelector('c-wa-template-picker')).not.toBeNull()
    expect($(element, 'window-closed-hint')).toBeNull()
  })

  it('offers only templates once the window has closed, and says why', async () => {
    getTemplates.mockResolvedValue(JSON.stringify(TEMPLATES))
    const { element } = mount(false)
    expect($(element, 'composer-mode')).toBeNull()
    expect($(element, 'composer-text')).toBeNull()
    expect(text($(element, 'window-closed-hint'))).toContain(
      'Only approved templates can be sent until the contact writes again.',
    )
    expect(element.shadowRoot.querySelector('c-wa-template-picker')).not.toBeNull()
  })

  it('sends what a picker composed and clears the picker only after it was queued', async () => {
    getTemplates.mockResolvedValue(JSON.stringify(TEMPLATES))
    sendMessage
      .mockRejectedValueOnce(apexFailure({ kind: 'network' }))
      .mockResolvedValueOnce(JSON.stringify(ACCEPTED))
    const { element, sent } = mount(false)
    await flushPromises()
    const picker = element.shadowRoot.querySelector('c-wa-template-picker')
    const reset = jest.spyOn(picker, 'reset')
    const content = { type: 'template', name: 'order_update', language: 'pt_BR' }

    picker.dispatchEvent(new CustomEvent('compose', { detail: { content } }))
    await flushPromises()
    expect(reset).not.toHaveBeenCalled()
    expect(text($(element, 'feedback-text'))).toBe('The server could not be reached.')

    picker.dispatchEvent(new CustomEvent('compose', { detail: { content } }))
    await flushPromises()
    expect(reset).toHaveBeenCalledTimes(1)
    expect(JSON.parse(sendMessage.mock.calls[1][0].content)).toEqual(content)
    expect(sent).toHaveLength(1)
  })
})
