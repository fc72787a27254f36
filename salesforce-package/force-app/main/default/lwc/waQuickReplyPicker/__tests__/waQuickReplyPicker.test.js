import { createElement } from '@lwc/engine-dom'
import getQuickReplies from '@salesforce/apex/WaThreadController.getQuickReplies'
import previewQuickReply from '@salesforce/apex/WaThreadController.previewQuickReply'
import WaQuickReplyPicker from 'c/waQuickReplyPicker'
import { apexFailure, byDataId, flushPromises } from 'test-utils'

jest.mock('@salesforce/apex/WaThreadController.getQuickReplies', () => ({ default: jest.fn() }), {
  virtual: true,
})
jest.mock('@salesforce/apex/WaThreadController.previewQuickReply', () => ({ default: jest.fn() }), {
  virtual: true,
})

const QUICK_REPLIES = require('../../waThread/__tests__/data/quick-replies.json')
const MISSING = require('../../waThread/__tests__/data/preview-missing.json')
const COMPLETE = require('../../waThread/__tests__/data/preview-complete.json')
const RECORD_ID = '003000000000001AAA'
const CONTACT_ID = '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b'

function mount() {
  const element = createElement('c-wa-quick-reply-picker', { is: WaQuickReplyPicker })
  Object.assign(element, { recordId: RECORD_ID, contactId: CONTACT_ID })
  document.body.appendChild(element)
  const composed = []
  element.addEventListener('compose', (event) => composed.push(event.detail.content))
  return { element, composed }
}

const $ = byDataId
const $$ = (element, id) => [...element.shadowRoot.querySelectorAll(`[data-id="${id}"]`)]
const text = (node) => node?.textContent.trim() ?? null
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const choose = async (element, value) => {
  $(element, 'quick-reply-select').dispatchEvent(new CustomEvent('change', { detail: { value } }))
  await flushPromises()
}

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild)
  jest.resetAllMocks()
})

describe('c-wa-quick-reply-picker', () => {
  it('previews the reply personalised by the backend, with inputs only for what the contact does not give', async () => {
    getQuickReplies.mockResolvedValue(JSON.stringify(QUICK_REPLIES))
    previewQuickReply.mockResolvedValue(JSON.stringify(MISSING))
    const { element } = mount()
    await flushPromises()
    expect($(element, 'quick-reply-select').options).toEqual([
      { label: 'Welcome', value: 'welcome' },
      { label: 'Thanks', value: 'thanks' },
    ])

    await choose(element, 'welcome')
    expect(previewQuickReply).toHaveBeenCalledWith({
      recordId: RECORD_ID,
      contactId: CONTACT_ID,
      key: 'welcome',
      variables: { store: 'Centro' },
    })
    expect(text($(element, 'quick-reply-preview'))).toBe('Hi Ana, visit us at Centro before {{date}}.')
    const inputs = $$(element, 'quick-reply-variable')
    expect(inputs.map((i) => i.label)).toEqual(['Value for store', 'Value for date'])
    expect(inputs.map((i) => i.value)).toEqual(['Centro', ''])
    expect(text($(element, 'quick-reply-missing'))).toBe('Fill in: date')
    expect($(element, 'quick-reply-send').disabled).toBe(true)
  })

  it('previews again after typing (once, after a pause) and composes the reply with the typed values', async () => {
    getQuickReplies.mockResolvedValue(JSON.stringify(QUICK_REPLIES))
    previewQuickReply
      .mockResolvedValueOnce(JSON.stringify(MISSING))
      .mockResolvedValueOnce(JSON.stringify(COMPLETE))
    const { element, composed } = mount()
    await flushPromises()
    await choose(element, 'welcome')

    const date = $$(element, 'quick-reply-variable')[1]
    date.dispatchEvent(new CustomEvent('change', { detail: { value: 'Fri' } }))
    date.dispatchEvent(new CustomEvent('change', { detail: { value: 'Friday' } }))
    await flushPromises()
    expect(previewQuickReply).toHaveBeenCalledTimes(1)
    await wait(350)
    await flushPromises()
    expect(previewQuickReply).toHaveBeenCalledTimes(2)
    expect(previewQuickReply.mock.calls[1][0].variables).toEqual({ store: 'Centro', date: 'Friday' })
    expect(text($(element, 'quick-reply-preview'))).toBe('Hi Ana, visit us at Centro before Friday.')
    expect($(element, 'quick-reply-missing')).toBeNull()
    expect($(element, 'quick-reply-send').disabled).toBe(false)

    $(element, 'quick-reply-send').click()
    expect(composed).toEqual([
      { type: 'quick_reply', key: 'welcome', variables: { store: 'Centro', date: 'Friday' } },
    ])
  })

  it('composes a reply without variables as its key alone', async () => {
    getQuickReplies.mockResolvedValue(JSON.stringify(QUICK_REPLIES))
    previewQuickReply.mockResolvedValue(
      JSON.stringify({ key: 'thanks', text: 'Thank you!', missing: [], variables: [] }),
    )
    const { element, composed } = mount()
    await flushPromises()
    await choose(element, 'thanks')
    expect($$(element, 'quick-reply-variable')).toEqual([])
    $(element, 'quick-reply-send').click()
    expect(composed).toEqual([{ type: 'quick_reply', key: 'thanks' }])
  })

  it('drops a preview that arrives after a newer choice', async () => {
    getQuickReplies.mockResolvedValue(JSON.stringify(QUICK_REPLIES))
    let slow
    previewQuickReply
      .mockReturnValueOnce(new Promise((r) => (slow = r)))
      .mockResolvedValueOnce(
        JSON.stringify({ key: 'thanks', text: 'Thank you!', missing: [], variables: [] }),
      )
    const { element } = mount()
    await flushPromises()
    await choose(element, 'welcome')
    await choose(element, 'thanks')
    slow(JSON.stringify(MISSING))
    await flushPromises()
    expect(text($(element, 'quick-reply-preview'))).toBe('Thank you!')
  })

  it('says why the preview failed and does not let the reply be sent', async () => {
    getQuickReplies.mockResolvedValue(JSON.stringify(QUICK_REPLIES))
    previewQuickReply.mockRejectedValue(
      apexFailure({ kind: 'http', status: 404, code: 'not_found', message: 'No such quick reply.' }),
    )
    const { element, composed } = mount()
    await flushPromises()
    await choose(element, 'welcome')
    expect(text($(element, 'quick-reply-preview-error'))).toBe(
      "Couldn't personalise the reply: No such quick reply.",
    )
    expect($(element, 'quick-reply-send').disabled).toBe(true)
    $(element, 'quick-reply-send').click()
    expect(composed).toEqual([])
  })

  it('says when no quick replies are set up', async () => {
    getQuickReplies.mockResolvedValue(JSON.stringify({ quick_replies: [] }))
    const { element } = mount()
    await flushPromises()
    expect(text($(element, 'quick-replies-none'))).toBe('No quick replies are set up.')
  })

  it('says why quick replies could not be loaded, and retry loads them', async () => {
    getQuickReplies
      .mockRejectedValueOnce(apexFailure({ kind: 'network' }))
      .mockResolvedValueOnce(JSON.stringify(QUICK_REPLIES))
    const { element } = mount()
    await flushPromises()
    expect(text($(element, 'quick-replies-error'))).toContain(
      "Couldn't load quick replies: The server could not be reached.",
    )
    $(element, 'quick-replies-retry').click()
    await flushPromises()
    expect($(element, 'quick-reply-select')).not.toBeNull()
  })
})
