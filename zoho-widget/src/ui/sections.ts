import type { ApiFailure } from '../api/result'
import type { WidgetContact, WidgetThread } from '../api/schemas'
import type { Translator } from '../i18n/locale'
import { failureText } from '../model/failure-text'
import { insightsOf } from '../model/insights'
import { isWindowOpen, timeLeft } from '../model/window'
import { h } from './dom'

export function loadingView(i18n: Translator): HTMLElement {
  return h(
    'div',
    { class: 'wa-state', testid: 'loading', attrs: { role: 'status', 'aria-busy': 'true' } },
    h('span', { class: 'wa-spinner', attrs: { 'aria-hidden': 'true' } }),
    i18n.t('card.loading'),
  )
}

export function errorView(error: ApiFailure, i18n: Translator, onRetry: () => void): HTMLElement {
  return h(
    'div',
    { class: 'wa-state wa-alert wa-alert-error', testid: 'error', attrs: { role: 'alert' } },
    h('p', { class: 'wa-title' }, i18n.t('card.error.title')),
    h('p', { testid: 'error-message' }, failureText(error, i18n)),
    error.requestId
      ? h('p', { class: 'wa-small' }, i18n.t('card.error.requestId', { id: error.requestId }))
      : null,
    h(
      'button',
      { testid: 'retry', attrs: { type: 'button' }, on: { click: onRetry } },
      i18n.t('card.error.retry'),
    ),
  )
}

export function connectionView(
  name: string,
  error: ApiFailure,
  i18n: Translator,
  onRetry: () => void,
): HTMLElement {
  return h(
    'div',
    { class: 'wa-state wa-alert wa-alert-warning', testid: 'connection-error', attrs: { role: 'alert' } },
    h('p', { class: 'wa-title' }, i18n.t('card.connection.title')),
    h('p', {}, i18n.t('card.connection.body', { name })),
    error.message ? h('p', { class: 'wa-small' }, error.message) : null,
    h(
      'button',
      { testid: 'retry', attrs: { type: 'button' }, on: { click: onRetry } },
      i18n.t('card.error.retry'),
    ),
  )
}

export function configView(problems: string[], i18n: Translator): HTMLElement {
  return h(
    'div',
    { class: 'wa-state wa-alert wa-alert-warning', testid: 'config-error', attrs: { role: 'alert' } },
    h('p', { class: 'wa-title' }, i18n.t('card.config.title')),
    h('p', {}, i18n.t('card.config.body')),
    h('ul', { class: 'wa-small' }, ...problems.map((p) => h('li', {}, p))),
  )
}

export function noRecordView(i18n: Translator): HTMLElement {
  return h('div', { class: 'wa-state', testid: 'no-record' }, i18n.t('card.noRecord'))
}

export function emptyView(i18n: Translator, onRefresh: () => void): HTMLElement {
  return h(
    'div',
    { class: 'wa-state', testid: 'empty' },
    h('p', { class: 'wa-title' }, i18n.t('card.empty.title')),
    h('p', {}, i18n.t('card.empty.body')),
    h(
      'button',
      { testid: 'refresh', attrs: { type: 'button' }, on: { click: onRefresh } },
      i18n.t('card.refresh'),
    ),
  )
}

export function contactHeader(contact: WidgetContact, i18n: Translator, onRefresh: () => void): HTMLElement {
  const name = contact.name ?? contact.profile_name
  return h(
    'header',
    { class: 'wa-header' },
    h(
      'div',
      {},
      name ? h('p', { class: 'wa-title', testid: 'contact-name' }, name) : null,
      contact.phone ? h('p', { class: 'wa-small', testid: 'contact-phone' }, contact.phone) : null,
    ),
    h(
      'button',
      { class: 'wa-link-button', testid: 'refresh', attrs: { type: 'button' }, on: { click: onRefresh } },
      i18n.t('card.refresh'),
    ),
  )
}

export function windowStatus(window: WidgetThread['window'], now: number, i18n: Translator): HTMLElement {
  const open = isWindowOpen(window, now)
  const left = timeLeft(window.open_until, now)
  const leftText = left
    ? left.h > 0
      ? i18n.t('time.hoursMinutes', { h: left.h, m: left.m })
      : i18n.t('time.minutes', { m: left.m })
    : ''
  return h(
    'p',
    { class: `wa-badge ${open ? 'wa-window-open' : 'wa-window-closed'}`, testid: 'window-status' },
    open ? i18n.t('window.open', { left: leftText || '—' }) : i18n.t('window.closed'),
  )
}

export function consentNotice(contact: WidgetContact, i18n: Translator): HTMLElement | null {
  if (contact.opt_in === 'opted_out')
    return h('p', { class: 'wa-alert wa-alert-warning', testid: 'opted-out' }, i18n.t('contact.optedOut'))
  if (contact.marketing_opt_out)
    return h('p', { class: 'wa-alert', testid: 'marketing-opted-out' }, i18n.t('contact.marketingOptedOut'))
  return null
}

export function insightList(contact: WidgetContact, i18n: Translator): HTMLElement | null {
  const insights = insightsOf(contact, i18n)
  if (insights.length === 0) return null
  return h(
    'section',
    { class: 'wa-section', testid: 'insights' },
    h('h2', {}, i18n.t('insights.title')),
    h(
      'dl',
      { class: 'wa-insights' },
      ...insights.flatMap((insight) => [
        h('dt', {}, i18n.t(`insights.${insight.kind}`)),
        h(
          'dd',
          { testid: `insight-${insight.kind}` },
          h('span', { class: 'wa-badge' }, insight.value),
          insight.reason
            ? h(
                'span',
                { class: 'wa-small', testid: `insight-${insight.kind}-why` },
                ` ${i18n.t('insights.why', { reason: insight.reason })}`,
              )
            : null,
        ),
      ]),
    ),
  )
}
