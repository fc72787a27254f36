import { useState } from 'preact/hooks'
import { api, unwrap } from '../api/client'
import { useI18n } from '../i18n'
import { Empty, Loaded, type Outcome, OutcomeLine, useLoad } from '../ui/async'
import { formatDateTime, formatNumber } from '../ui/format'
import { CursorPager } from '../ui/pager'
import { type BroadcastView, ComposeBroadcast } from './broadcast-compose'
import { BroadcastDetail, queuedTotal, refusedTotal, STATE_LABELS } from './broadcast-detail'

const PAGE = 20

/** Broadcasts: compose one (preflight, then start), the workspace's list, and one's live progress. */
export function BroadcastsPage() {
  const { t } = useI18n()
  const [outcome, setOutcome] = useState<Outcome>(null)
  const [open, setOpen] = useState<string | null>(null)
  // Cursors of the pages seen so far: the first page has none; Previous pops one.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined])
  const cursor = cursors[cursors.length - 1]
  const [list, reload] = useLoad(
    () =>
      unwrap(
        api.GET('/api/v1/broadcasts', { params: { query: { limit: PAGE, ...(cursor ? { cursor } : {}) } } }),
      ),
    [cursor],
  )
  const started = (b: BroadcastView) => {
    setCursors([undefined])
    reload()
    setOpen(b.id)
  }
  return (
    <section aria-labelledby="broadcasts-title" data-testid="page-broadcasts">
      <h1 id="broadcasts-title">{t('broadcasts.title')}</h1>
      <p class="hint">{t('broadcasts.intro')}</p>
      <OutcomeLine outcome={outcome} />
      <ComposeBroadcast onStarted={started} onOutcome={setOutcome} />
      {open && (
        <BroadcastDetail
          key={open}
          id={open}
          onChange={reload}
          onOutcome={setOutcome}
          onClose={() => setOpen(null)}
        />
      )}
      <h2>{t('broadcasts.list')}</h2>
      <Loaded load={list} retry={reload}>
        {(data) =>
          data.broadcasts.length === 0 && cursors.length === 1 ? (
            <Empty testId="broadcasts-empty">{t('broadcasts.empty')}</Empty>
          ) : (
            <>
              <BroadcastTable rows={data.broadcasts} open={open} onOpen={setOpen} />
              <CursorPager
                label={t('broadcasts.list')}
                cursors={cursors}
                next={data.next_cursor}
                onChange={setCursors}
              />
            </>
          )
        }
      </Loaded>
    </section>
  )
}

function BroadcastTable(props: { rows: BroadcastView[]; open: string | null; onOpen: (id: string) => void }) {
  const { t, locale } = useI18n()
  const n = (v: number) => formatNumber(v, locale)
  return (
    <table data-testid="broadcasts-table">
      <thead>
        <tr>
          <th scope="col">{t('broadcasts.name')}</th>
          <th scope="col">{t('broadcasts.state')}</th>
          <th scope="col">{t('broadcasts.mode')}</th>
          <th scope="col">{t('broadcasts.created')}</th>
          <th scope="col">{t('broadcasts.queuedRecipients')}</th>
          <th scope="col">{t('broadcasts.refused')}</th>
          <th scope="col">{t('broadcasts.sent')}</th>
          <th scope="col">
            <span class="visually-hidden">{t('broadcasts.open')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((b) => (
          <tr key={b.id} data-testid="broadcast-row" aria-current={b.id === props.open ? 'true' : undefined}>
            <td>{b.name}</td>
            <td data-testid="row-state">{t(STATE_LABELS[b.state])}</td>
            <td>{t(b.mode === 'spread' ? 'broadcasts.mode.spread' : 'broadcasts.mode.normal')}</td>
            <td>{formatDateTime(b.created_at, locale)}</td>
            <td data-testid="row-queued">{n(queuedTotal(b))}</td>
            <td>{n(refusedTotal(b))}</td>
            <td data-testid="row-sent">{n(b.jobs.sent ?? 0)}</td>
            <td class="row-actions">
              <button type="button" class="secondary" onClick={() => props.onOpen(b.id)}>
                {t('broadcasts.open')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
