import getThread from '@salesforce/apex/WaThreadController.getThread'
import { t } from 'c/waLabels'
import {
  appendMessage,
  isWindowOpen,
  mergeOlder,
  parseAnswer,
  readThread,
  timeLeft,
  withIntent,
} from 'c/waModel'
import { failureText, toFailure } from 'c/waText'
import { api, LightningElement } from 'lwc'

/** The window countdown and takeover state stay right while the page is open. */
const CLOCK_MS = 30000

/**
 * The WhatsApp conversation of the Contact or Lead the page shows: loading, error with retry,
 * empty (no WhatsApp contact behind the record), or the thread with tags, insights, the 24-hour
 * window, takeover and the composer. Each load gets a number; an answer that arrives after a newer
 * load started (or after the component left the page) is dropped.
 */
export default class WaThread extends LightningElement {
  @api recordId
  @api objectApiName
  /** Height of the message list in pixels (App Builder property). */
  @api listHeight = 420

  status = 'loading'
  thread = null
  error = null
  loadingOlder = false
  olderError = null
  now = Date.now()
  generation = 0
  olderInFlight = false
  clock = null
  scrollToEnd = false

  labels = {
    title: t('card.title'),
    loading: t('card.loading'),
    errorTitle: t('card.error.title'),
    retry: t('card.error.retry'),
    emptyTitle: t('card.empty.title'),
    emptyBody: t('card.empty.body'),
    refresh: t('card.refresh'),
    loadOlder: t('thread.loadOlder'),
    noMessages: t('thread.noMessages'),
    optedOut: t('contact.optedOut'),
    marketingOptedOut: t('contact.marketingOptedOut'),
  }

  connectedCallback() {
    this.load()
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.clock = setInterval(() => {
      this.now = Date.now()
    }, CLOCK_MS)
  }

  disconnectedCallback() {
    clearInterval(this.clock)
    this.generation++
  }

  renderedCallback() {
    if (!this.scrollToEnd) return
    const list = this.template.querySelector('[data-id="messages"]')
    if (list) {
      list.scrollTop = list.scrollHeight
      this.scrollToEnd = false
    }
  }

  /** First page; also retry and refresh. */
  @api
  async load() {
    const generation = ++this.generation
    this.olderInFlight = false
    this.status = 'loading'
    this.error = null
    try {
      const thread = readThread(parseAnswer(await getThread({ recordId: this.recordId, cursor: null })))
      if (generation !== this.generation) return
      this.thread = thread
      this.loadingOlder = false
      this.olderError = null
      this.now = Date.now()
      this.status = thread.contact ? 'ready' : 'empty'
      this.scrollToEnd = true
    } catch (error) {
      if (generation !== this.generation) return
      this.error = toFailure(error)
      this.status = 'error'
    }
  }

  async handleLoadOlder() {
    const cursor = this.thread?.next_cursor
    if (!cursor || this.olderInFlight) return
    const generation = this.generation
    this.olderInFlight = true
    this.loadingOlder = true
    this.olderError = null
    try {
      const page = readThread(parseAnswer(await getThread({ recordId: this.recordId, cursor })))
      if (generation !== this.generation) return
      this.thread = {
        ...this.thread,
        messages: mergeOlder(page.messages, this.thread.messages),
        next_cursor: page.next_cursor,
      }
    } catch (error) {
      if (generation !== this.generation) return
      this.olderError = toFailure(error)
    } finally {
      if (generation === this.generation) {
        this.olderInFlight = false
        this.loadingOlder = false
      }
    }
  }

  handleRefresh() {
    this.load()
  }

  handleSent(event) {
    this.thread = { ...this.thread, messages: appendMessage(this.thread.messages, event.detail.message) }
    this.scrollToEnd = true
  }

  handleIntentCorrected(event) {
    const { messageId, value } = event.detail
    this.thread = { ...this.thread, messages: withIntent(this.thread.messages, messageId, value) }
  }

  handleTagsChange(event) {
    this.thread = { ...this.thread, tags: event.detail.tags }
  }

  handleTakeoverChange(event) {
    this.thread = {
      ...this.thread,
      contact: { ...this.thread.contact, automation_paused_until: event.detail.pausedUntil },
    }
  }

  get isLoading() {
    return this.status === 'loading'
  }

  get isError() {
    return this.status === 'error'
  }

  get isEmpty() {
    return this.status === 'empty'
  }

  get isReady() {
    return this.status === 'ready'
  }

  get errorText() {
    return this.error ? failureText(this.error) : ''
  }

  get requestIdText() {
    return this.error?.requestId ? t('card.error.requestId', { id: this.error.requestId }) : null
  }

  get contact() {
    return this.thread?.contact ?? null
  }

  get contactName() {
    const c = this.contact
    return c ? (c.name ?? c.profile_name ?? c.phone ?? '') : ''
  }

  get contactPhone() {
    const c = this.contact
    return c?.phone && c.phone !== this.contactName ? c.phone : null
  }

  get windowOpen() {
    return isWindowOpen(this.thread?.window, this.now)
  }

  get windowLabel() {
    if (!this.windowOpen) return t('window.closed')
    const left = timeLeft(this.thread.window.open_until, this.now)
    const text = left
      ? left.h > 0
        ? t('time.hoursMinutes', { h: left.h, m: left.m })
        : t('time.minutes', { m: left.m })
      : t('time.fullDay')
    return t('window.open', { left: text })
  }

  get windowClass() {
    return `slds-badge ${this.windowOpen ? 'slds-theme_success' : 'slds-theme_warning'}`
  }

  get optedOut() {
    return this.contact?.opt_in === 'opted_out'
  }

  get marketingOptedOut() {
    return !this.optedOut && this.contact?.marketing_opt_out === true
  }

  get messages() {
    return this.thread?.messages ?? []
  }

  get hasMessages() {
    return this.messages.length > 0
  }

  get hasOlder() {
    return Boolean(this.thread?.next_cursor)
  }

  /** Said once no older page is left: the messages before that month are only in the archive. */
  get archivedText() {
    const month = this.thread?.archived_before
    return month && !this.hasOlder ? t('thread.archived', { month }) : null
  }

  get olderErrorText() {
    return this.olderError ? t('thread.olderError', { message: failureText(this.olderError) }) : null
  }

  get listStyle() {
    const height = Number(this.listHeight) > 0 ? Number(this.listHeight) : 420
    return `max-height: ${height}px`
  }
}
