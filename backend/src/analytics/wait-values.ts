/**
 * Waits packed as `analytics_response_digests` stores them (4-byte big-endian integers, as
 * `int4send` writes them), and the exact percentiles the service report gives from them.
 */

/** The drivers answer bytea as a Buffer (pg), a Uint8Array (PGlite) or, for some, `\x`-hex text. */
export type PackedWaits = Uint8Array | string | null

/** Appends the packed values to `into` from `at`; returns the next free index. */
export function unpackWaits(packed: PackedWaits, into: Int32Array, at: number): number {
  const bytes = typeof packed === 'string' ? Buffer.from(packed.slice(2), 'hex') : packed
  if (!bytes || bytes.length === 0) return at
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let next = at
  for (let offset = 0; offset + 4 <= bytes.byteLength; offset += 4) into[next++] = view.getInt32(offset)
  return next
}

/** How many values a packed run holds. */
export const packedCount = (packed: PackedWaits): number =>
  packed === null ? 0 : typeof packed === 'string' ? (packed.length - 2) / 8 : packed.byteLength / 4

/**
 * Postgres's `percentile_disc(fraction)` over sorted values: the first value whose position is at
 * or past `fraction` of the count (`ceil(fraction × n)`, in the same double arithmetic), null for
 * none. Reproduced here so the figures equal what the same SQL over the raw rows answers.
 */
export function percentileDisc(sorted: Int32Array, fraction: number): number | null {
  if (sorted.length === 0) return null
  const position = Math.max(1, Math.ceil(fraction * sorted.length))
  return sorted[position - 1] ?? null
}

/** Packed runs joined and sorted ascending. */
export function sortedWaits(runs: PackedWaits[]): Int32Array {
  const values = new Int32Array(runs.reduce((sum, run) => sum + packedCount(run), 0))
  let at = 0
  for (const run of runs) at = unpackWaits(run, values, at)
  return values.sort()
}
