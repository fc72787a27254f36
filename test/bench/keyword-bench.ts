/**
 * The keyword half of `bench:reports`: customer texts for the seeded messages (four languages,
 * some naming a catalogue product), the keyword rollups filled the way ingest fills them, and the
 * keywords and product-suggestion answers recomputed from the raw messages for comparison.
 */
import { type SQL, sql } from 'drizzle-orm'
import type { KeywordsReport } from '../../backend/src/analytics/keywords-report'
import type { ProductSuggestionsReport } from '../../backend/src/analytics/product-suggestions-report'
import { periodEnd, periodStart, type ReportPeriod } from '../../backend/src/analytics/report-period'
import type { Database, Executor } from '../../backend/src/db/client'
import { queryRows } from '../../backend/src/db/query-rows'
import { extractTerms } from '../../backend/src/intelligence/keywords/extract-terms'
import {
  countKeywords,
  isNegative,
  STORED_KEYWORD_COLUMNS,
  type StoredKeywordMessage,
  storedKeywordSources,
} from '../../backend/src/intelligence/keywords/record-keywords'
import type { DetectedLanguage } from '../../backend/src/intelligence/types'

/** What customers write, per language; `{p}` is replaced by a product's name. */
const TEXTS: Record<Exclude<DetectedLanguage, 'unknown'>, string[]> = {
  pt: [
    'o {p} está muito caro',
    'meu pedido ainda não chegou',
    'quanto custa o {p}?',
    'o {p} veio rasgado',
    'quero trocar o {p} por outro tamanho',
    'vocês têm desconto para pagamento no pix?',
    'qual o prazo de entrega do {p}?',
    'o frete está muito caro',
    'gostei muito do atendimento',
    'quero devolver o {p}, veio com defeito',
  ],
  es: [
    'el {p} es demasiado caro',
    'mi pedido todavía no llegó',
    '¿cuánto cuesta el {p}?',
    'el {p} llegó roto',
    '¿tienen descuento por pago en efectivo?',
    'quiero cambiar el {p} por otra talla',
    'el envío tarda mucho',
  ],
  en: [
    'the {p} is too expensive',
    'my order has not arrived yet',
    'how much is the {p}?',
    'the {p} arrived broken',
    'do you have a discount code?',
    'can I exchange the {p} for another size?',
    'shipping is too slow',
  ],
  zh: ['{p}太贵了', '我的订单还没到', '{p}多少钱？', '{p}坏了，我要退货', '有折扣吗？', '什么时候发货？'],
}
const PRODUCTS = [
  ['TN-1', 'tênis runner'],
  ['CM-2', 'camiseta básica'],
  ['JK-3', 'jaqueta jeans'],
  ['BG-4', 'bolsa de couro'],
  ['WT-5', 'relógio'],
  ['SN-6', 'sandália'],
] as const

interface Variant {
  language: DetectedLanguage
  text: string
  sku: string | null
}

/** Every text a seeded customer message can carry: each template once with each product, once without. */
export const KEYWORD_VARIANTS: Variant[] = (Object.keys(TEXTS) as (keyof typeof TEXTS)[]).flatMap(
  (language) =>
    TEXTS[language].flatMap((template): Variant[] =>
      template.includes('{p}')
        ? PRODUCTS.map(([sku, name]) => ({ language, text: template.replace('{p}', name), sku }))
        : [{ language, text: template, sku: null }],
    ),
)

/** SQL picking the variant of seeded message `n`/`k` (its text, language and products). */
export function variantColumns(n: SQL, k: SQL): { text: SQL; language: SQL; products: SQL } {
  const pick = sql`(1 + ((${n}) * 13 + (${k}) * 7) % ${KEYWORD_VARIANTS.length})::int`
  const array = (values: (string | null)[]) => sql`(${JSON.stringify(values)}::jsonb)`
  return {
    text: sql`${array(KEYWORD_VARIANTS.map((v) => v.text))} ->> (${pick} - 1)`,
    language: sql`${array(KEYWORD_VARIANTS.map((v) => v.language))} ->> (${pick} - 1)`,
    products: sql`case when ${array(KEYWORD_VARIANTS.map((v) => v.sku))} ->> (${pick} - 1) is null then null
      else jsonb_build_array(${array(KEYWORD_VARIANTS.map((v) => v.sku))} ->> (${pick} - 1)) end`,
  }
}

/** The catalogue the products belong to (names in the suggestions). */
export async function seedCatalog(db: Executor, workspaceId: string): Promise<void> {
  for (const [sku, name] of PRODUCTS)
    await db.execute(
      sql`insert into product_catalog (workspace_id, sku, name) values (${workspaceId}, ${sku}, ${name})`,
    )
}

/** Counts the seeded customer messages' keywords with ingest's own code, a batch per transaction. */
export async function countSeededKeywords(
  db: Database,
  workspaceId: string,
  log: (line: string) => void,
): Promise<void> {
  const [range] = await queryRows<{ lo: string | null; hi: string | null }>(
    db,
    sql`select min(id) as lo, max(id) as hi from messages where workspace_id = ${workspaceId}`,
  )
  const lo = Number(range?.lo ?? 0)
  const hi = Number(range?.hi ?? -1)
  const step = 20_000
  const started = performance.now()
  for (let from = lo; from <= hi; from += step) {
    const rows = await queryRows<StoredKeywordMessage>(
      db,
      sql`select ${STORED_KEYWORD_COLUMNS} from messages m
          where m.workspace_id = ${workspaceId} and m.id >= ${from} and m.id < ${from + step}`,
    )
    await db.transaction((tx) => countKeywords(tx, storedKeywordSources(rows)))
    const done = Math.min(hi, from + step - 1) - lo + 1
    if (((from - lo) / step) % 10 === 9 || from + step > hi)
      log(
        `keywords counted for ${done.toLocaleString('en-US')} of ${(hi - lo + 1).toLocaleString('en-US')} messages (${Math.round((performance.now() - started) / 1000)} s)`,
      )
  }
}

