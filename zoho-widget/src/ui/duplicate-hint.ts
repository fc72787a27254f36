import type { WidgetDuplicateHint, WidgetIdentityChange } from '../api/schemas'
import type { Translator } from '../i18n/locale'
import { h } from './dom'

/** "Because …": each reason in the rep's language; a reason this widget predates keeps the backend's words. */
function reasonsText(hint: WidgetDuplicateHint, i18n: Translator): string {
  return hint.reasons
    .map((r) => i18n.maybeT(`duplicate.reason.${r.code}`, { detail: r.detail }) ?? r.detail)
    .join(', ')
}

/**
 * "Probably the same person as …, because …" for each open duplicate candidate, and the numbers the
 * person used before. Names, phones and evidence come from customer data: text nodes only.
 */
export function duplicateHint(
  duplicates: WidgetDuplicateHint[] | null | undefined,
  identityChanges: WidgetIdentityChange[] | null | undefined,
  i18n: Translator,
): HTMLElement | null {
  const hints = duplicates ?? []
  const changes = (identityChanges ?? []).filter((c) => c.kind === 'phone')
  if (hints.length === 0 && changes.length === 0) return null
  return h(
    'section',
    { class: 'wa-section wa-duplicates', testid: 'duplicate-hint' },
    ...hints.map((hint) => {
      const name = hint.other.name ?? i18n.t('duplicate.unnamed', { phone: hint.other.phone ?? '—' })
      return h(
        'div',
        {
          class: 'wa-alert wa-alert-warning',
          testid: `duplicate-${hint.candidate_id}`,
          attrs: { role: 'note' },
        },
        h('p', { class: 'wa-title' }, i18n.t('duplicate.title', { name })),
        h(
          'p',
          { testid: `duplicate-why-${hint.candidate_id}` },
          i18n.t('duplicate.why', { reasons: reasonsText(hint, i18n) }),
        ),
        h('p', { class: 'wa-small' }, i18n.t('duplicate.review')),
      )
    }),
    ...changes.map((change) =>
      h(
        'p',
        { class: 'wa-small', testid: 'identity-change' },
        change.reason === 'merge'
          ? i18n.t('identity.merged', { from: change.from, at: i18n.formatDateTime(change.at) })
          : i18n.t('identity.numberChanged', {
              from: change.from,
              to: change.to ?? '—',
              at: i18n.formatDateTime(change.at),
            }),
      ),
    ),
  )
}
