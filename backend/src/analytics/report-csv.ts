import { stringify } from 'csv-stringify/sync'

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is quoted as text. */
const FORMULA = /^[=+\-@\t\r]/

/** Flattens one level of nesting (`billable.marketing`) so every row is one CSV line. */
function flatten(row: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(row)) {
    if (value && typeof value === 'object' && !Array.isArray(value))
      Object.assign(out, flatten(value as Record<string, unknown>, `${prefix}${key}.`))
    else out[`${prefix}${key}`] = value
  }
  return out
}

/**
 * A report table as CSV (RFC 4180, by csv-stringify): one header line from the union of the rows'
 * keys, nulls empty. Values a person wrote (agent ids, keywords) cannot become spreadsheet formulas.
 */
export function reportCsv(rows: Record<string, unknown>[]): string {
  const flat = rows.map((r) => flatten(r))
  const columns = [...new Set(flat.flatMap((r) => Object.keys(r)))]
  return stringify(flat, {
    header: true,
    columns,
    cast: {
      string: (value) => (FORMULA.test(value) && Number.isNaN(Number(value)) ? `'${value}` : value),
      boolean: (value) => (value ? 'true' : 'false'),
    },
  })
}
