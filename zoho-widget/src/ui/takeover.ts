import type { BackendApi } from '../api/backend-api'
import type { WidgetContact } from '../api/schemas'
import type { Translator } from '../i18n/locale'
import { failureText } from '../model/failure-text'
import { isFuture } from '../model/window'
import { h } from './dom'

/** A person takes the conversation over: automation pauses for this contact for 12 h. */
export class TakeoverToggle {
  readonly el: HTMLElement
  private readonly checkbox: HTMLInputElement
  private readonly stateText = h('p', { class: 'wa-small', testid: 'takeover-state' })
  private readonly errorText = h('p', {
    class: 'wa-small wa-error-text',
    testid: 'takeover-error',
    attrs: { role: 'alert' },
  })

  constructor(
    private readonly api: BackendApi,
    private readonly contact: WidgetContact,
    private readonly i18n: Translator,
    private readonly now: () => number,
  ) {
    this.checkbox = h('input', {
      testid: 'takeover-toggle',
      attrs: { type: 'checkbox', role: 'switch' },
      on: { change: () => void this.toggle(this.checkbox.checked) },
    })
    this.el = h(
      'div',
      { class: 'wa-takeover' },
      h('label', { class: 'wa-row' }, this.checkbox, h('span', {}, i18n.t('takeover.label'))),
      this.stateText,
      this.errorText,
    )
    this.render()
  }

  private pausedUntil(): string | null {
    return this.contact.automation_paused_until ?? null
  }

  render(): void {
    const until = this.pausedUntil()
    const paused = isFuture(until, this.now())
    this.checkbox.checked = paused
    this.stateText.textContent =
      paused && until
        ? this.i18n.t('takeover.on', { time: this.i18n.formatDateTime(until) })
        : this.i18n.t('takeover.off')
  }

  private async toggle(on: boolean): Promise<void> {
    this.checkbox.disabled = true
    this.errorText.textContent = ''
    const result = await this.api.setTakeover(this.contact.id, on)
    this.checkbox.disabled = false
    if (result.ok) {
      // The contact object is the thread's own, so a later re-render shows the new state too.
      this.contact.automation_paused_until = result.data
    } else {
      this.errorText.textContent = this.i18n.t('takeover.error', {
        message: failureText(result.error, this.i18n),
      })
    }
    this.render()
  }
}
