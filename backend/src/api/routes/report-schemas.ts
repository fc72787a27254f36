import { isTimeZone } from '../../outbound/personalise/locale-settings'
import { z } from '../openapi'

const DAY = /^(19[7-9]\d|2\d{3})-\d{2}-\d{2}$/
/** A real calendar date (2026-02-30 is refused), 1970–2999. */
const day = z
  .string()
  .regex(DAY, 'a date as YYYY-MM-DD')
  // zod runs a refinement even after the regex failed, so this must not throw on any string
  .refine((d) => {
    const at = Date.parse(`${d}T00:00:00Z`)
    return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === d
  }, 'a date that exists')

const MAX_DAYS = 400

/** Date range (whole local days, both included), grouping and zone of a report request. */
const reportFields = <G extends [string, ...string[]]>(groups: G, defaultGroup: G[number]) => ({
  from: day.openapi({ description: 'First local day of the period, YYYY-MM-DD', example: '2026-03-02' }),
  to: day.openapi({
    description: 'Last local day of the period (included), YYYY-MM-DD',
    example: '2026-03-08',
  }),
  group_by: z.enum(groups).default(defaultGroup as never),
  time_zone: z
    .string()
    .min(1)
    .max(64)
    .refine(isTimeZone, 'an IANA time zone such as America/Sao_Paulo')
    .optional()
    .openapi({
      description: "Zone the days and hours are counted in; default the workspace's (locale settings)",
    }),
})

const period = (q: unknown) => q as { from: string; to: string }

/** `from` not after `to`, and at most MAX_DAYS days. */
const periodChecked = <T extends z.ZodObject<z.ZodRawShape>>(query: T) =>
  query
    .refine((q) => period(q).from <= period(q).to, { message: '`from` must not be after `to`', path: ['to'] })
    .refine((q) => Date.parse(period(q).to) - Date.parse(period(q).from) <= (MAX_DAYS - 1) * 86_400_000, {
      message: `a period of at most ${MAX_DAYS} days`,
      path: ['to'],
    })

export const reportQuery = <G extends [string, ...string[]]>(groups: G, defaultGroup: G[number]) =>
  periodChecked(z.object(reportFields(groups, defaultGroup)))

export const KEYWORD_GROUPS = ['none', 'language'] as const
export const KEYWORD_KINDS = ['all', 'word', 'phrase'] as const

/** The keywords report's query: the common period and grouping, then kind, language and limit. */
export const keywordsQuery = periodChecked(
  z.object({
    ...reportFields([...KEYWORD_GROUPS], 'none'),
    kind: z.enum(KEYWORD_KINDS).default('all').openapi({
      description: '`word`, `phrase` (two or three words), or `all`: the top words and the top phrases',
    }),
    language: z.enum(['en', 'pt', 'es', 'zh', 'unknown']).optional().openapi({
      description: 'Only customer messages detected in this language',
    }),
    limit: z.coerce.number().int().min(1).max(1000).default(150).openapi({
      description: 'Terms per kind (and per language with group_by=language)',
    }),
  }),
)

const seconds = z.number().int().nullable()
const figures = {
  responses: z.number().int(),
  median_seconds: seconds,
  p90_seconds: seconds,
  first_responses: z.number().int(),
  first_median_seconds: seconds,
  first_p90_seconds: seconds,
}
/** The same waits counted inside the workspace's business hours (analytics settings). */
const businessFigures = {
  business_responses: z.number().int(),
  business_median_seconds: seconds,
  business_p90_seconds: seconds,
  first_business_median_seconds: seconds,
  first_business_p90_seconds: seconds,
}
const serviceTable = (
  business: typeof businessFigures | Partial<Record<keyof typeof businessFigures, z.ZodTypeAny>>,
) =>
  z.object({
    total: z.object({ ...figures, ...business }),
    rows: z.array(z.object({ group: z.string(), ...figures, ...business })),
  })
export const serviceReportSchema = serviceTable(businessFigures).openapi('ServiceReport')
/** Weekly snapshots stay as they were taken: those from before business hours have no such figures. */
const storedServiceSchema = serviceTable(
  Object.fromEntries(Object.entries(businessFigures).map(([k, v]) => [k, v.optional()])),
)

const rate = z.number().min(0).max(1).nullable()
export const activityReportSchema = z
  .object({
    rows: z.array(
      z.object({
        group: z.string(),
        inbound: z.number().int(),
        outbound: z.number().int(),
        complaints: z.number().int(),
        complaint_rate: rate,
        conversations: z.number().int(),
      }),
    ),
    hour_of_week: z.array(
      z.object({
        weekday: z.number().int().min(1).max(7),
        hour: z.number().int().min(0).max(23),
        inbound: z.number().int(),
        outbound: z.number().int(),
      }),
    ),
    peak_hours: z.array(z.object({ hour: z.number().int(), inbound: z.number().int(), share: z.number() })),
  })
  .openapi('ActivityReport')

