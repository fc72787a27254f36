import { createRoute } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { ACTIVITY_GROUPS, activityReport } from '../../analytics/activity-report'
import { CHURN_GROUPS, churnReport } from '../../analytics/churn-report'
import { COST_GROUPS, costReport } from '../../analytics/cost-report'
import { FUNNEL_GROUPS, funnelReport } from '../../analytics/funnel-report'
import { type KeywordGroup, type KeywordKind, keywordsReport } from '../../analytics/keywords-report'
import { productSuggestionsReport } from '../../analytics/product-suggestions-report'
import { reportCsv } from '../../analytics/report-csv'
import type { ReportPeriod } from '../../analytics/report-period'
import { SERVICE_GROUPS, serviceReport } from '../../analytics/service-report'
import { listWeeklyReports } from '../../analytics/weekly-reports'
import { analyticsContext } from '../../analytics/workspace-context'
import type { Executor } from '../../db/client'
import { InvalidInputError } from '../../lib/errors'
import type { AppDeps, AppEnv } from '../app-env'
import { bearerSecurity, commonErrors, newRouter, z } from '../openapi'
import {
  activityReportSchema,
  churnReportSchema,
  costReportSchema,
  funnelReportSchema,
  keywordsQuery,
  keywordsReportSchema,
  productSuggestionsQuery,
  productSuggestionsSchema,
  reportQuery,
  serviceReportSchema,
  weeklyQuery,
  weeklyReportsSchema,
} from './report-schemas'

const CSV_NOTE =
  ' With `Accept: text/csv` the answer is the `rows` table as CSV (nested objects flattened to `a.b` columns).'

const reportRoute = (
  name: string,
  summary: string,
  description: string,
  query: z.ZodType,
  schema: z.ZodType,
) =>
  createRoute({
    method: 'get',
    path: `/api/v1/reports/${name}`,
    tags: ['reports'],
    summary,
    description: description + CSV_NOTE,
    security: bearerSecurity,
    request: { query: query as never },
    responses: {
      200: {
        description: 'The report',
        content: {
          'application/json': { schema },
          'text/csv': { schema: z.string() },
        },
      },
      ...commonErrors,
    },
  })

const wantsCsv = (c: Context<AppEnv>) => (c.req.header('accept') ?? '').toLowerCase().includes('text/csv')

interface ReportRequest {
  from: string
  to: string
  group_by: string
  time_zone?: string
}

/** Period in the asked zone (default the workspace's), then JSON or CSV of the report's rows. */
async function answer<R extends { rows: object[] }>(
  deps: AppDeps,
  c: Context<AppEnv>,
  name: string,
  q: ReportRequest,
  compute: (
    db: Executor,
    period: ReportPeriod,
    ctx: Awaited<ReturnType<typeof analyticsContext>>,
  ) => Promise<R>,
) {
  const workspaceId = c.get('auth').workspaceId
  const ctx = await analyticsContext(deps.db, workspaceId)
  const period: ReportPeriod = { workspaceId, from: q.from, to: q.to, timeZone: q.time_zone ?? ctx.timeZone }
  const report = await compute(deps.db, period, ctx)
  if (wantsCsv(c)) {
    c.header('content-type', 'text/csv; charset=utf-8')
    c.header('content-disposition', `attachment; filename="${name}-${q.from}-${q.to}.csv"`)
    return c.body(reportCsv(report.rows as Record<string, unknown>[]), 200)
  }
  return c.json(
    { time_zone: period.timeZone, from: period.from, to: period.to, group_by: q.group_by, ...report },
    200,
  )
}

/** Report envelope fields every report answers with. */
const envelope = {
  time_zone: z.string(),
  from: z.string(),
  to: z.string(),
  group_by: z.string(),
}
const withEnvelope = (schema: z.ZodObject<z.ZodRawShape>, name: string) =>
  schema.extend(envelope).openapi(name)

