import { api, unwrap } from '../api/client'
import { useI18n } from '../i18n'
import { Empty, Loaded, useLoad } from '../ui/async'
import { DailyChart } from '../ui/daily-chart'
import { formatDateTime, formatNumber } from '../ui/format'
import { Pager, usePage } from '../ui/pager'

/** Alerts shown on the overview: the newest open ones. */
const ALERT_LIMIT = 50

export function OverviewPage() {
  const { t, locale } = useI18n()
  const [load, retry] = useLoad(() =>
    Promise.all([
      unwrap(api.GET('/api/v1/overview')),
      unwrap(api.GET('/api/v1/alerts', { params: { query: { state: 'open', limit: ALERT_LIMIT } } })),
    ]),
  )
  const n = (value: number) => formatNumber(value, locale)
  return (
    <section aria-labelledby="overview-title" data-testid="page-overview">
      <h1 id="overview-title">{t('overview.title')}</h1>
      <Loaded load={load} retry={retry}>
        {([o, alerts]) => (
          <>
            <div class="tiles">
              <div class="tile" data-testid="tile-today">
                <h2>{t('overview.today')}</h2>
                <p>
                  <span class="figure">{n(o.today.inbound)}</span> {t('overview.inbound')} ·{' '}
                  <span class="figure">{n(o.today.outbound)}</span> {t('overview.outbound')}
                </p>
              </div>
              <div class="tile" data-testid="tile-windows">
                <h2>{t('overview.openWindows')}</h2>
                <p>
                  <span class="figure">{n(o.open_windows)}</span>
                </p>
                <p class="hint">{t('overview.openWindowsHint')}</p>
              </div>
              <div class="tile" data-testid="tile-alerts">
                <h2>{t('overview.alerts')}</h2>
                <p>
                  <span class="figure">{n(o.open_alerts)}</span>
                </p>
              </div>
            </div>
            <h2>{t('overview.chart', { zone: o.time_zone })}</h2>
            <DailyChart
              days={o.days}
              labels={{ inbound: t('overview.inbound'), outbound: t('overview.outbound') }}
            />
            <DailyTable days={o.days} />
            <h2>{t('overview.queues')}</h2>
            <dl class="queues" data-testid="queues">
              <dt>{t('overview.sendsWaiting')}</dt>
              <dd>{n(o.queues.sends_waiting)}</dd>
              <dt>{t('overview.crmDue')}</dt>
              <dd>{n(o.queues.crm_changes_due)}</dd>
              <dt>{t('overview.crmParked')}</dt>
              <dd>{n(o.queues.crm_changes_parked)}</dd>
              <dt>{t('overview.reviewOpen')}</dt>
              <dd>{n(o.queues.review_open)}</dd>
              <dt>{t('overview.deadLetters')}</dt>
              <dd data-testid="dead-letter-count">
                {n(o.queues.dead_letters)}
                {o.queues.dead_letters_capped ? '+' : ''}
              </dd>
            </dl>
            <h2>{t('overview.crm')}</h2>
            {o.connections.length === 0 ? (
              <Empty testId="crm-empty">{t('overview.crmEmpty')}</Empty>
            ) : (
              <ul class="plain" data-testid="crm-status">
                {o.connections.map((c) => (
                  <li key={c.id}>
                    <strong>{c.provider}</strong> {c.account_id} · {c.state} · {t('overview.lastSynced')}:{' '}
                    {c.last_synced_at ? formatDateTime(c.last_synced_at, locale) : t('overview.never')}
                    {c.last_error && <span class="error-text"> · {c.last_error}</span>}
                  </li>
                ))}
              </ul>
            )}
            <h2>{t('overview.alerts')}</h2>
            {alerts.alerts.length === 0 ? (
              <Empty testId="alerts-empty">{t('overview.noAlerts')}</Empty>
            ) : (
              <AlertList alerts={alerts.alerts} />
            )}
          </>
        )}
      </Loaded>
    </section>
  )
}

function DailyTable(props: { days: { day: string; inbound: number; outbound: number }[] }) {
  const { t, locale } = useI18n()
  const page = usePage([...props.days].reverse(), 7)
  return (
    <>
      <table data-testid="daily-table">
        <caption>{t('overview.chartTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('overview.day')}</th>
            <th scope="col">{t('overview.inbound')}</th>
            <th scope="col">{t('overview.outbound')}</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((d) => (
            <tr key={d.day}>
              <td>{d.day}</td>
              <td>{formatNumber(d.inbound, locale)}</td>
              <td>{formatNumber(d.outbound, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager {...page} label={t('overview.chartTable')} />
    </>
  )
}

function AlertList(props: {
  alerts: { id: string; rule: string; subject: string; suggestion: string | null; raised_at: string }[]
}) {
  const { t, locale } = useI18n()
  const page = usePage(props.alerts, 10)
  return (
    <>
      <ul class="plain" data-testid="alerts">
        {page.rows.map((a) => (
          <li key={a.id}>
            <strong>{a.rule}</strong> · {a.subject} · {t('overview.alertRaised')}{' '}
            {formatDateTime(a.raised_at, locale)}
            {a.suggestion && <p class="hint">{a.suggestion}</p>}
          </li>
        ))}
      </ul>
      <Pager {...page} label={t('overview.alerts')} />
    </>
  )
}
