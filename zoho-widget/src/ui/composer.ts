import type { BackendApi } from '../api/backend-api'
import type { ApiFailure } from '../api/result'
import type {
  SendContent,
  WidgetContact,
  WidgetMessage,
  WidgetQuickReply,
  WidgetTemplate,
} from '../api/schemas'
import type { Translator } from '../i18n/locale'
import { failureText, isRefusal, refusalText } from '../model/failure-text'
import { contactVariables, renderQuickReply, variablesOf } from '../model/quick-reply'
import { isSendable, renderTemplate, templateContent, templateVariables } from '../model/template'
import { h, replaceChildren } from './dom'
import { SendFlow } from './send-flow'

type Mode = 'text' | 'quick_reply' | 'template'
const MODES: Mode[] = ['text', 'quick_reply', 'template']
export const TEXT_MAX = 4096

type Loaded<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiFailure }
  | { status: 'ready'; items: T[] }

/**
 * The reply box. While the 24-hour window is open: free text, a quick reply or a template; once it
 * has closed only approved templates, which is all WhatsApp accepts then.
 */
export class Composer {
  readonly el: HTMLElement
  private mode: Mode = 'text'
  private windowOpen: boolean
  private sending = false
  private readonly flow: SendFlow
  private readonly modeSelect: HTMLSelectElement
  private readonly modeRow: HTMLElement
  private readonly closedHint: HTMLElement
  private readonly body = h('div', { class: 'wa-composer-body' })
  private readonly feedback = h('div', { testid: 'send-feedback', attrs: { 'aria-live': 'polite' } })
  private readonly textArea: HTMLTextAreaElement
  private templates: Loaded<WidgetTemplate> | null = null
  private quickReplies: Loaded<WidgetQuickReply> | null = null
  private templateName = ''
  private quickReplyKey = ''
  private readonly values: Record<string, string> = {}

  constructor(
    private readonly api: BackendApi,
    private readonly contact: WidgetContact,
    private readonly i18n: Translator,
    windowOpen: boolean,
    private readonly onSent: (message: WidgetMessage) => void,
  ) {
    const { t } = i18n
    this.windowOpen = windowOpen
    this.flow = new SendFlow(api, contact.id)
    this.modeSelect = h(
      'select',
      {
        testid: 'composer-mode',
        attrs: { 'aria-label': t('composer.mode') },
        on: { change: () => this.setMode(this.modeSelect.value as Mode) },
      },
      ...MODES.map((m) => h('option', { attrs: { value: m } }, t(`composer.mode.${m}`))),
    )
    this.modeRow = h('label', { class: 'wa-row' }, h('span', {}, t('composer.mode')), this.modeSelect)
    this.closedHint = h(
      'div',
      { class: 'wa-alert', testid: 'window-closed-hint' },
      h('p', { class: 'wa-title' }, t('window.closed')),
      h('p', {}, t('window.closedHint')),
    )
    this.textArea = h('textarea', {
      testid: 'composer-text',
      attrs: {
        rows: 3,
        maxlength: TEXT_MAX,
        placeholder: t('composer.text.placeholder'),
        'aria-label': t('composer.text.label'),
      },
      on: { input: () => this.renderBody() },
    })
    this.el = h(
      'section',
      { class: 'wa-section wa-composer', testid: 'composer' },
      h('h2', {}, t('composer.title')),
      this.modeRow,
      this.closedHint,
      this.body,
      this.feedback,
    )
    this.render()
  }

  /** The window opened or closed (a message arrived, or time passed). */
  setWindowOpen(open: boolean): void {
    if (open === this.windowOpen) return
    this.windowOpen = open
    this.render()
  }

  private effectiveMode(): Mode {
    return this.windowOpen ? this.mode : 'template'
  }

  private setMode(mode: Mode): void {
    this.mode = mode
    this.render()
  }

  private render(): void {
    this.modeRow.hidden = !this.windowOpen
    this.closedHint.hidden = this.windowOpen
    this.modeSelect.value = this.mode
    const mode = this.effectiveMode()
    if (mode === 'template' && !this.templates) void this.loadTemplates()
    if (mode === 'quick_reply' && !this.quickReplies) void this.loadQuickReplies()
    this.renderBody()
  }

  private sendButton(enabled: boolean, content: () => SendContent): HTMLButtonElement {
    return h(
      'button',
      {
        class: 'wa-primary',
        testid: 'composer-send',
        attrs: { type: 'button', disabled: !enabled || this.sending },
        on: { click: () => void this.send(content()) },
      },
      this.i18n.t('composer.send'),
    )
  }

  private renderBody(): void {
    const mode = this.effectiveMode()
    if (mode === 'text') this.renderText()
    else if (mode === 'quick_reply') this.renderQuickReply()
    else this.renderTemplate()
  }

