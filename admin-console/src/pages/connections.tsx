import { useEffect, useState } from 'preact/hooks'
import { api, unwrap } from '../api/client'
import type { paths } from '../api/schema'
import { useI18n } from '../i18n'
import { Empty, ErrorBox, Loaded, type Outcome, OutcomeLine, useLoad } from '../ui/async'
import { formatDateTime, formatNumber } from '../ui/format'
import { Pager, usePage } from '../ui/pager'
import { StorageBudget } from './crm-storage'
import { FieldMapping } from './field-mapping'

type Connection =
  paths['/api/v1/connections']['get']['responses'][200]['content']['application/json']['connections'][number]
type SyncStatus =
  paths['/api/v1/connections/{id}/sync']['get']['responses'][200]['content']['application/json']

/** The CRMs the backend installs; each has its own documented install route. */
const INSTALLS = [
  { crm: 'HubSpot', start: () => api.POST('/api/v1/connections/hubspot/install') },
  { crm: 'Salesforce', start: () => api.POST('/api/v1/connections/salesforce/install') },
  { crm: 'Zoho CRM', start: () => api.POST('/api/v1/connections/zoho/install') },
] as const

/** While writes are waiting, the sync status is read again this often (a backfill's live progress). */
const PROGRESS_MS = 2_000

export function ConnectionsPage() {
  const { t } = useI18n()
  const [connections, reload] = useLoad(() => unwrap(api.GET('/api/v1/connections')))
  const [outcome, setOutcome] = useState<Outcome>(null)
  const install = async (item: (typeof INSTALLS)[number]) => {
    setOutcome(null)
    try {
      const { authorize_url } = await unwrap(item.start())
      location.assign(authorize_url)
    } catch (failure) {
      setOutcome({ ok: false, message: (failure as Error).message })
    }
  }
  return (
    <section aria-labelledby="crm-title" data-testid="page-connections">
      <h1 id="crm-title">{t('crm.title')}</h1>
      <p class="hint">{t('crm.installIntro')}</p>
      <div class="actions">
        {INSTALLS.map((item) => (
          <button key={item.crm} type="button" onClick={() => install(item)}>
            {t('crm.install', { crm: item.crm })}
          </button>
        ))}
      </div>
      <OutcomeLine outcome={outcome} />
      <Loaded load={connections} retry={reload}>
        {(data) =>
          data.connections.length === 0 ? (
            <Empty>{t('crm.empty')}</Empty>
          ) : (
            <ConnectionList connections={data.connections} onChanged={reload} />
          )
        }
      </Loaded>
    </section>
  )
}

function ConnectionList(props: { connections: Connection[]; onChanged: () => void }) {
  const { t } = useI18n()
  const page = usePage(props.connections, 10)
  return (
    <>
      {page.rows.map((c) => (
        <ConnectionCard key={c.id} connection={c} onChanged={props.onChanged} />
      ))}
      <Pager {...page} label={t('crm.title')} />
    </>
  )
}

function ConnectionCard(props: { connection: Connection; onChanged: () => void }) {
  const { t, locale } = useI18n()
  const c = props.connection
  const [sync, setSync] = useState<SyncStatus | null>(null)
  const [syncError, setSyncError] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const [tick, setTick] = useState(0)
  const [mappingOpen, setMappingOpen] = useState(false)

  // The sync status, read again every PROGRESS_MS while anything waits to be written.
  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    unwrap(api.GET('/api/v1/connections/{id}/sync', { params: { path: { id: c.id } } })).then(
      (status) => {
        if (stopped) return
        setSync(status)
        setSyncError(null)
        const waiting =
          status.pending.contact + status.pending.message + status.pending.task + status.pending.merge
        if (waiting > 0 && status.state === 'active')
          timer = setTimeout(() => setTick((n) => n + 1), PROGRESS_MS)
      },
      (failure: Error) => !stopped && setSyncError(failure.message),
    )
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [c.id, tick])

  const backfill = async () => {
    setOutcome(null)
    try {
      const queued = await unwrap(
        api.POST('/api/v1/connections/{id}/sync/backfill', { params: { path: { id: c.id } }, body: {} }),
      )
      setOutcome({ ok: true, message: t('crm.backfilled', { crm: c.provider, ...queued }) })
      setTick((n) => n + 1)
    } catch (failure) {
      setOutcome({ ok: false, message: (failure as Error).message })
    }
  }
  const disconnect = async () => {
    setOutcome(null)
    try {
      const { revocation } = await unwrap(
        api.POST('/api/v1/connections/{id}/disconnect', { params: { path: { id: c.id } } }),
      )
      setOutcome({
        ok: true,
        message: t('crm.disconnected', { crm: c.provider, account: c.account_id, revocation }),
      })
      props.onChanged()
    } catch (failure) {
      setOutcome({ ok: false, message: (failure as Error).message })
    }
  }
  const usage = c.api_usage
  return (
    <article class="card" aria-labelledby={`crm-${c.id}`} data-testid="connection">
      <h2 id={`crm-${c.id}`}>
        {c.provider} · {c.account_id}
      </h2>
      <dl class="queues">
        <dt>{t('crm.state')}</dt>
        <dd data-testid="connection-state">
          {c.state}
          {!c.authorized && c.state === 'active' ? ` · ${t('crm.notAuthorized')}` : ''}
          {c.last_error && <span class="error-text"> · {c.last_error}</span>}
        </dd>
        <dt>{t('crm.budget')}</dt>
        <dd>
          {usage
            ? t('crm.budgetValue', {
                used: formatNumber(usage.used, locale),
                limit: formatNumber(usage.limit, locale),
                share: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
                  usage.share,
                ),
              })
            : t('crm.noBudget')}
          {usage?.stopped_at && (
            <div class="error-text">
              {t('crm.budgetStopped', { until: formatDateTime(usage.resume_at, locale) })}
            </div>
          )}
        </dd>
        <dt>{t('crm.lastSynced')}</dt>
        <dd>{c.last_synced_at ? formatDateTime(c.last_synced_at, locale) : t('overview.never')}</dd>
        <dt>{t('crm.sync')}</dt>
        <dd data-testid="connection-sync" aria-live="polite">
          {sync ? t('crm.pending', sync.pending) : syncError ? '' : t('state.loading')}
        </dd>
        <dt>{t('storage.title')}</dt>
        <dd>
          <StorageBudget connectionId={c.id} />
        </dd>
      </dl>
      {syncError && <ErrorBox message={syncError} onRetry={() => setTick((n) => n + 1)} />}
      {c.state === 'active' && (
        <div class="actions">
          <button type="button" onClick={backfill}>
            {t('crm.backfill')}
          </button>{' '}
          <button type="button" class="secondary" onClick={disconnect}>
            {t('crm.disconnect')}
          </button>{' '}
          <button
            type="button"
            class="secondary"
            aria-expanded={mappingOpen}
            onClick={() => setMappingOpen(!mappingOpen)}
          >
            {t('map.open')}
          </button>
        </div>
      )}
      <OutcomeLine outcome={outcome} />
      {mappingOpen && (
        <FieldMapping
          connectionId={c.id}
          title={t('map.title', { crm: c.provider, account: c.account_id })}
        />
      )}
    </article>
  )
}
