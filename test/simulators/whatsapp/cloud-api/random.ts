/** Random choices, reproducible when a seed is given (mulberry32). */
export type Rng = () => number

export function makeRng(seed?: number): Rng {
  if (seed === undefined) return Math.random
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** True with probability `p` (never for p ≤ 0, always for p ≥ 1). */
export const chance = (rng: Rng, p: number | undefined): boolean => (p ?? 0) > 0 && rng() < (p ?? 0)

export const between = (rng: Rng, range: { min: number; max: number }): number =>
  range.min + rng() * Math.max(0, range.max - range.min)

export function shuffle<T>(rng: Rng, items: T[]): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}
