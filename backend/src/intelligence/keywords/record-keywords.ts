import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { usableTimeZone } from '../../jobs/schedule'
import type { DetectedLanguage } from '../types'
import { extractTerms } from './extract-terms'

/** A customer message whose keywords are counted (or taken back). */
export interface KeywordSource {
  workspaceId: string
  sentAt: Date
  language: DetectedLanguage
  text: string
}

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
  const counts = new Map<string, { w: string; d: string; l: string; k: string; t: string; n: number }>()
  for (const s of usable) {
    const day = localDay(s.sentAt, zones.get(s.workspaceId) ?? 'UTC')
    const { words, phrases } = extractTerms(s.text, s.language)
    for (const [kind, terms] of [
      ['word', words],
      ['phrase', phrases],
    ] as const) {
      for (const term of terms) {
        const key = `${s.workspaceId}\0${day}\0${s.language}\0${kind}\0${term}`
        const entry = counts.get(key) ?? { w: s.workspaceId, d: day, l: s.language, k: kind, t: term, n: 0 }
        entry.n += sign
        counts.set(key, entry)
      }
    }
  }
  // One order for every batch: concurrent batches then take the row locks in the same order.
  const rows = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v)
  if (rows.length === 0) return
  const input = sql`select w::uuid, d::date, l, k, t, n from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
    as r(w text, d text, l text, k text, t text, n int) order by w, d, l, k, t`
  if (sign > 0) {
    await tx.execute(sql`
      insert into analytics_keywords as a (workspace_id, day, language, kind, term, messages) ${input}
      on conflict (workspace_id, day, language, kind, term) do update set messages = a.messages + excluded.messages`)
    return
  }
  await tx.execute(sql`
    with r as (${input})
    update analytics_keywords a set messages = a.messages + r.n
    from r where a.workspace_id = r.w and a.day = r.d and a.language = r.l and a.kind = r.k and a.term = r.t`)
  await tx.execute(sql`
    with r as (${input})
    delete from analytics_keywords a using r
    where a.workspace_id = r.w and a.day = r.d and a.language = r.l and a.kind = r.k and a.term = r.t
      and a.messages <= 0`)
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
