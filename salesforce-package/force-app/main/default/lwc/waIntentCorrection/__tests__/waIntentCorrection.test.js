import { createElement } from '@lwc/engine-dom'
import correctIntent from '@salesforce/apex/WaThreadController.correctIntent'
import WaIntentCorrection from 'c/waIntentCorrection'
import { readMessage } from 'c/waModel'
import { apexFailure, flushPromises } from 'test-utils'

jest.mock('@salesforce/apex/WaThreadController.correctIntent', () => ({ default: jest.fn() }), {
  virtual: true,
})

const THREAD = require('../../waThread/__tests__/data/thread.json')
const RECORD_ID = '003000000000001AAA'
const message = (id) => readMessage(THREAD.messages.find((m) => m.id === id))

function mount(msg) {
  const element = createElement('c-wa-intent-correction', { is: WaIntentCorrection })
  Object.assign(element, { recordId: RECORD_ID, message: msg })
  document.body.appendChild(element)
  const corrected = []
  element.addEventListener('intentcorrected', (event) => corrected.push(event.detail))
  return { element, corrected }
}

const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`)
const pick = async (element, value) => {
  $(element, 'intent-correct').dispatchEvent(new CustomEvent('change', { detail: { value } }))
  await flushPromises()
}
const stored = (value) =>
  JSON.stringify({
    correction: {
      id: 1,
      message_id: 3,
      field: 'intent',
      predicted: 'quote',
      predicted_confidence: 0.55,
      value,
      agreed: false,
      corrected_by: 'card:c1',
      rep: 'Ana',
      corrected_at: '2026-12-03T12:00:00.000Z',
    },
    paused: false,
  })

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild)
  jest.resetAllMocks()
})

describe('c-wa-intent-correction', () => {
  it('states a confident intent as a fact and an unsure one as a suggestion', () => {
    expect($(mount(message('m1')).element, 'intent').textContent).toBe('Price / discount')
    expect($(mount(message('m3')).element, 'intent').textContent).toBe('Suggested: Quote request')
  })

  it('offers every other intent, in the rep’s language', () => {
    const { element } = mount(message('m3'))
    const options = $(element, 'intent-correct').options
    expect(options.map((o) => o.value)).toEqual([
      'order_status',
      'price_discount',
      'product_inquiry',
      'store_location',
      'complaint',
      'human_request',
      'purchase_intent',
      'other',
    ])
    expect(options[4].label).toBe('Complaint')
  })

  it('sends one pick to the controller and reports what the backend stored', async () => {
    correctIntent.mockResolvedValue(stored('complaint'))
    const { element, corrected } = mount(message('m3'))
    await pick(element, 'complaint')
    expect(correctIntent).toHaveBeenCalledTimes(1)
    expect(correctIntent).toHaveBeenCalledWith({ recordId: RECORD_ID, messageId: 'm3', intent: 'complaint' })
    expect(corrected).toEqual([{ messageId: 'm3', value: 'complaint' }])
    expect($(element, 'intent-error')).toBeNull()
  })

  it('says why a correction was not saved and changes nothing', async () => {
    correctIntent.mockRejectedValue(
      apexFailure({ kind: 'http', status: 404, code: 'not_found', message: 'There is no such message.' }),
    )
    const { element, corrected } = mount(message('m3'))
    await pick(element, 'other')
    expect(corrected).toEqual([])
    expect($(element, 'intent-error').textContent).toBe("Couldn't save the intent: There is no such message.")
    expect($(element, 'intent').textContent).toBe('Suggested: Quote request')
  })

  it('shows nothing for a message without an intent', () => {
    const { element } = mount(message('m2'))
    expect($(element, 'intent-row')).toBeNull()
  })
})
