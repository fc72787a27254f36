import { createElement } from '@lwc/engine-dom'
import addTag from '@salesforce/apex/WaThreadController.addTag'
import correctIntent from '@salesforce/apex/WaThreadController.correctIntent'
import getTemplates from '@salesforce/apex/WaThreadController.getTemplates'
import getThread from '@salesforce/apex/WaThreadController.getThread'
import sendMessage from '@salesforce/apex/WaThreadController.sendMessage'
import setTakeover from '@salesforce/apex/WaThreadController.setTakeover'
import WaThread from 'c/waThread'
import { apexFailure, flushPromises } from 'test-utils'

jest.mock('@salesforce/apex/WaThreadController.getThread', () => ({ default: jest.fn() }), { virtual: true })
jest.mock('@salesforce/apex/WaThreadController.getTemplates', () => ({ default: jest.fn() }), {
  virtual: true,
})
jest.mock('@salesforce/apex/WaThreadController.sendMessage', () => ({ default: jest.fn() }), {
  virtual: true,
})
jest.mock('@salesforce/apex/WaThreadController.setTakeover', () => ({ default: jest.fn() }), {
  virtual: true,
})
jest.mock('@salesforce/apex/WaThreadController.addTag', () => ({ default: jest.fn() }), { virtual: true })
jest.mock('@salesforce/apex/WaThreadController.correctIntent', () => ({ default: jest.fn() }), {
  virtual: true,
})

const THREAD = require('./data/thread.json')
const OLDER = require('./data/thread-older.json')
const EMPTY = require('./data/thread-empty.json')
const CLOSED = require('./data/thread-closed.json')
const TEMPLATES = require('./data/templates.json')
const ACCEPTED = require('./data/send-accepted.json')

const RECORD_ID = '003000000000001AAA'
const NOW = Date.parse('2026-12-03T12:00:00.000Z')
const json = (value) => JSON.stringify(value)

function mount(props = {}) {
  const element = createElement('c-wa-thread', { is: WaThread })
  Object.assign(element, { recordId: RECORD_ID, objectApiName: 'Contact', ...props })
  document.body.appendChild(element)
  return element
}

