import type { BackendApi } from '../api/backend-api'
import type { ApiFailure } from '../api/result'
import type { WidgetContact, WidgetMessage, WidgetThread } from '../api/schemas'
import type { Translator } from '../i18n/locale'
import { isWindowOpen } from '../model/window'
import type { RecordContext } from '../zoho/adapter'
import { Composer } from './composer'
import { h, replaceChildren } from './dom'
import { duplicateHint } from './duplicate-hint'
import { MessageList } from './message-list'
import {
  connectionView,
  consentNotice,
  contactHeader,
  emptyView,
  errorView,
  insightList,
  loadingView,
  noRecordView,
  windowStatus,
} from './sections'
import { TagEditor } from './tag-editor'
import { TakeoverToggle } from './takeover'

export interface WidgetDeps {
  api: BackendApi
  i18n: Translator
  /** The record's phone, read from Zoho once per record (null: none, or Zoho did not answer). */
  recordPhone: (record: RecordContext) => Promise<string | null>
  connectionName: string
  now?: () => number
}

/** The parts of a loaded thread that update in place (so typed text and focus survive). */
interface Loaded {
  thread: WidgetThread & { contact: WidgetContact }
  list: MessageList
  composer: Composer
  takeover: TakeoverToggle
  windowEl: HTMLElement
  loadingOlder: boolean
  olderError: ApiFailure | null
}

/**
 * The widget for one frame. `show(record)` runs for every PageLoad: each load gets a number, and an
 * answer for an older load (a slow reply for the record the rep just left) is dropped.
 */
export class Widget {
  private generation = 0
  private record: RecordContext | null = null
  private phone: string | null = null
  private loaded: Loaded | null = null
  private readonly now: () => number
  private timer: ReturnType<typeof setInterval> | null = null

  constructor(
    private readonly root: HTMLElement,
    private readonly deps: WidgetDeps,
  ) {
    this.now = deps.now ?? (() => Date.now())
    this.paint(noRecordView(deps.i18n))
  }

  /** Shows a record: reads its phone, then its thread. */
  show(record: RecordContext): void {
    this.record = record
    const id = ++this.generation
    this.loaded = null
    this.paint(loadingView(this.deps.i18n))
    void (async () => {
      const phone = await this.deps.recordPhone(record)
      if (id !== this.generation) return
      this.phone = phone
      await this.load(id)
    })()
  }

  /** Loads the shown record's first page again (retry, refresh). */
  reload(): void {
    if (!this.record) return
    const id = ++this.generation
    this.loaded = null
    this.paint(loadingView(this.deps.i18n))
    void this.load(id)
  }

  /** Re-checks the window against the clock: it closes while the rep looks at it. */
  tick(): void {
    if (!this.loaded) return
    const { thread } = this.loaded
    const fresh = windowStatus(thread.window, this.now(), this.deps.i18n)
    this.loaded.windowEl.replaceWith(fresh)
    this.loaded.windowEl = fresh
    this.loaded.composer.setWindowOpen(isWindowOpen(thread.window, this.now()))
    this.loaded.takeover.render()
  }

  /** Re-checks the window every 30 s while the widget is open. */
  startClock(intervalMs = 30_000): void {
    if (this.timer === null) this.timer = setInterval(() => this.tick(), intervalMs)
  }

  private async load(id: number): Promise<void> {
    const record = this.record as RecordContext
    const result = await this.deps.api.getThread(record, this.phone)
    if (id !== this.generation) return
    if (!result.ok) return this.showError(result.error)
    const { contact } = result.data
    if (!contact) return this.paint(emptyView(this.deps.i18n, () => this.reload()))
    this.showThread({ ...result.data, contact })
  }

  private showError(error: ApiFailure): void {
    const retry = () => this.reload()
    this.paint(
      error.kind === 'connection'
        ? connectionView(this.deps.connectionName, error, this.deps.i18n, retry)
        : errorView(error, this.deps.i18n, retry),
    )
  }

  private showThread(thread: WidgetThread & { contact: WidgetContact }): void {
    const { api, i18n } = this.deps
    const { contact } = thread
    const now = this.now()
    const list = new MessageList(api, i18n, () => this.loadOlder())
    const takeover = new TakeoverToggle(api, contact, i18n, this.now)
    const tags = new TagEditor(api, contact.id, i18n, thread.tags, (next) => {
      thread.tags = next
    })
    const composer = new Composer(api, contact, i18n, isWindowOpen(thread.window, now), (message) =>
      this.addMessage(message),
    )
    const windowEl = windowStatus(thread.window, now, i18n)
    this.loaded = { thread, list, composer, takeover, windowEl, loadingOlder: false, olderError: null }
    this.renderList()
    this.paint(
      h(
        'div',
        { class: 'wa-widget', testid: 'widget' },
        contactHeader(contact, i18n, () => this.reload()),
        h('div', { class: 'wa-row wa-status-row' }, windowEl, takeover.el),
        consentNotice(contact, i18n),
        duplicateHint(thread.duplicates, thread.identity_changes, i18n),
        insightList(contact, i18n),
        tags.el,
        list.el,
        composer.el,
      ),
    )
  }

  private renderList(): void {
    if (!this.loaded) return
    const { list, thread, loadingOlder, olderError } = this.loaded
    list.render(
      thread.messages,
      thread.next_cursor !== null,
      loadingOlder,
      olderError,
      thread.archived_before ?? null,
    )
  }

  private addMessage(message: WidgetMessage): void {
    if (!this.loaded) return
    const { thread } = this.loaded
    if (!thread.messages.some((m) => m.id === message.id)) thread.messages = [...thread.messages, message]
    this.renderList()
  }

  private loadOlder(): void {
    const loaded = this.loaded
    const record = this.record
    if (!loaded || !record || loaded.loadingOlder || !loaded.thread.next_cursor) return
    const id = this.generation
    loaded.loadingOlder = true
    loaded.olderError = null
    this.renderList()
    void (async () => {
      const result = await this.deps.api.getThread(record, this.phone, loaded.thread.next_cursor)
      if (id !== this.generation || this.loaded !== loaded) return
      loaded.loadingOlder = false
      if (result.ok) {
        const known = new Set(loaded.thread.messages.map((m) => m.id))
        loaded.thread.messages = [
          ...result.data.messages.filter((m) => !known.has(m.id)),
          ...loaded.thread.messages,
        ]
        loaded.thread.next_cursor = result.data.next_cursor
      } else {
        loaded.olderError = result.error
      }
      this.renderList()
    })()
  }

  private paint(view: HTMLElement): void {
    replaceChildren(this.root, view)
  }
}