const service = reportRoute(
  'service',
  'Response times: median and p90 of every answer and of first answers, per day, week or agent',
  'A customer waits from the earliest unanswered message until a person (an agent send or the WhatsApp Business app) answers; automated messages do not count. Seconds, whole. Median and p90 are percentile_disc: the smallest recorded wait with at least 50 % / 90 % of waits at or below it.',
  reportQuery([...SERVICE_GROUPS], 'none'),
  withEnvelope(serviceReportSchema, 'ServiceReportAnswer'),
)
const activity = reportRoute(
  'activity',
  'Messages per day or week, complaint rate, 24-hour conversations, hour-of-week heat map and peak hours',
  'Counts come from quarter-hour rollups, so days and hours are exact in any zone (DST days have 23 or 25 hours).',
  reportQuery([...ACTIVITY_GROUPS], 'day'),
  withEnvelope(activityReportSchema, 'ActivityReportAnswer'),
)
const cost = reportRoute(
  'cost',
  "What Meta billed, priced with the workspace's rate card, and the cost per 24-hour conversation",
  'Each billable message counts once (Meta repeats pricing on sent, delivered and read). Prices from PUT /api/v1/settings/analytics; categories without a price are listed in unpriced_categories.',
  reportQuery([...COST_GROUPS], 'day'),
  withEnvelope(costReportSchema, 'CostReportAnswer'),
)
const funnel = reportRoute(
  'funnel',
  'First contact → qualified (buying intent) → order, for contacts first seen in the period',
  'Qualified: an inbound message with intent price_discount, product_inquiry, quote or purchase_intent. Order: an inbound cart order or an order-status question. group_by=intent gives the order rate per qualifying intent; payment_method groups contacts by the first payment method they mentioned (cash_on_delivery, card, pix, boleto, bank_transfer, wallet, or not_mentioned); campaign by the click-to-WhatsApp ad (referral source_id) of their first message from one (organic for the rest).',
  reportQuery([...FUNNEL_GROUPS], 'none'),
  withEnvelope(funnelReportSchema, 'FunnelReportAnswer'),
)
const churn = reportRoute(
  'churn',
  'Contacts at churn risk now, and how many became so per day or week',
  'From the churn rule (interaction falling and sentiment low) that marks contacts at risk.',
  reportQuery([...CHURN_GROUPS], 'week'),
  withEnvelope(churnReportSchema, 'ChurnReportAnswer'),
)
const keywords = reportRoute(
  'keywords',
  'The words and phrases customers use most, per kind and language, with their trend against the period before',
  "Counted per customer message (a message counts once per term) on the workspace's local days when the message arrived: stop words, numbers, links and addresses left out; Chinese segmented by Intl.Segmenter. `previous_messages` covers the period of the same length just before; trend: new (unused before), rising (≥ +25 % and ≥ 3 more messages), falling (≤ −20 % and ≥ 3 fewer), else steady. `share` is per customer message of the period, all languages. A `time_zone` other than the workspace's is refused.",
  keywordsQuery,
  withEnvelope(keywordsReportSchema, 'KeywordsReportAnswer'),
)
const productSuggestions = createRoute({
  method: 'get',
  path: '/api/v1/reports/product-suggestions',
  tags: ['reports'],
  summary: 'Monthly product suggestions: the products customers complain about, in their own words',
  description:
    'Products named in customer messages (catalogue matcher) in a local month, most negative messages first (intent complaint or sentiment below 0.3), each with its most negative phrases and their trend against the month before, the theme those phrases are about (price, delivery, quality, information — read by the intent classifier) and a suggestion for that theme.',
  security: bearerSecurity,
  request: { query: productSuggestionsQuery },
  responses: {
    200: { description: 'The report', content: { 'application/json': { schema: productSuggestionsSchema } } },
    ...commonErrors,
  },
})
const weekly = createRoute({
  method: 'get',
  path: '/api/v1/reports/weekly',
  tags: ['reports'],
  summary: 'Weekly report snapshots (service per agent, funnel per intent, cost), newest week first',
  description:
    "Taken each Monday just after midnight in the workspace's zone for the week before, and kept as they were then.",
  security: bearerSecurity,
  request: { query: weeklyQuery },
  responses: {
    200: { description: 'Stored weeks', content: { 'application/json': { schema: weeklyReportsSchema } } },
    ...commonErrors,
  },
})

export function reportRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openapi(weekly, async (c) => {
    const q = c.req.valid('query')
    const weeks = await listWeeklyReports(deps.db, c.get('auth').workspaceId, q)
    return c.json(weeklyReportsSchema.parse({ weeks }), 200)
  })
  app.openapi(service, (c) =>
    answer(deps, c, 'service', c.req.valid('query') as ReportRequest, (db, p) =>
      serviceReport(db, p, (c.req.valid('query') as ReportRequest).group_by as never),
    ),
  )
  app.openapi(activity, (c) =>
    answer(deps, c, 'activity', c.req.valid('query') as ReportRequest, (db, p) =>
      activityReport(db, p, (c.req.valid('query') as ReportRequest).group_by as never),
    ),
  )
  app.openapi(cost, (c) =>
    answer(deps, c, 'cost', c.req.valid('query') as ReportRequest, (db, p, ctx) =>
      costReport(db, p, (c.req.valid('query') as ReportRequest).group_by as never, ctx.settings),
    ),
  )
  app.openapi(funnel, (c) =>
    answer(deps, c, 'funnel', c.req.valid('query') as ReportRequest, (db, p) =>
      funnelReport(db, p, (c.req.valid('query') as ReportRequest).group_by as never),
    ),
  )
  app.openapi(churn, (c) =>
    answer(deps, c, 'churn', c.req.valid('query') as ReportRequest, (db, p) =>
      churnReport(db, p, (c.req.valid('query') as ReportRequest).group_by as never),
    ),
  )
  app.openapi(productSuggestions, async (c) => {
    const q = c.req.valid('query')
    const workspaceId = c.get('auth').workspaceId
    const { timeZone } = await analyticsContext(deps.db, workspaceId)
    const report = await productSuggestionsReport(deps.db, { workspaceId, ...q })
    return c.json({ time_zone: timeZone, ...report }, 200)
  })
  app.openapi(keywords, (c) => {
    const q = c.req.valid('query') as ReportRequest & { kind: KeywordKind; language?: string; limit: number }
    return answer(deps, c, 'keywords', q, (db, p, ctx) => {
      if (p.timeZone !== ctx.timeZone)
        throw new InvalidInputError(
          `Keywords are counted on the workspace's own days (${ctx.timeZone}); leave out time_zone or send that zone.`,
        )
      return keywordsReport(db, p, {
        group: q.group_by as KeywordGroup,
        kind: q.kind,
        language: q.language,
        limit: q.limit,
      })
    })
  })
  return app
}
