/**
 * Code-unit order of two strings: the same on every engine, database collation and locale, and
 * far cheaper than `localeCompare` where any fixed order will do.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
