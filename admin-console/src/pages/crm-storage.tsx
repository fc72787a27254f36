import { useEffect, useState } from 'preact/hooks'
import { api, unwrap } from '../api/client'
import type { paths } from '../api/schema'
import { useI18n } from '../i18n'
import { formatDateTime, formatNumber } from '../ui/format'

type Estimate =
  paths['/api/v1/connections/{id}/storage']['get']['responses'][200]['content']['application/json']

/** An amount in the estimate's unit: bytes as KB/MB/GB, records as a count. */
function amount(n: number, unit: Estimate['unit'], locale: string, records: string): string {
  if (unit === 'records') return `${formatNumber(n, locale)} ${records}`
  const steps = ['B', 'KB', 'MB', 'GB', 'TB']
  let value = n
  let step = 0
  while (value >= 1024 && step < steps.length - 1) {
    value /= 1024
    step++
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${steps[step]}`
}

/**
 * What the sync adds to this CRM this month against its storage budget (GET
 * /connections/{id}/storage): a used / budget bar, the month's projection and whether the sync
 * writes thinned.
 */
export function StorageBudget(props: { connectionId: string }) {
  const { t, locale } = useI18n()
  const [estimate, setEstimate] = useState<Estimate | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let stopped = false
    unwrap(
      api.GET('/api/v1/connections/{id}/storage', { params: { path: { id: props.connectionId } } }),
    ).then(
      (e) => !stopped && setEstimate(e),
      (failure: Error) => !stopped && setError(failure.message),
    )
    return () => {
      stopped = true
    }
  }, [props.connectionId])
  if (error) return <p class="error-text">{error}</p>
  if (!estimate) return <p aria-busy="true">{t('state.loading')}</p>
  const e = estimate
  const fmt = (n: number) => amount(n, e.unit, locale, t('storage.records'))
  const id = `storage-${props.connectionId}`
  return (
    <div data-testid="connection-storage">
      {e.budget === null ? (
        <p>{t('storage.noCapacity', { used: fmt(e.this_month.used) })}</p>
      ) : (
        <>
          <label for={id}>
            {t('storage.used', {
              used: fmt(e.this_month.used),
              budget: fmt(e.budget),
              percent: formatNumber(e.budget_percent, locale),
            })}
          </label>
          <progress
            id={id}
            class="bc-progress"
            max={Math.max(1, e.budget)}
            value={Math.min(e.this_month.used, e.budget)}
            data-testid="storage-bar"
          />
          <p data-testid="storage-projection">
            {t('storage.projected', {
              projected: fmt(e.this_month.projected),
              share: formatNumber(e.this_month.projected_share ?? 0, locale),
            })}
          </p>
        </>
      )}
      <p data-testid="storage-thinning" class={e.thinning.active ? 'error-text' : undefined}>
        {e.thinning.active
          ? t('storage.thinning', { since: formatDateTime(e.thinning.since, locale) })
          : t('storage.full')}
      </p>
    </div>
  )
}
