import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import { insightsFor } from '../intelligence/message-insights'
import { type KeywordTrend, trendOf } from './keywords-report'

/** What most of a product's negative phrases are about, read by the intent classifier. */
export const SUGGESTION_THEMES = ['price', 'delivery', 'quality', 'information', 'other'] as const
export type SuggestionTheme = (typeof SUGGESTION_THEMES)[number]

const THEME_OF_INTENT: Record<string, SuggestionTheme> = {
  price_discount: 'price',
  quote: 'price',
  order_status: 'delivery',
  complaint: 'quality',
  product_inquiry: 'information',
  store_location: 'information',
  purchase_intent: 'information',
}

const SUGGESTION: Record<SuggestionTheme, (product: string) => string> = {
  price: (p) => `Customers call ${p} expensive: review its price, or offer a bundle or a discount code.`,
  delivery: (p) => `Delivery complaints about ${p}: check its stock and the carrier's times.`,
  quality: (p) => `Complaints about ${p}: check its quality and that its description matches what arrives.`,
  information: (p) =>
    `Customers ask about ${p} before buying: add its details (sizes, specifications, availability) to the listing and the quick replies.`,
  other: (p) => `Customers talk about ${p}: read the phrases below for what to change.`,
}

export interface SuggestionPhrase {
  kind: 'word' | 'phrase'
  term: string
  messages: number
  negative: number
  previous_negative: number
  /** Trend of the negative count against the month before. */
  trend: KeywordTrend
  theme: SuggestionTheme
}

export interface ProductSuggestion {
  sku: string
  /** The catalogue name; null when the product has left the catalogue. */
  name: string | null
  messages: number
  negative: number
  /** negative ÷ messages, 4 decimals. */
  negative_share: number
  previous_negative: number
  trend: KeywordTrend
  theme: SuggestionTheme
  suggestion: string
  phrases: SuggestionPhrase[]
}

export interface ProductSuggestionsReport {
  month: string
  previous_month: string
  rows: ProductSuggestion[]
}

export interface ProductSuggestionsRequest {
  workspaceId: string
  /** `YYYY-MM`, in the workspace's zone. */
  month: string
  products: number
  terms: number
  kind: 'word' | 'phrase'
}

/**
 * Each month, the products customers complain about most, each with the phrases they use (most
 * negative first, with their trend against the month before) and a suggestion chosen by what those
 * phrases are about: price, delivery, quality or missing information. Read from the monthly
 * per-product keyword counts.
 */
export async function productSuggestionsReport(
  db: Executor,
  request: ProductSuggestionsRequest,
): Promise<ProductSuggestionsReport> {
  const month = `${request.month}-01`
  const previousMonth = previousMonthOf(request.month)
  const previous = `${previousMonth}-01`
  const products = await queryRows<{
    sku: string
    name: string | null
    messages: number
    negative: number
    previous_negative: number
  }>(
    db,
    sql`
    select k.sku, c.name, k.messages, k.negative, coalesce(p.negative, 0)::int as previous_negative
    from analytics_product_keywords k
    left join analytics_product_keywords p on p.workspace_id = k.workspace_id and p.month = ${previous}::date
      and p.sku = k.sku and p.kind = 'mention' and p.term = ''
    left join product_catalog c on c.workspace_id = k.workspace_id and c.sku = k.sku
    where k.workspace_id = ${request.workspaceId} and k.month = ${month}::date and k.kind = 'mention' and k.term = ''
    order by k.negative desc, k.negative - coalesce(p.negative, 0) desc, k.messages desc, k.sku
    limit ${request.products}`,
  )
  if (products.length === 0) return { month: request.month, previous_month: previousMonth, rows: [] }
  const terms = await queryRows<{
    sku: string
    kind: 'word' | 'phrase'
    term: string
    messages: number
    negative: number
    previous_negative: number
  }>(
    db,
    sql`
    select sku, kind, term, messages, negative, previous_negative from (
      select k.sku, k.kind, k.term, k.messages, k.negative, coalesce(p.negative, 0)::int as previous_negative,
        row_number() over (partition by k.sku
          order by k.negative desc, k.negative - coalesce(p.negative, 0) desc, k.messages desc, k.term) as rank
      from analytics_product_keywords k
      left join analytics_product_keywords p on p.workspace_id = k.workspace_id and p.month = ${previous}::date
        and p.sku = k.sku and p.kind = k.kind and p.term = k.term
      where k.workspace_id = ${request.workspaceId} and k.month = ${month}::date and k.kind = ${request.kind}
        and k.sku in (select value from jsonb_array_elements_text(${JSON.stringify(products.map((p) => p.sku))}::jsonb))
    ) ranked where rank <= ${request.terms}
    order by sku, rank`,
  )
  return {
    month: request.month,
    previous_month: previousMonth,
    rows: products.map((p) => {
      const phrases = terms
        .filter((t) => t.sku === p.sku)
        .map((t) => ({
          kind: t.kind,
          term: t.term,
          messages: Number(t.messages),
          negative: Number(t.negative),
          previous_negative: Number(t.previous_negative),
          trend: trendOf(Number(t.negative), Number(t.previous_negative)),
          theme: themeOf(t.term),
        }))
      const theme = dominantTheme(phrases)
      const messages = Number(p.messages)
      const negative = Number(p.negative)
      return {
        sku: p.sku,
        name: p.name,
        messages,
        negative,
        negative_share: messages === 0 ? 0 : Math.round((negative / messages) * 10_000) / 10_000,
        previous_negative: Number(p.previous_negative),
        trend: trendOf(negative, Number(p.previous_negative)),
        theme,
        suggestion: SUGGESTION[theme](p.name ?? p.sku),
        phrases,
      }
    }),
  }
}

/** The theme of a phrase: what the intent classifier reads in it. */
function themeOf(term: string): SuggestionTheme {
  const intent = insightsFor('text', term, undefined)?.intent
  return (intent && THEME_OF_INTENT[intent]) || 'other'
}

/** The theme with the most negative messages among the phrases (then the most messages); `other` without any. */
function dominantTheme(phrases: SuggestionPhrase[]): SuggestionTheme {
  const weight = new Map<SuggestionTheme, [number, number]>()
  for (const p of phrases) {
    if (p.theme === 'other') continue
    const [neg, all] = weight.get(p.theme) ?? [0, 0]
    weight.set(p.theme, [neg + p.negative, all + p.messages])
  }
  const best = [...weight].sort(([, a], [, b]) => b[0] - a[0] || b[1] - a[1])[0]
  return best?.[0] ?? 'other'
}

function previousMonthOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}
