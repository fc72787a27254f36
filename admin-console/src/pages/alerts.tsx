import { useState } from 'preact/hooks'
import { api, unwrap } from '../api/client'
import type { paths } from '../api/schema'
import { type MessageKey, useI18n } from '../i18n'
import { Empty, Loaded, type Outcome, OutcomeLine, useLoad } from '../ui/async'
import { formatDateTime } from '../ui/format'
import { CursorPager, PAGE_SIZE } from '../ui/pager'
import { plainValue } from '../ui/plain-value'

type AlertQuery = NonNullable<paths['/api/v1/alerts']['get']['parameters']['query']>
type Alert = paths['/api/v1/alerts']['get']['responses'][200]['content']['application/json']['alerts'][number]
type State = NonNullable<AlertQuery['state']>
type Rule = NonNullable<AlertQuery['rule']>

const STATES: { value: State; label: MessageKey }[] = [
  { value: 'open', label: 'alerts.open' },
  { value: 'resolved', label: 'alerts.resolved' },
  { value: 'all', label: 'alerts.all' },
]
const EMPTY: Record<State, MessageKey> = {
  open: 'alerts.empty',
  resolved: 'alerts.emptyResolved',
  all: 'alerts.emptyAll',
}
export const RULES: Record<Rule, MessageKey> = {
  complaint_rate: 'alerts.rule.complaint_rate',
  agent_response_time: 'alerts.rule.agent_response_time',
  sync_success: 'alerts.rule.sync_success',
  intent_conversion: 'alerts.rule.intent_conversion',
  api_health: 'alerts.rule.api_health',
  sync_accuracy: 'alerts.rule.sync_accuracy',
  crm_storage_budget: 'alerts.rule.crm_storage_budget',
}

export function AlertsPage() {
  const { t } = useI18n()
  const [state, setState] = useState<State>('open')
  const [rule, setRule] = useState<Rule | ''>('')
  // The API pages by cursor: the cursors of the pages seen so far, the first page's being none.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined])
  const page = cursors.length
  const [load, reload] = useLoad(
    () =>
      unwrap(
        api.GET('/api/v1/alerts', {
          params: {
            query: { state, rule: rule || undefined, limit: PAGE_SIZE, cursor: cursors[cursors.length - 1] },
          },
        }),
      ),
    [state, rule, cursors],
  )
  const [outcome, setOutcome] = useState<Outcome>(null)
  const filter = (next: () => void) => {
    next()
    setCursors([undefined])
    setOutcome(null)
  }
  const resolve = async (alert: Alert) => {
    setOutcome(null)
    try {
      await unwrap(api.POST('/api/v1/alerts/{id}/resolve', { params: { path: { id: alert.id } } }))
      setOutcome({ ok: true, message: t('alerts.resolvedOne', { rule: t(RULES[alert.rule]) }) })
      reload()
    } catch (failure) {
      setOutcome({ ok: false, message: (failure as Error).message })
    }
  }
  return (
    <section aria-labelledby="alerts-title" data-testid="page-alerts">
      <h1 id="alerts-title">{t('alerts.title')}</h1>
      <p class="hint">{t('alerts.intro')}</p>
      <div class="filters">
        <label for="alerts-state">{t('alerts.state')}</label>
        <select
          id="alerts-state"
          value={state}
          onChange={(e) => filter(() => setState(e.currentTarget.value as State))}
        >
          {STATES.map((s) => (
            <option key={s.value} value={s.value}>
              {t(s.label)}
            </option>
          ))}
        </select>
        <label for="alerts-rule">{t('alerts.rule')}</label>
        <select
          id="alerts-rule"
          value={rule}
          onChange={(e) => filter(() => setRule(e.currentTarget.value as Rule | ''))}
        >
          <option value="">{t('alerts.anyRule')}</option>
          {(Object.keys(RULES) as Rule[]).map((r) => (
            <option key={r} value={r}>
              {t(RULES[r])}
            </option>
          ))}
        </select>
      </div>
      <OutcomeLine outcome={outcome} />
      <Loaded load={load} retry={reload}>
        {(data) =>
          data.alerts.length === 0 && page === 1 ? (
            <Empty testId="alerts-empty">{t(EMPTY[state])}</Empty>
          ) : (
            <>
              <AlertTable alerts={data.alerts} onResolve={resolve} />
              {(page > 1 || data.next_cursor) && (
                <CursorPager
                  label={t('alerts.title')}
                  cursors={cursors}
                  next={data.next_cursor}
                  onChange={setCursors}
                />
              )}
            </>
          )
        }
      </Loaded>
    </section>
  )
}

function AlertTable(props: { alerts: Alert[]; onResolve: (a: Alert) => void }) {
  const { t, locale } = useI18n()
  return (
    <table data-testid="alerts-table">
      <thead>
        <tr>
          <th scope="col">{t('alerts.raised')}</th>
          <th scope="col">{t('alerts.rule')}</th>
          <th scope="col">{t('alerts.subject')}</th>
          <th scope="col">{t('alerts.period')}</th>
          <th scope="col">{t('alerts.figures')}</th>
          <th scope="col">{t('alerts.suggestion')}</th>
          <th scope="col">{t('alerts.state')}</th>
        </tr>
      </thead>
      <tbody>
        {props.alerts.map((a) => (
          <tr key={a.id} data-testid="alert-row">
            <td>{formatDateTime(a.raised_at, locale)}</td>
            <td>{t(RULES[a.rule])}</td>
            <td>{a.subject}</td>
            <td>{a.period}</td>
            <td>
              <dl class="figures">
                {Object.entries(a.figures).map(([k, v]) => (
                  <div key={k}>
                    <dt>{k}</dt>
                    <dd>
                      <FigureValue value={v} />
                    </dd>
                  </div>
                ))}
              </dl>
            </td>
            <td>{a.suggestion ?? ''}</td>
            <td class="row-actions">
              {a.resolved_at ? (
                t('alerts.resolvedAt', { at: formatDateTime(a.resolved_at, locale) })
              ) : (
                <button type="button" onClick={() => props.onResolve(a)}>
                  {t('alerts.resolve')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** A figure as text: a list of records (the days of a streak, say) one line each, as `key value` pairs. */
function FigureValue(props: { value: unknown }) {
  const v = props.value
  if (!Array.isArray(v)) return <>{plainValue(v)}</>
  return (
    <ul class="plain reasons">
      {v.map((item, i) => (
        <li key={i}>
          {item && typeof item === 'object'
            ? Object.entries(item)
                .map(([k, x]) => `${k} ${plainValue(x)}`)
                .join(' · ')
            : plainValue(item)}
        </li>
      ))}
    </ul>
  )
}
