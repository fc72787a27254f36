import { useState } from 'preact/hooks'
import { api, unwrap } from '../api/client'
import type { components } from '../api/schema'
import { type MessageKey, useI18n } from '../i18n'
import { en } from '../i18n/en'
import { Empty, Loaded, useLoad } from '../ui/async'
import { download, toCsv } from '../ui/csv'
import { formatNumber } from '../ui/format'
import { Pager, usePage } from '../ui/pager'
import { type Series, SeriesChart } from '../ui/series-chart'

type S = components['schemas']
type PeriodReport = 'activity' | 'churn' | 'cost' | 'funnel' | 'keywords' | 'service'
type ReportName = PeriodReport | 'product-suggestions' | 'weekly'

/** Each period report's groupings (the API's group_by), the default first. */
const GROUPS: Record<PeriodReport, string[]> = {
  activity: ['day', 'week'],
  churn: ['week', 'day'],
  cost: ['day', 'none', 'week'],
  funnel: ['none', 'day', 'week', 'intent', 'payment_method', 'campaign'],
  keywords: ['none', 'language'],
  service: ['none', 'day', 'week', 'agent'],
}
const REPORTS: ReportName[] = [
  'activity',
  'service',
  'funnel',
  'cost',
  'churn',
  'keywords',
  'product-suggestions',
  'weekly',
]
const KEYWORD_KINDS = ['all', 'word', 'phrase'] as const
const LANGUAGES = ['en', 'pt', 'es', 'zh', 'unknown'] as const
const isPeriodReport = (r: ReportName): r is PeriodReport => r in GROUPS

/** What the form asks for; applied (sent) only when the admin asks to show the report. */
interface Query {
  report: ReportName
  from: string
  to: string
  group_by: string
  time_zone: string
  kind: (typeof KEYWORD_KINDS)[number]
  language: '' | (typeof LANGUAGES)[number]
  limit: number
  month: string
  products: number
  terms: number
  phraseKind: 'phrase' | 'word'
  weeks: number
}

const localDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`

function initialQuery(): Query {
  const today = new Date()
  const weekAgo = new Date(today)
  weekAgo.setDate(today.getDate() - 6)
  return {
    report: 'activity',
    from: localDay(weekAgo),
    to: localDay(today),
    group_by: 'day',
    time_zone: '',
    kind: 'all',
    language: '',
    limit: 150,
    month: localDay(today).slice(0, 7),
    products: 20,
    terms: 10,
    phraseKind: 'phrase',
    weeks: 12,
  }
}

/** A report as the page shows it: a flat table, an optional total line, a few figures, and a series to draw. */
interface View {
  report: ReportName
  rows: Record<string, unknown>[]
  total?: Record<string, unknown>
  figures: { label: MessageKey; value: string; testId: string }[]
  /** Column of `rows` holding local days, and the columns drawn against it. */
  series?: { x: string; columns: string[] }
  file: string
}

/** One level of nesting flattened to `a.b` columns, as the API's CSV does. */
function flatten(row: object, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(row)) {
    if (value && typeof value === 'object' && !Array.isArray(value))
      Object.assign(out, flatten(value, `${prefix}${key}.`))
    else out[`${prefix}${key}`] = value
  }
  return out
}

/** The report routes also answer CSV; the page always asks for JSON, which openapi-fetch parses. */
function jsonOnly<T>(data: T | string): T {
  if (typeof data === 'string') throw new Error(data)
  return data
}

const overTime = (group: string) => group === 'day' || group === 'week'

async function fetchReport(q: Query, n: (v: number) => string): Promise<View> {
  const period = {
    from: q.from,
    to: q.to,
    ...(q.time_zone.trim() ? { time_zone: q.time_zone.trim() } : {}),
  }
  const file = `${q.report}-${q.from}-${q.to}.csv`
  const zone = (z: string) => ({ label: 'reports.zone' as MessageKey, value: z, testId: 'figure-zone' })
  switch (q.report) {
    case 'activity': {
      const r = jsonOnly<S['ActivityReportAnswer']>(
        await unwrap(
          api.GET('/api/v1/reports/activity', {
            params: { query: { ...period, group_by: q.group_by as 'day' | 'week' } },
          }),
        ),
      )
      const sum = (k: 'inbound' | 'outbound' | 'complaints') => r.rows.reduce((s, row) => s + row[k], 0)
      const peak = r.peak_hours[0]
      return {
        report: q.report,
        rows: r.rows.map((x) => flatten(x)),
        figures: [
          { label: 'reports.received', value: n(sum('inbound')), testId: 'figure-inbound' },
          { label: 'reports.sent', value: n(sum('outbound')), testId: 'figure-outbound' },
          { label: 'reports.complaints', value: n(sum('complaints')), testId: 'figure-complaints' },
          ...(peak
            ? [{ label: 'reports.peakHour' as MessageKey, value: `${peak.hour}:00`, testId: 'figure-peak' }]
            : []),
          zone(r.time_zone),
        ],
        series: { x: 'group', columns: ['inbound', 'outbound', 'complaints'] },
        file,
      }
    }
    case 'service': {
      const r = jsonOnly<S['ServiceReportAnswer']>(
        await unwrap(
          api.GET('/api/v1/reports/service', {
            params: { query: { ...period, group_by: q.group_by as 'none' | 'day' | 'week' | 'agent' } },
          }),
        ),
      )
      return {
        report: q.report,
        rows: r.rows.map((x) => flatten(x)),
        total: flatten(r.total),
        figures: [zone(r.time_zone)],
        series: overTime(q.group_by) ? { x: 'group', columns: ['median_seconds', 'p90_seconds'] } : undefined,
        file,
      }
    }
    case 'funnel': {
      const r = jsonOnly<S['FunnelReportAnswer']>(
        await unwrap(
          api.GET('/api/v1/reports/funnel', {
            params: {
              query: {
                ...period,
                group_by: q.group_by as 'none' | 'day' | 'week' | 'intent' | 'payment_method' | 'campaign',
              },
            },
          }),
        ),
      )
      return {
        report: q.report,
        rows: r.rows.map((x) => flatten(x)),
        total: flatten(r.total),
        figures: [zone(r.time_zone)],
        series: overTime(q.group_by)
          ? { x: 'group', columns: ['contacts', 'qualified', 'ordered'] }
          : undefined,
        file,
      }
    }
    case 'cost': {
      const r = jsonOnly<S['CostReportAnswer']>(
        await unwrap(
          api.GET('/api/v1/reports/cost', {
            params: { query: { ...period, group_by: q.group_by as 'none' | 'day' | 'week' } },
          }),
        ),
      )
      return {
        report: q.report,
        rows: r.rows.map((x) => flatten(x)),
        total: flatten(r.total),
        figures: [
          { label: 'reports.currency', value: r.currency, testId: 'figure-currency' },
          ...(r.unpriced_categories.length
            ? [
                {
                  label: 'reports.unpriced' as MessageKey,
                  value: r.unpriced_categories.join(', '),
                  testId: 'figure-unpriced',
                },
              ]
            : []),
          zone(r.time_zone),
        ],
        series: overTime(q.group_by) ? { x: 'group', columns: ['cost'] } : undefined,
        file,
      }
    }
    case 'churn': {
      const r = jsonOnly<S['ChurnReportAnswer']>(
        await unwrap(
          api.GET('/api/v1/reports/churn', {
            params: { query: { ...period, group_by: q.group_by as 'day' | 'week' } },
          }),
        ),
      )
      return {
        report: q.report,
        rows: r.rows.map((x) => flatten(x)),
        figures: [
          { label: 'reports.atRiskNow', value: n(r.at_risk_now), testId: 'figure-at-risk' },
          zone(r.time_zone),
        ],
        series: { x: 'group', columns: ['became_at_risk', 'recovered'] },
        file,
      }
    }
    case 'keywords': {
      const r = jsonOnly<S['KeywordsReportAnswer']>(
        await unwrap(
          api.GET('/api/v1/reports/keywords', {
            params: {
              query: {
                ...period,
                group_by: q.group_by as 'none' | 'language',
                kind: q.kind,
                limit: q.limit,
                ...(q.language ? { language: q.language } : {}),
              },
            },
          }),
        ),
      )
      return {
        report: q.report,
        rows: r.rows.map((x) => flatten(x)),
        figures: [
          { label: 'reports.customerMessages', value: n(r.customer_messages), testId: 'figure-messages' },
          {
            label: 'reports.previous',
            value: `${r.previous_from} – ${r.previous_to}`,
            testId: 'figure-previous',
          },
          zone(r.time_zone),
        ],
        file,
      }
    }
    case 'product-suggestions': {
      const r = jsonOnly<S['ProductSuggestionsReport']>(
        await unwrap(
          api.GET('/api/v1/reports/product-suggestions', {
            params: { query: { month: q.month, products: q.products, terms: q.terms, kind: q.phraseKind } },
          }),
        ),
      )
      return {
        report: q.report,
        // The phrases of a product as one cell: each term with how many negative messages used it.
        rows: r.rows.map(({ phrases, ...rest }) => ({
          ...rest,
          phrases: phrases.map((p) => `${p.term} (${n(p.negative)})`).join('; '),
        })),
        figures: [
          { label: 'reports.previousMonth', value: r.previous_month, testId: 'figure-previous' },
          zone(r.time_zone),
        ],
        file: `product-suggestions-${q.month}.csv`,
      }
    }
    case 'weekly': {
      const r = jsonOnly<S['WeeklyReports']>(
        await unwrap(api.GET('/api/v1/reports/weekly', { params: { query: { limit: q.weeks } } })),
      )
      // Oldest first, so the table and the chart read left to right in time.
      const rows = [...r.weeks].reverse().map((w) => ({
        week_start: w.report.week_start,
        week_end: w.report.week_end,
        responses: w.report.service.total.responses,
        median_seconds: w.report.service.total.median_seconds,
        first_median_seconds: w.report.service.total.first_median_seconds,
        contacts: w.report.funnel.total.contacts,
        qualified: w.report.funnel.total.qualified,
        ordered: w.report.funnel.total.ordered,
        cost: w.report.cost.total.cost,
        currency: w.report.cost.currency,
      }))
      return {
        report: q.report,
        rows,
        figures: [],
        series: { x: 'week_start', columns: ['contacts', 'ordered', 'responses'] },
        file: 'weekly.csv',
      }
    }
  }
}

export function ReportsPage() {
  const { t, locale } = useI18n()
  const [draft, setDraft] = useState<Query>(initialQuery)
  const [applied, setApplied] = useState<Query>(draft)
  const n = (v: number) => formatNumber(v, locale)
  const [load, reload] = useLoad(() => fetchReport(applied, n), [applied, locale])
  const set = <K extends keyof Query>(key: K, value: Query[K]) => setDraft({ ...draft, [key]: value })
  const pick = (report: ReportName) => {
    const next = { ...draft, report, group_by: isPeriodReport(report) ? (GROUPS[report][0] as string) : '' }
    setDraft(next)
    setApplied(next)
  }
  const submit = (e: Event) => {
    e.preventDefault()
    setApplied({ ...draft })
  }
  const r = draft.report
  return (
    <section aria-labelledby="reports-title" data-testid="page-reports">
      <h1 id="reports-title">{t('reports.title')}</h1>
      <form class="filters" onSubmit={submit} data-testid="report-form">
        <label for="report-name">{t('reports.report')}</label>
        <select id="report-name" value={r} onChange={(e) => pick(e.currentTarget.value as ReportName)}>
          {REPORTS.map((name) => (
            <option key={name} value={name}>
              {t(`reports.name.${name}` as MessageKey)}
            </option>
          ))}
        </select>
        {isPeriodReport(r) && (
          <>
            <label for="report-from">{t('reports.from')}</label>
            <input
              id="report-from"
              type="date"
              required
              value={draft.from}
              onInput={(e) => set('from', e.currentTarget.value)}
            />
            <label for="report-to">{t('reports.to')}</label>
            <input
              id="report-to"
              type="date"
              required
              value={draft.to}
              onInput={(e) => set('to', e.currentTarget.value)}
            />
            <label for="report-group">{t('reports.groupBy')}</label>
            <select
              id="report-group"
              value={draft.group_by}
              onChange={(e) => set('group_by', e.currentTarget.value)}
            >
              {GROUPS[r].map((g) => (
                <option key={g} value={g}>
                  {t(`reports.group.${g}` as MessageKey)}
                </option>
              ))}
            </select>
            {r !== 'keywords' && (
              <>
                <label for="report-zone">{t('reports.timeZone')}</label>
                <input
                  id="report-zone"
                  value={draft.time_zone}
                  placeholder={t('reports.timeZoneDefault')}
                  onInput={(e) => set('time_zone', e.currentTarget.value)}
                />
              </>
            )}
          </>
        )}
        {r === 'keywords' && (
          <>
            <label for="report-kind">{t('reports.kind')}</label>
            <select
              id="report-kind"
              value={draft.kind}
              onChange={(e) => set('kind', e.currentTarget.value as Query['kind'])}
            >
              {KEYWORD_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`reports.kind.${k}` as MessageKey)}
                </option>
              ))}
            </select>
            <label for="report-language">{t('reports.language')}</label>
            <select
              id="report-language"
              value={draft.language}
              onChange={(e) => set('language', e.currentTarget.value as Query['language'])}
            >
              <option value="">{t('reports.anyLanguage')}</option>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`reports.lang.${l}` as MessageKey)}
                </option>
              ))}
            </select>
            <label for="report-limit">{t('reports.limit')}</label>
            <input
              id="report-limit"
              type="number"
              min={1}
              max={1000}
              value={draft.limit}
              onInput={(e) => set('limit', Number(e.currentTarget.value))}
            />
          </>
        )}
        {r === 'product-suggestions' && (
          <>
            <label for="report-month">{t('reports.month')}</label>
            <input
              id="report-month"
              type="month"
              required
              value={draft.month}
              onInput={(e) => set('month', e.currentTarget.value)}
            />
            <label for="report-products">{t('reports.products')}</label>
            <input
              id="report-products"
              type="number"
              min={1}
              max={200}
              value={draft.products}
              onInput={(e) => set('products', Number(e.currentTarget.value))}
            />
            <label for="report-terms">{t('reports.terms')}</label>
            <input
              id="report-terms"
              type="number"
              min={1}
              max={50}
              value={draft.terms}
              onInput={(e) => set('terms', Number(e.currentTarget.value))}
            />
            <label for="report-phrase-kind">{t('reports.kind')}</label>
            <select
              id="report-phrase-kind"
              value={draft.phraseKind}
              onChange={(e) => set('phraseKind', e.currentTarget.value as Query['phraseKind'])}
            >
              <option value="phrase">{t('reports.kind.phrase')}</option>
              <option value="word">{t('reports.kind.word')}</option>
            </select>
          </>
        )}
        {r === 'weekly' && (
          <>
            <label for="report-weeks">{t('reports.weeks')}</label>
            <input
              id="report-weeks"
              type="number"
              min={1}
              max={104}
              value={draft.weeks}
              onInput={(e) => set('weeks', Number(e.currentTarget.value))}
            />
          </>
        )}
        <button type="submit">{t('reports.show')}</button>
      </form>
      <p class="hint">{t(`reports.about.${applied.report}` as MessageKey)}</p>
      <Loaded load={load} retry={reload}>
        {(view) => <ReportView view={view} />}
      </Loaded>
    </section>
  )
}

const PERCENT = new Set([
  'complaint_rate',
  'qualified_rate',
  'qualified_order_rate',
  'share',
  'negative_share',
  'change',
])

/** A column's heading: its translated name, else (a billing category, say) the API's own. */
function useColumnLabel() {
  const { t } = useI18n()
  return (column: string) => {
    const [head, tail] = column.split('.', 2) as [string, string | undefined]
    const key = `rcol.${head}`
    const name = key in en ? t(key as MessageKey) : head
    return tail ? `${name} · ${tail}` : name
  }
}

function ReportView(props: { view: View }) {
  const { t, locale } = useI18n()
  const columnLabel = useColumnLabel()
  const { rows, total, series } = props.view
  const columns = [...new Set([...rows, ...(total ? [total] : [])].flatMap((r) => Object.keys(r)))]
  const page = usePage(rows)
  const show = (column: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—'
    if (typeof value === 'number') {
      if (PERCENT.has(column))
        return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value)
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)
    }
    // A report not grouped answers one group named `all`: the whole period.
    if (column === 'group' && value === 'all') return t('reports.group.none')
    const word = `reports.${column}.${value}`
    if ((column === 'trend' || column === 'theme' || column === 'kind') && word in en)
      return t(word as MessageKey)
    return String(value)
  }
  const days = series ? rows.map((r) => String(r[series.x])) : []
  const drawn: Series[] | null =
    series && rows.length > 0 && days.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
      ? series.columns.map((c) => ({
          label: columnLabel(c),
          values: rows.map((r) => (typeof r[c] === 'number' ? (r[c] as number) : null)),
        }))
      : null
  return (
    <div data-testid="report-view" data-report={props.view.report}>
      {props.view.figures.length > 0 && (
        <dl class="queues" data-testid="report-figures">
          {props.view.figures.map((f) => (
            <div key={f.testId}>
              <dt>{t(f.label)}</dt>
              <dd data-testid={f.testId}>{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {rows.length === 0 ? (
        <Empty testId="reports-empty">{t('reports.empty')}</Empty>
      ) : (
        <>
          {drawn && <SeriesChart days={days} series={drawn} testId="report-chart" />}
          <p class="actions">
            <button
              type="button"
              class="secondary"
              data-testid="report-csv"
              onClick={() => download(props.view.file, toCsv(columns, rows))}
            >
              {t('reports.csv')}
            </button>
          </p>
          <div class="table-scroll">
            <table data-testid="report-table">
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th scope="col" key={c}>
                      {columnLabel(c)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.rows.map((row, i) => (
                  <tr key={`${page.page}-${i}`} data-testid="report-row">
                    {columns.map((c) => (
                      <td key={c}>{show(c, row[c])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
              {total && (
                <tfoot>
                  <tr data-testid="report-total">
                    {columns.map((c) => (
                      <td key={c}>{c === 'group' ? t('reports.total') : show(c, total[c])}</td>
                    ))}
                  </tr>
                </tfoot>
              )}
            </table>
          </div>
          <Pager {...page} label={t('reports.title')} />
        </>
      )}
    </div>
  )
}