interface TextCount {
  language: string
  text: string
  products: string[] | null
  intent: string | null
  sentiment: number | null
  n: number
}

/** The period's customer texts, each distinct one with how many messages carried it. */
const textCounts = (db: Executor, workspaceId: string, from: SQL, to: SQL) =>
  queryRows<TextCount>(
    db,
    sql`select language, text, products, intent, sentiment, count(*)::int as n from messages
        where workspace_id = ${workspaceId} and direction = 'inbound' and language is not null and text is not null
          and sent_at >= ${from} and sent_at < ${to}
        group by 1, 2, 3, 4, 5`,
  )

const termsOf = (t: TextCount) => {
  const { words, phrases } = extractTerms(t.text, t.language as DetectedLanguage)
  return [
    ...words.map((term) => ['word', term] as const),
    ...phrases.map((term) => ['phrase', term] as const),
  ]
}

/** Term counts from the raw messages of a period (local days of the workspace's zone). */
async function rawTermCounts(db: Executor, workspaceId: string, from: SQL, to: SQL) {
  const counts = new Map<string, number>()
  for (const t of await textCounts(db, workspaceId, from, to))
    for (const [kind, term] of termsOf(t))
      counts.set(`${kind}\0${term}`, (counts.get(`${kind}\0${term}`) ?? 0) + t.n)
  return counts
}

/**
 * Whether the keywords report equals the raw messages' answer: every row's counts (this period and
 * the one before), and per kind no left-out term used more often than a listed one (ties at the
 * cut may fall either way: the report breaks them by the database's collation).
 */
export async function keywordsMatchRaw(
  db: Executor,
  period: ReportPeriod,
  report: KeywordsReport,
  limit: number,
) {
  const previous: ReportPeriod = { ...period, from: report.previous_from, to: report.previous_to }
  const now = await rawTermCounts(db, period.workspaceId, periodStart(period), periodEnd(period))
  const before = await rawTermCounts(db, period.workspaceId, periodStart(previous), periodEnd(previous))
  for (const row of report.rows) {
    const key = `${row.kind}\0${row.term}`
    if (now.get(key) !== row.messages || (before.get(key) ?? 0) !== row.previous_messages) return false
  }
  for (const kind of ['word', 'phrase'] as const) {
    const listed = report.rows.filter((r) => r.kind === kind)
    const expected = Math.min(limit, [...now.keys()].filter((k) => k.startsWith(`${kind}\0`)).length)
    if (listed.length !== expected) return false
    const lowest = Math.min(...listed.map((r) => r.messages))
    const listedKeys = new Set(listed.map((r) => `${kind}\0${r.term}`))
    for (const [key, n] of now)
      if (key.startsWith(`${kind}\0`) && !listedKeys.has(key) && n > lowest) return false
  }
  return true
}

/** Per product (and per product and term) messages and negative ones, from the raw messages of a local month. */
async function rawProductCounts(db: Executor, workspaceId: string, month: string, timeZone: string) {
  const start = sql`(${`${month}-01`}::date::timestamp at time zone ${timeZone})`
  const end = sql`((${`${month}-01`}::date + interval '1 month')::timestamp at time zone ${timeZone})`
  const counts = new Map<string, { messages: number; negative: number }>()
  const add = (key: string, n: number, negative: boolean) => {
    const c = counts.get(key) ?? { messages: 0, negative: 0 }
    c.messages += n
    if (negative) c.negative += n
    counts.set(key, c)
  }
  for (const t of await textCounts(db, workspaceId, start, end)) {
    const negative = isNegative(t.intent, t.sentiment === null ? null : Number(t.sentiment))
    const terms = termsOf(t)
    for (const sku of new Set(t.products ?? [])) {
      add(`${sku}\0mention\0`, t.n, negative)
      for (const [kind, term] of terms) add(`${sku}\0${kind}\0${term}`, t.n, negative)
    }
  }
  return counts
}

/** Whether the product suggestions equal the raw messages' counts (products, their phrases, the order by negatives). */
export async function suggestionsMatchRaw(
  db: Executor,
  workspaceId: string,
  timeZone: string,
  report: ProductSuggestionsReport,
  request: { products: number; kind: 'word' | 'phrase' },
) {
  const { kind } = request
  const now = await rawProductCounts(db, workspaceId, report.month, timeZone)
  const before = await rawProductCounts(db, workspaceId, report.previous_month, timeZone)
  const mentions = [...now].filter(([key]) => key.endsWith('\0mention\0'))
  // every product mentioned is listed, up to the asked number
  if (report.rows.length === 0 || report.rows.length !== Math.min(mentions.length, request.products))
    return false
  for (const p of report.rows) {
    const c = now.get(`${p.sku}\0mention\0`)
    if (!c || c.messages !== p.messages || c.negative !== p.negative) return false
    if ((before.get(`${p.sku}\0mention\0`)?.negative ?? 0) !== p.previous_negative) return false
    for (const phrase of p.phrases) {
      const t = now.get(`${p.sku}\0${kind}\0${phrase.term}`)
      if (!t || t.messages !== phrase.messages || t.negative !== phrase.negative) return false
    }
  }
  const lowest = Math.min(...report.rows.map((r) => r.negative))
  const listed = new Set(report.rows.map((r) => r.sku))
  return mentions.every(([key, c]) => listed.has(key.split('\0')[0] as string) || c.negative <= lowest)
}
