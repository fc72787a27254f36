import type { BackendApi } from '../api/backend-api'
import type { WidgetMessage } from '../api/schemas'
import type { Translator } from '../i18n/locale'
import { failureText } from '../model/failure-text'
import { CORRECTABLE_INTENTS } from '../model/intents'
import { h, replaceChildren } from './dom'

/**
 * What a customer message asks for, as a fact or (when the model is unsure) a suggestion, and a
 * list that tells the backend what it really is: one pick saves it. The message object is the
 * thread's own, so the corrected intent survives the list being drawn again.
 */
export function intentCorrection(
  message: WidgetMessage,
  api: BackendApi,
  i18n: Translator,
): HTMLElement | null {
  if (message.direction !== 'inbound' || !message.intent) return null
  const el = h('div', { class: 'wa-row wa-intent', testid: `intent-row-${message.id}` })
  let error: string | null = null
  let pending = false

  const render = (): void => {
    const intent = message.intent
    if (!intent) return
    const label = i18n.maybeT(`value.${intent.value}`) ?? intent.value
    const select = h(
      'select',
      {
        testid: `intent-correct-${message.id}`,
        attrs: { 'aria-label': i18n.t('intent.correct'), disabled: pending },
        on: { change: () => void save(select.value) },
      },
      h('option', { attrs: { value: '', selected: true } }, i18n.t('intent.correct')),
      ...CORRECTABLE_INTENTS.filter((v) => v !== intent.value).map((v) =>
        h('option', { attrs: { value: v } }, i18n.maybeT(`value.${v}`) ?? v),
      ),
    )
    replaceChildren(
      el,
      h(
        'span',
        {
          class: intent.suggestion ? 'wa-badge wa-intent-suggested' : 'wa-badge',
          testid: `intent-${message.id}`,
        },
        intent.suggestion ? i18n.t('intent.suggested', { intent: label }) : label,
      ),
      select,
      error
        ? h(
            'p',
            {
              class: 'wa-small wa-error-text',
              testid: `intent-error-${message.id}`,
              attrs: { role: 'alert' },
            },
            error,
          )
        : null,
    )
  }

  const save = async (value: string): Promise<void> => {
    if (!value || pending) return
    pending = true
    error = null
    render()
    const result = await api.correctIntent(message.id, value)
    pending = false
    if (result.ok) message.intent = { value: result.data, confidence: 1, suggestion: false }
    else error = i18n.t('intent.error', { message: failureText(result.error, i18n) })
    render()
  }

  render()
  return el
}
