/**
 * Waits packed as `analytics_response_digests` stores them (4-byte big-endian integers, as
 * `int4send` writes them), and the exact percentiles the service report gives from them.
 */

/** The drivers answer bytea as a Buffer (pg), a Uint8Array (PGlite) or, for some, `\x`-hex text. */
export type PackedWaits = Uint8Array | string | null

/** The values of one packed run. */
export function unpackWaits(packed: PackedWaits): Int32Array {
  const bytes = typeof packed === 'string' ? Buffer.from(packed.slice(2), 'hex') : packed
  if (!bytes || bytes.byteLength < 4) return new Int32Array(0)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const values = new Int32Array(bytes.byteLength >>> 2)
  for (let i = 0; i < values.length; i += 1) values[i] = view.getInt32(i * 4)
  return values
}

/**
 * Postgres's `percentile_disc(fraction)` for each fraction over all the values of `runs`: the value
 * at position `ceil(fraction × n)` in ascending order (the first for 0), computed in the same
 * double arithmetic, so the figures equal what the same SQL over the raw rows answers; null when
 * there are no values.
 *
 * By selection rather than sorting (a million waits would take a sort of ~100 ms): a radix select
 * on the 32-bit key in two passes — counts of the high 16 bits find each wanted position's bucket,
 * counts of the low 16 bits inside that bucket find the value. Written here because it is twenty
 * lines over typed arrays and no maintained library selects order statistics across several arrays
 * without copying them into one.
 */
export function percentilesDisc(
  runs: readonly Int32Array[],
  fractions: readonly number[],
): (number | null)[] {
  const n = runs.reduce((sum, run) => sum + run.length, 0)
  if (n === 0) return fractions.map(() => null)
  const ranks = fractions.map((f) => Math.max(1, Math.ceil(f * n)) - 1)
  if (n <= SORT_BELOW) {
    // Few values: one sorted copy costs less than the two 256 KB count tables.
    const all = new Int32Array(n)
    let at = 0
    for (const run of runs) {
      all.set(run, at)
      at += run.length
    }
    all.sort()
    return ranks.map((rank) => all[rank] as number)
  }
  // Flipping the sign bit orders signed values as unsigned keys.
  const high = new Uint32Array(65_536)
  for (const run of runs)
    for (let i = 0; i < run.length; i += 1) {
      const bucket = ((run[i] as number) ^ 0x80000000) >>> 16
      high[bucket] = (high[bucket] as number) + 1
    }
  const located = ranks.map((rank) => {
    let before = 0
    let bucket = 0
    while (before + (high[bucket] as number) <= rank) before += high[bucket++] as number
    return { bucket, rank: rank - before }
  })
  const buckets = [...new Set(located.map((l) => l.bucket))]
  const low = buckets.map(() => new Uint32Array(65_536))
  for (const run of runs)
    for (let i = 0; i < run.length; i += 1) {
      const key = ((run[i] as number) ^ 0x80000000) >>> 0
      const at = buckets.indexOf(key >>> 16)
      if (at >= 0) {
        const counts = low[at] as Uint32Array
        counts[key & 0xffff] = (counts[key & 0xffff] as number) + 1
      }
    }
  return located.map(({ bucket, rank }) => {
    const counts = low[buckets.indexOf(bucket)] as Uint32Array
    let before = 0
    let slot = 0
    while (before + (counts[slot] as number) <= rank) before += counts[slot++] as number
    return (((bucket << 16) | slot) ^ 0x80000000) | 0
  })
}

const SORT_BELOW = 65_536
