import type { WidgetThread } from '../api/schemas'

/** Open only while the backend says so and `open_until` is still ahead: a stale view never offers free text. */
export function isWindowOpen(window: WidgetThread['window'], nowMs: number): boolean {
  if (window.state !== 'open') return false
  if (!window.open_until) return true
  const until = Date.parse(window.open_until)
  return Number.isNaN(until) || until > nowMs
}

/** Whole hours and minutes until `iso`; null once it has passed or when unreadable. */
export function timeLeft(iso: string | null, nowMs: number): { h: number; m: number } | null {
  if (!iso) return null
  const until = Date.parse(iso)
  if (Number.isNaN(until) || until <= nowMs) return null
  const minutes = Math.max(1, Math.floor((until - nowMs) / 60_000))
  return { h: Math.floor(minutes / 60), m: minutes % 60 }
}

export const isFuture = (iso: string | null | undefined, nowMs: number): boolean =>
  Boolean(iso) && Date.parse(iso as string) > nowMs
