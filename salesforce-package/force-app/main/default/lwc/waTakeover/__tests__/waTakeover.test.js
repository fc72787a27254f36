import { createElement } from '@lwc/engine-dom'
import setTakeover from '@salesforce/apex/WaThreadController.setTakeover'
import WaTakeover from 'c/waTakeover'
import { apexFailure, flushPromises } from 'test-utils'

jest.mock('@salesforce/apex/WaThreadController.setTakeover', () => ({ default: jest.fn() }), {
  virtual: true,
})

const RECORD_ID = '003000000000001AAA'
const CONTACT_ID = '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b'
const NOW = Date.parse('2026-12-03T12:00:00.000Z')

function mount(pausedUntil = null) {
  const element = createElement('c-wa-takeover', { is: WaTakeover })
  Object.assign(element, { recordId: RECORD_ID, contactId: CONTACT_ID, pausedUntil, now: NOW })
  document.body.appendChild(element)
  const changes = []
  element.addEventListener('takeoverchange', (event) => {
    changes.push(event.detail.pausedUntil)
    element.pausedUntil = event.detail.pausedUntil
  })
  return { element, changes }
}

const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`)
const toggle = async (element, checked) => {
  $(element, 'takeover-toggle').dispatchEvent(new CustomEvent('change', { detail: { checked } }))
  await flushPromises()
}

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild)
  jest.resetAllMocks()
})

describe('c-wa-takeover', () => {
  it('takes the conversation over and shows until when automation is paused', async () => {
    setTakeover.mockResolvedValue(JSON.stringify({ automation_paused_until: '2026-12-04T00:00:00.000Z' }))
    const { element, changes } = mount()
    expect($(element, 'takeover-toggle').checked).toBe(false)
    expect($(element, 'takeover-state').textContent).toBe('Automation is active for this contact')

    await toggle(element, true)
    expect(setTakeover).toHaveBeenCalledWith({ recordId: RECORD_ID, contactId: CONTACT_ID, takeOver: true })
    expect(changes).toEqual(['2026-12-04T00:00:00.000Z'])
    expect($(element, 'takeover-toggle').checked).toBe(true)
    expect($(element, 'takeover-state').textContent).toMatch(/^Automation paused until Dec 3, 2026/)
  })

  it('hands the conversation back to automation', async () => {
    setTakeover.mockResolvedValue(JSON.stringify({ automation_paused_until: null }))
    const { element, changes } = mount('2026-12-03T20:00:00.000Z')
    expect($(element, 'takeover-toggle').checked).toBe(true)
    await toggle(element, false)
    expect(setTakeover).toHaveBeenCalledWith({ recordId: RECORD_ID, contactId: CONTACT_ID, takeOver: false })
    expect(changes).toEqual([null])
    expect($(element, 'takeover-toggle').checked).toBe(false)
  })

  it('treats a pause that has ended as off', () => {
    const { element } = mount('2026-12-03T11:00:00.000Z')
    expect($(element, 'takeover-toggle').checked).toBe(false)
  })

  it('says why the takeover could not change', async () => {
    setTakeover.mockRejectedValue(apexFailure({ kind: 'network' }))
    const { element, changes } = mount()
    $(element, 'takeover-toggle').checked = true
    await toggle(element, true)
    expect($(element, 'takeover-error').textContent).toBe(
      "Couldn't change the takeover: The server could not be reached.",
    )
    expect(changes).toEqual([])
    expect($(element, 'takeover-toggle').checked).toBe(false)
  })
})
