import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { usableTimeZone } from '../../jobs/schedule'
import { compareText } from '../../lib/compare-text'
import type { DetectedLanguage } from '../types'
import { extractTerms } from './extract-terms'

/** A customer message whose keywords are counted (or taken back). */
export interface KeywordSource {
  workspaceId: string
  sentAt: Date
  language: DetectedLanguage
  text: string
  /** Catalogue products the message names: its keywords are also counted per product and month. */
  products: string[]
  /** A complaint or a sentiment below 0.3: counted apart per product. */
  negative: boolean
}

/** A stored message as `messages` holds it (snake-case columns read by raw SQL, camel-cased). */
export interface StoredKeywordMessage {
  workspaceId: string
  direction: string
  language: string | null
  sentAt: string | Date
  text: string | null
  products: string[] | null
  intent: string | null
  sentiment: number | null
}

/** The columns `StoredKeywordMessage` reads, for a `select`/`returning` over `messages` aliased `m`. */
export const STORED_KEYWORD_COLUMNS = sql`m.workspace_id::text as "workspaceId", m.direction, m.language,
  m.sent_at as "sentAt", m.text, m.products, m.intent, m.sentiment`

/** The customer messages among stored ones whose words were counted (those with a language). */
export function storedKeywordSources(rows: StoredKeywordMessage[]): KeywordSource[] {
  return rows.flatMap((r) =>
    r.direction === 'inbound' && r.language && r.text
      ? [
          {
            workspaceId: r.workspaceId,
            sentAt: new Date(r.sentAt),
            language: r.language as DetectedLanguage,
            text: r.text,
            products: r.products ?? [],
            negative: isNegative(r.intent, r.sentiment === null ? null : Number(r.sentiment)),
          },
        ]
      : [],
  )
}

/** Whether a classified message counts as negative for the product suggestions. */
export const isNegative = (intent: string | null, sentiment: number | null): boolean =>
  intent === 'complaint' || (sentiment !== null && sentiment < NEGATIVE_BELOW)
const NEGATIVE_BELOW = 0.3

/** Adds the keywords of newly stored customer messages to the daily counts. */
export async function countKeywords(tx: Executor, sources: KeywordSource[]): Promise<void> {
  await applyCounts(tx, sources, 1)
}

/**
 * Takes the keywords of messages back out (an edit's old text, a revoked message, an erased
 * person): a count that reaches zero is removed, so no word of theirs stays behind.
 */
export async function forgetKeywords(tx: Executor, sources: KeywordSource[]): Promise<void> {
  await applyCounts(tx, sources, -1)
}

async function applyCounts(tx: Executor, sources: KeywordSource[], sign: 1 | -1): Promise<void> {
  const usable = sources.filter((s) => s.text.trim() !== '')
  if (usable.length === 0) return
  const zones = await timeZones(tx, [...new Set(usable.map((s) => s.workspaceId))])
  const daily = new Tally<{ w: string; d: string; l: string; k: string; t: string; n: number }>()
  const perProduct = new Tally<{
    w: string
    m: string
    s: string
    k: string
    t: string
    n: number
    x: number
  }>()
  for (const s of usable) {
    const day = localDay(s.sentAt, zones.get(s.workspaceId) ?? 'UTC')
    const month = `${day.slice(0, 7)}-01`
    const { words, phrases } = extractTerms(s.text, s.language)
    // One `mention` row per product counts the messages that name it, whatever their words.
    for (const sku of new Set(s.products))
      perProduct.add(
        [s.workspaceId, month, sku, 'mention', ''],
        { w: s.workspaceId, m: month, s: sku, k: 'mention', t: '', n: 0, x: 0 },
        (e) => {
          e.n += sign
          if (s.negative) e.x += sign
        },
      )
    for (const [kind, terms] of [
      ['word', words],
      ['phrase', phrases],
    ] as const) {
      for (const term of terms) {
        daily.add(
          [s.workspaceId, day, s.language, kind, term],
          { w: s.workspaceId, d: day, l: s.language, k: kind, t: term, n: 0 },
          (e) => {
            e.n += sign
          },
        )
        for (const sku of new Set(s.products))
          perProduct.add(
            [s.workspaceId, month, sku, kind, term],
            { w: s.workspaceId, m: month, s: sku, k: kind, t: term, n: 0, x: 0 },
            (e) => {
              e.n += sign
              if (s.negative) e.x += sign
            },
          )
      }
    }
  }
  await writeDaily(tx, daily.rows(), sign)
  await writePerProduct(tx, perProduct.rows(), sign)
}