  private renderText(): void {
    const text = this.textArea.value.trim()
    this.textArea.disabled = this.sending
    // The same textarea element is kept, so what the rep typed and the caret survive a re-render.
    if (this.body.firstChild !== this.textArea)
      replaceChildren(this.body, this.textArea, h('div', { class: 'wa-actions' }))
    const actions = this.body.lastElementChild as HTMLElement
    replaceChildren(
      actions,
      this.sendButton(text.length > 0, () => ({ type: 'text', text: this.textArea.value.trim() })),
    )
  }

  private variableInput(name: string, label: string): HTMLElement {
    const input = h('input', {
      testid: `variable-${name}`,
      attrs: { type: 'text', 'aria-label': label, value: this.values[name] ?? '' },
      on: {
        input: () => {
          this.values[name] = input.value
          this.refreshPreview()
        },
      },
    })
    input.value = this.values[name] ?? ''
    return h('label', { class: 'wa-field' }, h('span', { class: 'wa-small' }, label), input)
  }

  /** Re-renders only the preview and the button, leaving the inputs (and focus) alone. */
  private refreshPreview(): void {
    const holder = this.body.querySelector('[data-role="preview"]')
    if (!holder) return
    const mode = this.effectiveMode()
    const [preview, button] = mode === 'template' ? this.templatePreview() : this.quickReplyPreview()
    replaceChildren(holder as HTMLElement, preview, button)
  }

  private listState<T>(
    loaded: Loaded<T> | null,
    loadingKey: 'template.loading' | 'quickReply.loading',
    errorKey: 'template.loadError' | 'quickReply.loadError',
  ): HTMLElement | null {
    if (!loaded || loaded.status === 'loading')
      return h('p', { class: 'wa-muted', testid: 'picker-loading' }, this.i18n.t(loadingKey))
    if (loaded.status === 'error')
      return h(
        'p',
        { class: 'wa-error-text', testid: 'picker-error' },
        this.i18n.t(errorKey, { message: failureText(loaded.error, this.i18n) }),
      )
    return null
  }

  // Templates ---------------------------------------------------------------------------------

  private async loadTemplates(): Promise<void> {
    this.templates = { status: 'loading' }
    const result = await this.api.getTemplates()
    this.templates = result.ok
      ? { status: 'ready', items: result.data.filter(isSendable) }
      : { status: 'error', error: result.error }
    if (this.effectiveMode() === 'template') this.renderBody()
  }

  private selectedTemplate(): WidgetTemplate | null {
    if (this.templates?.status !== 'ready') return null
    return this.templates.items.find((tpl) => `${tpl.name}|${tpl.language}` === this.templateName) ?? null
  }

  private templatePreview(): [HTMLElement | null, HTMLButtonElement] {
    const template = this.selectedTemplate()
    if (!template) return [null, this.sendButton(false, () => ({ type: 'text', text: '' }))]
    const names = templateVariables(template)
    const complete = names.every((n) => (this.values[n] ?? '').trim() !== '')
    const preview = renderTemplate(template, this.values)
    return [
      preview === null
        ? null
        : h(
            'div',
            { class: 'wa-preview' },
            h('p', { class: 'wa-small' }, this.i18n.t('template.preview')),
            h('p', { testid: 'template-preview' }, preview),
          ),
      this.sendButton(complete, () => templateContent(template, this.values)),
    ]
  }

  private renderTemplate(): void {
    const { t } = this.i18n
    const state = this.listState(this.templates, 'template.loading', 'template.loadError')
    if (state) {
      replaceChildren(this.body, state)
      return
    }
    const items = this.templates?.status === 'ready' ? this.templates.items : []
    if (items.length === 0) {
      replaceChildren(this.body, h('p', { class: 'wa-muted', testid: 'template-none' }, t('template.none')))
      return
    }
    const select = h(
      'select',
      {
        testid: 'template-select',
        attrs: { 'aria-label': t('template.label') },
        on: {
          change: () => {
            this.templateName = select.value
            this.renderBody()
          },
        },
      },
      h('option', { attrs: { value: '' } }, '—'),
      ...items.map((tpl) =>
        h('option', { attrs: { value: `${tpl.name}|${tpl.language}` } }, `${tpl.name} (${tpl.language})`),
      ),
    )
    select.value = this.templateName
    const template = this.selectedTemplate()
    const [preview, button] = this.templatePreview()
    replaceChildren(
      this.body,
      h('label', { class: 'wa-field' }, h('span', { class: 'wa-small' }, t('template.label')), select),
      ...(template
        ? templateVariables(template).map((n) => this.variableInput(n, t('template.variable', { name: n })))
        : []),
      h('div', { attrs: { 'data-role': 'preview' } }, preview, button),
    )
  }

