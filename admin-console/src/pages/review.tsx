import { useState } from 'preact/hooks'
import { api, unwrap } from '../api/client'
import type { paths } from '../api/schema'
import { type MessageKey, useI18n } from '../i18n'
import { Empty, Loaded, type Outcome, OutcomeLine, useLoad } from '../ui/async'
import { formatDateTime } from '../ui/format'
import { Pager, usePage } from '../ui/pager'
import { plainValue } from '../ui/plain-value'

type Item = paths['/api/v1/review']['get']['responses'][200]['content']['application/json']['items'][number]
type Resolution = NonNullable<
  paths['/api/v1/review/{id}']['post']['requestBody']
>['content']['application/json']['resolution']

/** The decisions each kind of item takes (the API refuses the others). */
const DECISIONS: Record<Item['kind'], { resolution: Resolution; label: MessageKey }[]> = {
  conflict: [
    { resolution: 'accept', label: 'review.accept' },
    { resolution: 'use_local', label: 'review.useLocal' },
    { resolution: 'use_remote', label: 'review.useRemote' },
    { resolution: 'dismiss', label: 'review.dismiss' },
  ],
  sync_failed: [
    { resolution: 'retry', label: 'review.retry' },
    { resolution: 'dismiss', label: 'review.dismiss' },
  ],
}

export function ReviewPage() {
  const { t } = useI18n()
  const [status, setStatus] = useState<'open' | 'resolved'>('open')
  const [items, reload] = useLoad(
    () => unwrap(api.GET('/api/v1/review', { params: { query: { status, limit: 500 } } })),
    [status],
  )
  const [outcome, setOutcome] = useState<Outcome>(null)
  const resolve = async (item: Item, resolution: Resolution) => {
    setOutcome(null)
    try {
      await unwrap(
        api.POST('/api/v1/review/{id}', { params: { path: { id: item.id } }, body: { resolution } }),
      )
      setOutcome({ ok: true, message: t('review.done', { resolution }) })
      reload()
    } catch (failure) {
      setOutcome({ ok: false, message: (failure as Error).message })
    }
  }
  return (
    <section aria-labelledby="review-title" data-testid="page-review">
      <h1 id="review-title">{t('review.title')}</h1>
      <p class="hint">{t('review.intro')}</p>
      <label for="review-status">{t('review.status')}</label>
      <select id="review-status" value={status} onChange={(e) => setStatus(e.currentTarget.value as 'open')}>
        <option value="open">{t('review.open')}</option>
        <option value="resolved">{t('review.resolved')}</option>
      </select>
      <OutcomeLine outcome={outcome} />
      <Loaded load={items} retry={reload}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t('review.empty')}</Empty>
          ) : (
            <ReviewTable items={data.items} onResolve={resolve} />
          )
        }
      </Loaded>
    </section>
  )
}

function ReviewTable(props: { items: Item[]; onResolve: (item: Item, resolution: Resolution) => void }) {
  const { t, locale } = useI18n()
  const page = usePage(props.items)
  return (
    <>
      <table data-testid="review-table">
        <thead>
          <tr>
            <th scope="col">{t('review.kind')}</th>
            <th scope="col">{t('review.field')}</th>
            <th scope="col">{t('review.ours')}</th>
            <th scope="col">{t('review.theirs')}</th>
            <th scope="col">{t('review.winner')}</th>
            <th scope="col">{t('review.created')}</th>
            <th scope="col">{t('review.decision')}</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((item) => (
            <tr key={item.id} data-testid="review-row">
              <td>
                {item.kind === 'conflict' ? t('review.conflict') : t('review.syncFailed')}
                {Object.keys(item.detail).length > 0 && (
                  <div class="hint">
                    {t('review.detail')}: {plainValue(item.detail)}
                  </div>
                )}
              </td>
              <td>{item.field ?? ''}</td>
              <td>{plainValue(item.local_value)}</td>
              <td>{plainValue(item.remote_value)}</td>
              <td>{item.winner ?? ''}</td>
              <td>{formatDateTime(item.created_at, locale)}</td>
              <td class="row-actions">
                {item.status === 'resolved'
                  ? item.resolution
                  : DECISIONS[item.kind].map((d) => (
                      <button
                        key={d.resolution}
                        type="button"
                        class="secondary"
                        onClick={() => props.onResolve(item, d.resolution)}
                      >
                        {t(d.label)}
                      </button>
                    ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager {...page} label={t('review.title')} />
    </>
  )
}