/** Counts keyed by their primary key, handed out in key order. */
class Tally<T> {
  private readonly entries = new Map<string, T>()
  add(key: string[], blank: T, change: (entry: T) => void): void {
    const k = key.join('\0')
    let entry = this.entries.get(k)
    if (!entry) {
      entry = blank
      this.entries.set(k, entry)
    }
    change(entry)
  }
  /** Sorted: concurrent batches then take the row locks in the same order. */
  rows(): T[] {
    return [...this.entries.entries()].sort(([a], [b]) => compareText(a, b)).map(([, v]) => v)
  }
}

async function writeDaily(tx: Executor, rows: object[], sign: 1 | -1): Promise<void> {
  if (rows.length === 0) return
  const input = sql`select w::uuid, d::date, l, k, t, n from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
    as r(w text, d text, l text, k text, t text, n int) order by w, d, l, k, t`
  const key = sql`a.workspace_id = r.w and a.day = r.d and a.language = r.l and a.kind = r.k and a.term = r.t`
  if (sign > 0) {
    await tx.execute(sql`
      insert into analytics_keywords as a (workspace_id, day, language, kind, term, messages) ${input}
      on conflict (workspace_id, day, language, kind, term) do update set messages = a.messages + excluded.messages`)
    return
  }
  await tx.execute(
    sql`with r as (${input}) update analytics_keywords a set messages = a.messages + r.n from r where ${key}`,
  )
  await tx.execute(
    sql`with r as (${input}) delete from analytics_keywords a using r where ${key} and a.messages <= 0`,
  )
}

async function writePerProduct(tx: Executor, rows: object[], sign: 1 | -1): Promise<void> {
  if (rows.length === 0) return
  const input = sql`select w::uuid, m::date, s, k, t, n, x from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
    as r(w text, m text, s text, k text, t text, n int, x int) order by w, m, s, k, t`
  const key = sql`a.workspace_id = r.w and a.month = r.m and a.sku = r.s and a.kind = r.k and a.term = r.t`
  if (sign > 0) {
    await tx.execute(sql`
      insert into analytics_product_keywords as a (workspace_id, month, sku, kind, term, messages, negative) ${input}
      on conflict (workspace_id, month, sku, kind, term)
      do update set messages = a.messages + excluded.messages, negative = a.negative + excluded.negative`)
    return
  }
  await tx.execute(sql`
    with r as (${input}) update analytics_product_keywords a set messages = a.messages + r.n, negative = a.negative + r.x
    from r where ${key}`)
  await tx.execute(
    sql`with r as (${input}) delete from analytics_product_keywords a using r where ${key} and a.messages <= 0`,
  )
}

/** Each workspace's zone as its locale settings hold it (validated there; UTC when unset). */
async function timeZones(tx: Executor, workspaceIds: string[]): Promise<Map<string, string>> {
  const rows = await queryRows<{ id: string; zone: string | null }>(
    tx,
    sql`select id::text, settings->'locale'->>'time_zone' as zone from workspaces
        where id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(workspaceIds)}::jsonb))`,
  )
  return new Map(rows.map((r) => [r.id, usableTimeZone(r.zone)]))
}

/** YYYY-MM-DD of an instant in a time zone (en-CA formats dates that way). */
function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at)
}
