import { maybeT, t } from 'c/waLabels'
import { formatDateTime } from 'c/waText'
import { api, LightningElement } from 'lwc'

/**
 * "Probably the same person as …, because …" for each open duplicate candidate, and the numbers the
 * person used before. Reasons are in the rep's language; a reason this package predates keeps the
 * backend's words. Names, phones and evidence are customer data: bound as text, never as markup.
 */
export default class WaDuplicateHint extends LightningElement {
  @api duplicates = []
  @api identityChanges = []

  reviewLabel = t('duplicate.review')

  get hints() {
    return (this.duplicates ?? []).map((d) => {
      const name = d.other.name ?? t('duplicate.unnamed', { phone: d.other.phone ?? '—' })
      const reasons = d.reasons
        .map((r) => maybeT(`duplicate.reason.${r.code}`, { detail: r.detail }) ?? r.detail)
        .join(', ')
      return {
        key: d.candidate_id,
        title: t('duplicate.title', { name }),
        why: t('duplicate.why', { reasons }),
      }
    })
  }

  get changes() {
    return (this.identityChanges ?? [])
      .filter((c) => c.kind === 'phone')
      .map((c) => ({
        key: `${c.from}-${c.at}`,
        text:
          c.reason === 'merge'
            ? t('identity.merged', { from: c.from, at: formatDateTime(c.at) })
            : t('identity.numberChanged', { from: c.from, to: c.to ?? '—', at: formatDateTime(c.at) }),
      }))
  }

  get visible() {
    return this.hints.length > 0 || this.changes.length > 0
  }
}
