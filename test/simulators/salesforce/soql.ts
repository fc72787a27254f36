/**
 * A small SOQL parser and evaluator for exactly the query shapes the connector sends:
 *
 *   SELECT f1, f2 FROM Type [WHERE cond [AND cond]…] [ORDER BY f [ASC|DESC], …] [LIMIT n]
 *
 * where a condition is `f IN ('a', 'b')`, `f = 'a'`, `f = true|false|null`, `f != null` or
 * `f >|>=|<|<= 2026-12-03T10:00:00Z` (a datetime literal). Anything else is refused with
 * Salesforce's MALFORMED_QUERY, so a connector change that the simulator does not understand
 * fails loudly rather than matching everything.
 */
import type { FieldValue, SimRecord } from './types'

export type Condition =
  | { field: string; op: 'in'; values: string[] }
  | { field: string; op: '=' | '!='; value: string | boolean | null }
  | { field: string; op: '>' | '>=' | '<' | '<='; value: string }

export interface SoqlQuery {
  fields: string[]
  sobject: string
  where: Condition[]
  orderBy: { field: string; desc: boolean }[]
  limit: number | null
}

export class SoqlError extends Error {}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*(__c)?$/
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/

function ident(s: string): string {
  const t = s.trim()
  if (!IDENT.test(t)) throw new SoqlError(`unexpected token '${t}'`)
  return t
}

function unquote(s: string): string {
  const t = s.trim()
  if (!/^'(?:[^'\\]|\\.)*'$/.test(t)) throw new SoqlError(`expected a quoted string, got ${t}`)
  return t.slice(1, -1).replace(/\\(.)/g, '$1')
}

/** Splits on a keyword outside quotes (case-insensitive, whole word). */
function splitKeyword(text: string, keyword: string): string[] {
  const parts: string[] = []
  let depth = 0
  let quoted = false
  let start = 0
  const kw = keyword.toUpperCase()
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '\\' && quoted) {
      i++
      continue
    }
    if (ch === "'") quoted = !quoted
    if (quoted) continue
    if (ch === '(') depth++
    if (ch === ')') depth--
    if (
      depth === 0 &&
      text.slice(i, i + kw.length).toUpperCase() === kw &&
      /\s/.test(text[i - 1] ?? ' ') &&
      /\s/.test(text[i + kw.length] ?? ' ')
    ) {
      parts.push(text.slice(start, i))
      start = i + kw.length
      i += kw.length - 1
    }
  }
  parts.push(text.slice(start))
  return parts
}

function parseCondition(text: string): Condition {
  const t = text.trim()
  const inMatch = /^([A-Za-z_][A-Za-z0-9_]*)\s+IN\s*\((.*)\)$/is.exec(t)
  if (inMatch) {
    const values = splitList(inMatch[2] as string).map(unquote)
    return { field: ident(inMatch[1] as string), op: 'in', values }
  }
  const cmp = /^([A-Za-z_][A-Za-z0-9_]*)\s*(>=|<=|!=|=|>|<)\s*(.+)$/s.exec(t)
  if (!cmp) throw new SoqlError(`unexpected condition '${t}'`)
  const field = ident(cmp[1] as string)
  const op = cmp[2] as Condition['op']
  const raw = (cmp[3] as string).trim()
  if (op === '=' || op === '!=') {
    const lower = raw.toLowerCase()
    const value = lower === 'null' ? null : lower === 'true' ? true : lower === 'false' ? false : unquote(raw)
    return { field, op, value }
  }
  if (!DATETIME.test(raw)) throw new SoqlError(`expected a datetime literal, got ${raw}`)
  return { field, op, value: raw } as Condition
}

function splitList(text: string): string[] {
  const out: string[] = []
  let quoted = false
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '\\' && quoted) {
      i++
      continue
    }
    if (ch === "'") quoted = !quoted
    if (!quoted && ch === ',') {
      out.push(text.slice(start, i))
      start = i + 1
    }
  }
  out.push(text.slice(start))
  return out.map((s) => s.trim()).filter((s) => s.length > 0)
}

export function parseSoql(soql: string): SoqlQuery {
  const text = soql.trim().replace(/\s+/g, ' ')
  const m = /^SELECT (.+?) FROM ([A-Za-z_][A-Za-z0-9_]*)(?: (.*))?$/i.exec(text)
  if (!m) throw new SoqlError('unexpected query shape')
  const fields = splitList(m[1] as string).map(ident)
  const sobject = m[2] as string
  let rest = (m[3] ?? '').trim()
  let limit: number | null = null
  const limitMatch = / ?LIMIT (\d+)$/i.exec(rest)
  if (limitMatch) {
    limit = Number(limitMatch[1])
    rest = rest.slice(0, limitMatch.index).trim()
  }
  let orderBy: SoqlQuery['orderBy'] = []
  const orderParts = splitKeyword(` ${rest} `, 'ORDER BY')
  if (orderParts.length > 2) throw new SoqlError('ORDER BY twice')
  if (orderParts.length === 2) {
    rest = (orderParts[0] as string).trim()
    orderBy = splitList(orderParts[1] as string).map((part) => {
      const [field = '', dir = 'ASC', ...extra] = part.split(' ')
      if (extra.length > 0 || !/^(ASC|DESC)$/i.test(dir)) throw new SoqlError(`unexpected ORDER BY '${part}'`)
      return { field: ident(field), desc: dir.toUpperCase() === 'DESC' }
    })
  }
  let where: Condition[] = []
  if (rest.length > 0) {
    if (!/^WHERE /i.test(rest)) throw new SoqlError(`unexpected '${rest}'`)
    where = splitKeyword(` ${rest.slice(6)} `, 'AND').map(parseCondition)
  }
  return { fields, sobject, where, orderBy, limit }
}

const time = (v: FieldValue): number =>
  typeof v === 'string' ? Date.parse(v.replace(/\+0000$/, 'Z')) : Number.NaN

function matches(record: SimRecord, c: Condition): boolean {
  const v = record[c.field] ?? null
  switch (c.op) {
    case 'in':
      return typeof v === 'string' && c.values.some((x) => x.toLowerCase() === v.toLowerCase())
    case '=':
      return typeof c.value === 'string' && typeof v === 'string'
        ? v.toLowerCase() === c.value.toLowerCase()
        : v === c.value
    case '!=':
      return !(typeof c.value === 'string' && typeof v === 'string'
        ? v.toLowerCase() === c.value.toLowerCase()
        : v === c.value)
    default: {
      const a = time(v)
      const b = Date.parse(c.value)
      if (Number.isNaN(a)) return false
      return c.op === '>' ? a > b : c.op === '>=' ? a >= b : c.op === '<' ? a < b : a <= b
    }
  }
}

function compare(a: FieldValue, b: FieldValue): number {
  if (a === b) return 0
  if (a === null) return -1
  if (b === null) return 1
  return String(a) < String(b) ? -1 : 1
}

/** The records the query selects, sorted and limited, projected to its fields. */
export function runSoql(query: SoqlQuery, records: SimRecord[]): SimRecord[] {
  let out = records.filter((r) => query.where.every((c) => matches(r, c)))
  if (query.orderBy.length > 0) {
    out = [...out].sort((x, y) => {
      for (const o of query.orderBy) {
        const d = compare(x[o.field] ?? null, y[o.field] ?? null)
        if (d !== 0) return o.desc ? -d : d
      }
      return 0
    })
  }
  if (query.limit !== null) out = out.slice(0, query.limit)
  return out.map((r) => {
    const projected: SimRecord = { Id: r.Id }
    for (const f of query.fields) projected[f] = r[f] ?? null
    return projected
  })
}