const costRow = z.object({
  group: z.string(),
  billable: z.record(z.string(), z.number().int()),
  cost: z.number(),
  conversations: z.number().int(),
  cost_per_conversation: z.number().nullable(),
})
export const costReportSchema = z
  .object({
    currency: z.string(),
    unpriced_categories: z.array(z.string()),
    total: costRow,
    rows: z.array(costRow),
  })
  .openapi('CostReport')

const funnelRow = z.object({
  group: z.string(),
  contacts: z.number().int(),
  qualified: z.number().int(),
  ordered: z.number().int(),
  qualified_rate: rate,
  qualified_order_rate: rate,
})
export const funnelReportSchema = z
  .object({ total: funnelRow, rows: z.array(funnelRow) })
  .openapi('FunnelReport')

export const churnReportSchema = z
  .object({
    at_risk_now: z.number().int(),
    rows: z.array(
      z.object({
        group: z.string(),
        became_at_risk: z.number().int().describe('Became at risk in the group and still are'),
        average_sentiment: z.number().nullable(),
        marked: z.number().int().describe('Every mark in the group, including contacts that recovered since'),
        recovered: z.number().int().describe('Left churn risk in the group'),
      }),
    ),
    cohorts: z
      .array(
        z.object({
          cohort: z.string().describe('Local month the contacts first wrote, YYYY-MM'),
          contacts: z.number().int(),
          ever_at_risk: z.number().int(),
          at_risk_now: z.number().int(),
          recovered: z.number().int(),
        }),
      )
      .describe('Contacts first seen in the period, by first-contact month'),
  })
  .openapi('ChurnReport')

export const weeklyQuery = z.object({
  from: day.optional().openapi({ description: 'Earliest week (its Monday) to list' }),
  to: day.optional().openapi({ description: 'Latest week (its Monday) to list' }),
  limit: z.coerce.number().int().min(1).max(104).default(12),
})

export const weeklyReportsSchema = z
  .object({
    weeks: z.array(
      z.object({
        week_start: z.string(),
        created_at: z.string(),
        report: z.object({
          week_start: z.string(),
          week_end: z.string(),
          time_zone: z.string(),
          service: storedServiceSchema,
          funnel: funnelReportSchema,
          cost: costReportSchema,
        }),
      }),
    ),
  })
  .openapi('WeeklyReports')

export const keywordsReportSchema = z
  .object({
    previous_from: z.string(),
    previous_to: z.string(),
    customer_messages: z.number().int(),
    rows: z.array(
      z.object({
        group: z.string(),
        kind: z.enum(['word', 'phrase']),
        term: z.string(),
        messages: z.number().int(),
        share: z.number().nullable(),
        previous_messages: z.number().int(),
        change: z.number().nullable(),
        trend: z.enum(['new', 'rising', 'steady', 'falling']),
      }),
    ),
  })
  .openapi('KeywordsReport')

const MONTH = /^(19[7-9]\d|2\d{3})-(0[1-9]|1[0-2])$/
export const productSuggestionsQuery = z.object({
  month: z.string().regex(MONTH, 'a month as YYYY-MM').openapi({
    description: "The local month (workspace's zone), YYYY-MM",
    example: '2026-11',
  }),
  products: z.coerce.number().int().min(1).max(200).default(20).openapi({ description: 'Products listed' }),
  terms: z.coerce.number().int().min(1).max(50).default(10).openapi({ description: 'Terms per product' }),
  kind: z.enum(['phrase', 'word']).default('phrase'),
})

const trend = z.enum(['new', 'rising', 'steady', 'falling'])
const theme = z.enum(['price', 'delivery', 'quality', 'information', 'other'])
export const productSuggestionsSchema = z
  .object({
    time_zone: z.string(),
    month: z.string(),
    previous_month: z.string(),
    rows: z.array(
      z.object({
        sku: z.string(),
        name: z.string().nullable(),
        messages: z.number().int(),
        negative: z.number().int(),
        negative_share: z.number(),
        previous_negative: z.number().int(),
        trend,
        theme,
        suggestion: z.string(),
        phrases: z.array(
          z.object({
            kind: z.enum(['word', 'phrase']),
            term: z.string(),
            messages: z.number().int(),
            negative: z.number().int(),
            previous_negative: z.number().int(),
            trend,
            theme,
          }),
        ),
      }),
    ),
  })
  .openapi('ProductSuggestionsReport')