const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`)
const child = (element, tag) => element.shadowRoot.querySelector(tag)
const text = (node) => node?.textContent.trim() ?? null

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW)
})

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild)
  jest.resetAllMocks()
  jest.restoreAllMocks()
})

describe('c-wa-thread: states', () => {
  it('shows the loading state until the thread arrives, asking for the record without a cursor', async () => {
    let resolve
    getThread.mockReturnValue(new Promise((r) => (resolve = r)))
    const element = mount()
    await Promise.resolve()
    expect($(element, 'loading')).not.toBeNull()
    expect(text($(element, 'loading'))).toBe('Loading the WhatsApp conversation…')
    expect(getThread).toHaveBeenCalledWith({ recordId: RECORD_ID, cursor: null })

    resolve(json(THREAD))
    await flushPromises()
    expect($(element, 'loading')).toBeNull()
    expect($(element, 'thread')).not.toBeNull()
  })

  it('shows the empty state when no WhatsApp contact is behind the record', async () => {
    getThread.mockResolvedValue(json(EMPTY))
    const element = mount()
    await flushPromises()
    expect(text($(element, 'empty'))).toContain('No WhatsApp conversation yet')
    expect($(element, 'thread')).toBeNull()
    expect(child(element, 'c-wa-composer')).toBeNull()
  })

  it('shows an error with the request id, and retry loads again', async () => {
    getThread.mockRejectedValueOnce(
      apexFailure({
        kind: 'http',
        status: 503,
        code: 'unavailable',
        message: 'The database is not reachable.',
        requestId: 'req-42',
      }),
    )
    const element = mount()
    await flushPromises()
    expect(text($(element, 'error-text'))).toBe('The database is not reachable.')
    expect(text($(element, 'request-id'))).toBe('Request id: req-42')

    getThread.mockResolvedValueOnce(json(THREAD))
    $(element, 'retry').click()
    await flushPromises()
    expect(getThread).toHaveBeenCalledTimes(2)
    expect($(element, 'error')).toBeNull()
    expect($(element, 'thread')).not.toBeNull()
  })

  it.each([
    [{ kind: 'timeout' }, 'The server took too long to answer.'],
    [{ kind: 'network' }, 'The server could not be reached.'],
    [
      { kind: 'http', status: 401, code: 'unauthorized', message: 'Unknown org key.' },
      "The WhatsApp CRM does not recognise this org's key.",
    ],
    [{ kind: 'not_configured' }, 'The connection to the WhatsApp CRM is not set up in this org.'],
    [{ kind: 'no_access', status: 404 }, "You don't have access to this record or its phone fields."],
    [{ kind: 'http', status: 500 }, 'The server answered with an error (HTTP 500).'],
  ])('explains a failed load (%o)', async (failure, expected) => {
    getThread.mockRejectedValue(apexFailure(failure))
    const element = mount()
    await flushPromises()
    expect(text($(element, 'error-text'))).toContain(expected)
    expect($(element, 'retry')).not.toBeNull()
  })

  it('treats an answer that is not the thread shape as an invalid response', async () => {
    getThread.mockResolvedValue(json({ contact: null, messages: 'nope' }))
    const element = mount()
    await flushPromises()
    expect(text($(element, 'error-text'))).toBe('The server answered in an unexpected way.')
  })

  it('keeps only the newest answer when a refresh overtakes a slow load', async () => {
    let slow
    getThread.mockReturnValueOnce(new Promise((r) => (slow = r))).mockResolvedValueOnce(json(EMPTY))
    const element = mount()
    await Promise.resolve()
    $(element, 'refresh').click()
    await flushPromises()
    slow(json(THREAD))
    await flushPromises()
    expect($(element, 'empty')).not.toBeNull()
    expect($(element, 'thread')).toBeNull()
  })
})

describe('c-wa-thread: the loaded thread', () => {
  it('shows the contact, the open window with time left, insights, tags and every message as text', async () => {
    getThread.mockResolvedValue(json(THREAD))
    const element = mount()
    await flushPromises()

    expect(text($(element, 'contact-name'))).toBe('Ana Souza')
    expect(text($(element, 'contact-phone'))).toBe('+5511987654321')
    expect(text($(element, 'window-status'))).toBe('24-hour window open · 21 h 30 min left')
    expect($(element, 'window-status').className).toContain('slds-theme_success')

    const messages = element.shadowRoot.querySelectorAll('c-wa-message')
    expect([...messages].map((m) => m.message.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'])
    const first = messages[0].shadowRoot
    expect(first.querySelector('[data-id="text"]').textContent).toBe(
      '<img src=x onerror=alert(1)> Is there a discount?',
    )
    expect(element.shadowRoot.querySelectorAll('img').length).toBe(0)
    expect(first.querySelector('img')).toBeNull()

    const insights = child(element, 'c-wa-insights').shadowRoot
    expect(text(insights.querySelector('[data-insight="intent"] [data-id="value"]'))).toBe('Price / discount')
    expect(text(insights.querySelector('[data-insight="intent"] [data-id="reason"]'))).toBe(
      'Why: Asked whether there is a discount for 10 units',
    )
    expect(text(insights.querySelector('[data-insight="segment"] [data-id="value"]'))).toBe('High intent')
    expect(text(insights.querySelector('[data-insight="sentiment"] [data-id="value"]'))).toBe('Positive')
    expect(text(insights.querySelector('[data-insight="sentiment"] [data-id="reason"]'))).toBe(
      'Why: Thanked the agent and used positive words',
    )
    expect(insights.querySelector('[data-insight="churn_risk"]')).toBeNull()

    const tags = child(element, 'c-wa-tags').shadowRoot
    expect([...tags.querySelectorAll('lightning-pill')].map((p) => p.label)).toEqual(['VIP', 'Follow up'])

    const composer = child(element, 'c-wa-composer')
    expect(composer.windowOpen).toBe(true)
    expect(composer.contact.id).toBe(THREAD.contact.id)
    expect($(element, 'opted-out')).toBeNull()
  })

  it('loads older messages by cursor and puts them first, once', async () => {
    getThread.mockResolvedValueOnce(json(THREAD)).mockResolvedValueOnce(json(OLDER))
    const element = mount()
    await flushPromises()
    expect($(element, 'load-older')).not.toBeNull()

    $(element, 'load-older').click()
    await flushPromises()
    expect(getThread).toHaveBeenLastCalledWith({ recordId: RECORD_ID, cursor: 'c2VxOjQy' })
    const ids = [...element.shadowRoot.querySelectorAll('c-wa-message')].map((m) => m.message.id)
    expect(ids).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'])
    expect($(element, 'load-older')).toBeNull()
  })

  it('says why older messages could not be loaded and keeps the thread', async () => {
    getThread.mockResolvedValueOnce(json(THREAD)).mockRejectedValueOnce(apexFailure({ kind: 'timeout' }))
    const element = mount()
    await flushPromises()
    $(element, 'load-older').click()
    await flushPromises()
    expect(text($(element, 'older-error'))).toBe(
      "Couldn't load older messages: The server took too long to answer.",
    )
    expect(element.shadowRoot.querySelectorAll('c-wa-message').length).toBe(7)
    expect($(element, 'load-older')).not.toBeNull()
  })

  it('with the window closed offers only templates and shows the opt-out and takeover state', async () => {
    getThread.mockResolvedValue(json(CLOSED))
    getTemplates.mockResolvedValue(json(TEMPLATES))
    const element = mount()
    await flushPromises()

    expect(text($(element, 'window-status'))).toBe('24-hour window closed')
    expect($(element, 'window-status').className).toContain('slds-theme_warning')
    expect(text($(element, 'contact-name'))).toBe('+5511987654321')
    expect($(element, 'contact-phone')).toBeNull()
    expect(text($(element, 'opted-out'))).toContain('opted out of WhatsApp messages')
    expect($(element, 'marketing-opted-out')).toBeNull()
    expect(text($(element, 'no-messages'))).toBe('No messages yet.')

    const composer = child(element, 'c-wa-composer').shadowRoot
    expect(composer.querySelector('[data-id="composer-mode"]')).toBeNull()
    expect(composer.querySelector('[data-id="composer-text"]')).toBeNull()
    expect(composer.querySelector('c-wa-template-picker')).not.toBeNull()

    const takeover = child(element, 'c-wa-takeover').shadowRoot
    expect(takeover.querySelector('[data-id="takeover-toggle"]').checked).toBe(true)
    expect(text(takeover.querySelector('[data-id="takeover-state"]'))).toMatch(/^Automation paused until /)

    const insights = child(element, 'c-wa-insights').shadowRoot
    expect(text(insights.querySelector('[data-insight="segment"] [data-id="value"]'))).toBe('At risk')
    expect(text(insights.querySelector('[data-insight="segment"] [data-id="reason"]'))).toBe(
      'Why: No purchase since the complaint',
    )
    expect(text(insights.querySelector('[data-insight="churn_risk"] [data-id="value"]'))).toBe('High')
    expect(insights.querySelector('[data-insight="intent"]')).toBeNull()
  })

  it('closes the window when its time runs out while the page is open', async () => {
    jest.useFakeTimers({ doNotFake: ['Date', 'nextTick', 'queueMicrotask'] })
    getThread.mockResolvedValue(json(THREAD))
    const element = mount()
    await Promise.resolve()
    await Promise.resolve()
    await Promise.resolve()
    expect(text($(element, 'window-status'))).toContain('open')

    Date.now.mockReturnValue(Date.parse('2026-12-04T09:31:00.000Z'))
    jest.advanceTimersByTime(30000)
    await Promise.resolve()
    expect(text($(element, 'window-status'))).toBe('24-hour window closed')
    jest.useRealTimers()
  })

  it('adds a sent message to the thread and updates tags and takeover from the children', async () => {
    getThread.mockResolvedValue(json(THREAD))
    sendMessage.mockResolvedValue(json(ACCEPTED))
    addTag.mockResolvedValue(
      json({
        tags: [
          ...THREAD.tags,
          { id: 't3', key: 'blue', label: 'Blue', source: 'manual', added_at: '2026-12-03T12:00:00Z' },
        ],
      }),
    )
    setTakeover.mockResolvedValue(json({ automation_paused_until: '2026-12-04T00:00:00.000Z' }))
    const element = mount()
    await flushPromises()

    const composer = child(element, 'c-wa-composer').shadowRoot
    const textarea = composer.querySelector('[data-id="composer-text"]')
    textarea.dispatchEvent(new CustomEvent('change', { detail: { value: 'We have it in blue' } }))
    await flushPromises()
    composer.querySelector('[data-id="composer-send"]').click()
    await flushPromises()
    const ids = [...element.shadowRoot.querySelectorAll('c-wa-message')].map((m) => m.message.id)
    expect(ids[ids.length - 1]).toBe('m9')

    const tags = child(element, 'c-wa-tags').shadowRoot
    tags
      .querySelector('[data-id="tag-input"]')
      .dispatchEvent(new CustomEvent('change', { detail: { value: 'Blue' } }))
    await flushPromises()
    tags.querySelector('[data-id="tag-add"]').click()
    await flushPromises()
    expect(child(element, 'c-wa-tags').tags.map((t) => t.key)).toEqual(['vip', 'follow_up', 'blue'])

    const takeover = child(element, 'c-wa-takeover')
    takeover.shadowRoot
      .querySelector('[data-id="takeover-toggle"]')
      .dispatchEvent(new CustomEvent('change', { detail: { checked: true } }))
    await flushPromises()
    expect(takeover.pausedUntil).toBe('2026-12-04T00:00:00.000Z')
  })

  it('says who the contact is probably a duplicate of, and why, above the insights', async () => {
    getThread.mockResolvedValue(json(THREAD))
    const element = mount()
    await flushPromises()
    const hint = child(element, 'c-wa-duplicate-hint')
    expect(hint.duplicates.map((d) => d.candidate_id)).toEqual(['41'])
    const why = hint.shadowRoot.querySelector('[data-id="duplicate-why"]')
    expect(text(why)).toContain('uses a number the other used before (+5511911112222)')
    expect(text(hint.shadowRoot.querySelector('[data-id="identity-change"]'))).toMatch(
      /^Changed number from \+5511911112222 to \+5511987654321/,
    )
  })

  it('shows a rep’s intent correction on the message at once', async () => {
    getThread.mockResolvedValue(json(THREAD))
    correctIntent.mockResolvedValue(
      json({ correction: { message_id: 3, field: 'intent', value: 'complaint' }, paused: false }),
    )
    const element = mount()
    await flushPromises()
    const m3 = [...element.shadowRoot.querySelectorAll('c-wa-message')].find((m) => m.message.id === 'm3')
    const correction = m3.shadowRoot.querySelector('c-wa-intent-correction')
    expect(text(correction.shadowRoot.querySelector('[data-id="intent"]'))).toBe('Suggested: Quote request')
    correction.shadowRoot
      .querySelector('[data-id="intent-correct"]')
      .dispatchEvent(new CustomEvent('change', { detail: { value: 'complaint' } }))
    await flushPromises()
    expect(correctIntent).toHaveBeenCalledWith({ recordId: RECORD_ID, messageId: 'm3', intent: 'complaint' })
    const after = [...element.shadowRoot.querySelectorAll('c-wa-message')].find((m) => m.message.id === 'm3')
    expect(after.message.intent).toEqual({ value: 'complaint', confidence: 1, suggestion: false })
    const badge = after.shadowRoot.querySelector('c-wa-intent-correction').shadowRoot
    expect(text(badge.querySelector('[data-id="intent"]'))).toBe('Complaint')
    // Outbound messages carry no intent control.
    const m2 = [...element.shadowRoot.querySelectorAll('c-wa-message')].find((m) => m.message.id === 'm2')
    expect(m2.shadowRoot.querySelector('c-wa-intent-correction')).toBeNull()
  })
})

describe('c-wa-thread: archived history', () => {
  const ARCHIVED = 'Older history (before 2025-11) is archived — ask an admin to restore it.'

  it('says before which month the history is archived, at the top of the message list', async () => {
    getThread.mockResolvedValue(json({ ...THREAD, next_cursor: null }))
    const element = mount()
    await flushPromises()
    const notice = $(element, 'history-archived')
    expect(text(notice)).toBe(ARCHIVED)
    expect(notice.className).toContain('slds-scoped-notification')
    expect(notice.className).toContain('slds-theme_info')
    expect(notice.getAttribute('role')).toBe('status')
    expect(notice.compareDocumentPosition($(element, 'messages'))).toBe(Node.DOCUMENT_POSITION_FOLLOWING)
  })

  it('waits until no older page is left, then says it', async () => {
    getThread.mockResolvedValueOnce(json(THREAD)).mockResolvedValueOnce(json(OLDER))
    const element = mount()
    await flushPromises()
    expect($(element, 'load-older')).not.toBeNull()
    expect($(element, 'history-archived')).toBeNull()

    $(element, 'load-older').click()
    await flushPromises()
    expect($(element, 'load-older')).toBeNull()
    expect(text($(element, 'history-archived'))).toBe(ARCHIVED)
  })

  it.each([
    ['null', { archived_before: null }],
    ['absent (an older server)', { archived_before: undefined }],
  ])('says nothing when the archived month is %s', async (_name, change) => {
    getThread.mockResolvedValue(json({ ...THREAD, next_cursor: null, ...change }))
    const element = mount()
    await flushPromises()
    expect($(element, 'thread')).not.toBeNull()
    expect($(element, 'history-archived')).toBeNull()
  })

  it.each(['<img src=x onerror=alert(1)>', '2025-11<img src=x>', '2025-13', 'November 2025', 202511])(
    'ignores a month that is not YYYY-MM (%p) and never renders it as markup',
    async (month) => {
      getThread.mockResolvedValue(json({ ...THREAD, next_cursor: null, archived_before: month }))
      const element = mount()
      await flushPromises()
      expect($(element, 'thread')).not.toBeNull()
      expect($(element, 'history-archived')).toBeNull()
      expect(element.shadowRoot.querySelectorAll('img').length).toBe(0)
      expect(element.shadowRoot.textContent).not.toContain('Older history')
    },
  )
})