  // Quick replies -----------------------------------------------------------------------------

  private async loadQuickReplies(): Promise<void> {
    this.quickReplies = { status: 'loading' }
    const result = await this.api.getQuickReplies()
    this.quickReplies = result.ok
      ? { status: 'ready', items: result.data }
      : { status: 'error', error: result.error }
    if (this.effectiveMode() === 'quick_reply') this.renderBody()
  }

  private selectedQuickReply(): WidgetQuickReply | null {
    if (this.quickReplies?.status !== 'ready') return null
    return this.quickReplies.items.find((q) => q.key === this.quickReplyKey) ?? null
  }

  private quickReplyPreview(): [HTMLElement | null, HTMLButtonElement] {
    const reply = this.selectedQuickReply()
    if (!reply) return [null, this.sendButton(false, () => ({ type: 'text', text: '' }))]
    const typed = Object.fromEntries(
      variablesOf(reply.body).flatMap((n) => (this.values[n] ? [[n, this.values[n]]] : [])),
    )
    const { text, missing } = renderQuickReply(
      reply.body,
      typed,
      contactVariables(this.contact),
      reply.defaults,
    )
    return [
      h(
        'div',
        { class: 'wa-preview' },
        h('p', { class: 'wa-small' }, this.i18n.t('quickReply.preview')),
        h('p', { testid: 'quick-reply-preview' }, text),
        missing.length
          ? h(
              'p',
              { class: 'wa-small wa-error-text', testid: 'quick-reply-missing' },
              this.i18n.t('quickReply.missing', { names: missing.join(', ') }),
            )
          : null,
      ),
      this.sendButton(missing.length === 0, () => ({
        type: 'quick_reply',
        key: reply.key,
        ...(Object.keys(typed).length ? { variables: typed } : {}),
      })),
    ]
  }

  private renderQuickReply(): void {
    const { t } = this.i18n
    const state = this.listState(this.quickReplies, 'quickReply.loading', 'quickReply.loadError')
    if (state) {
      replaceChildren(this.body, state)
      return
    }
    const items = this.quickReplies?.status === 'ready' ? this.quickReplies.items : []
    if (items.length === 0) {
      replaceChildren(
        this.body,
        h('p', { class: 'wa-muted', testid: 'quick-reply-none' }, t('quickReply.none')),
      )
      return
    }
    const select = h(
      'select',
      {
        testid: 'quick-reply-select',
        attrs: { 'aria-label': t('quickReply.label') },
        on: {
          change: () => {
            this.quickReplyKey = select.value
            this.renderBody()
          },
        },
      },
      h('option', { attrs: { value: '' } }, '—'),
      ...items.map((q) => h('option', { attrs: { value: q.key } }, q.title)),
    )
    select.value = this.quickReplyKey
    const reply = this.selectedQuickReply()
    const known = reply ? { ...reply.defaults, ...contactVariables(this.contact) } : {}
    const [preview, button] = this.quickReplyPreview()
    replaceChildren(
      this.body,
      h('label', { class: 'wa-field' }, h('span', { class: 'wa-small' }, t('quickReply.label')), select),
      ...(reply
        ? variablesOf(reply.body).map((n) => this.variableInput(n, known[n] ? `${n} (${known[n]})` : n))
        : []),
      h('div', { attrs: { 'data-role': 'preview' } }, preview, button),
    )
  }

  // Sending -----------------------------------------------------------------------------------

  private async send(content: SendContent): Promise<void> {
    if (this.sending) return
    const { t } = this.i18n
    this.sending = true
    replaceChildren(this.feedback)
    this.renderBody()
    const outcome = await this.flow.send(content)
    this.sending = false
    if (outcome.ok) {
      if (content.type === 'text') this.textArea.value = ''
      for (const key of Object.keys(this.values)) delete this.values[key]
      this.templateName = ''
      this.quickReplyKey = ''
      replaceChildren(
        this.feedback,
        h(
          'p',
          { class: 'wa-alert wa-alert-success', testid: 'send-queued', attrs: { role: 'status' } },
          t('send.queued'),
        ),
      )
      this.onSent(outcome.message)
    } else {
      const refused = isRefusal(outcome.error)
      replaceChildren(
        this.feedback,
        h(
          'div',
          {
            class: `wa-alert ${refused ? 'wa-alert-warning' : 'wa-alert-error'}`,
            testid: refused ? 'send-refused' : 'send-error',
            attrs: { role: 'alert' },
          },
          h('p', { class: 'wa-title' }, refused ? t('send.refusedTitle') : t('send.errorTitle')),
          h('p', {}, refused ? refusalText(outcome.error, this.i18n) : failureText(outcome.error, this.i18n)),
        ),
      )
    }
    this.renderBody()
  }
}
