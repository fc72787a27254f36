import type { ApiRoute, ProbeVerdict } from '../db/schema'

/** The brief's figures: a probe under 800 ms is normal; over 1.5 s (or no answer) is failing. */
export const NORMAL_UNDER_MS = 800
export const FAILING_OVER_MS = 1_500
/** Probes in a row that switch to the standby, and back to the primary. */
export const STREAK = 3

/** A probe's verdict from its duration; `null` is no usable answer (timeout, refused, 5xx). */
export function probeVerdict(ms: number | null): ProbeVerdict {
  if (ms === null || ms > FAILING_OVER_MS) return 'failing'
  return ms < NORMAL_UNDER_MS ? 'normal' : 'slow'
}

export interface RouteState {
  route: ApiRoute
  failingStreak: number
  healthyStreak: number
}

export type RouteChange = 'failover' | 'failback' | 'failing_without_standby' | null

/**
 * The failover rule after one probe of the primary. On the primary, three failing probes in a row
 * switch to the standby (or, with none configured, raise the alarm once per streak); a slow or
 * normal probe breaks the streak. On the standby, three normal probes of the primary in a row
 * switch back; anything else starts the count again.
 */
export function nextRoute(
  state: RouteState,
  verdict: ProbeVerdict,
  hasStandby: boolean,
): { state: RouteState; change: RouteChange } {
  if (state.route === 'primary') {
    const failingStreak = verdict === 'failing' ? state.failingStreak + 1 : 0
    if (failingStreak < STREAK) return { state: { ...state, failingStreak, healthyStreak: 0 }, change: null }
    if (hasStandby)
      return { state: { route: 'standby', failingStreak: 0, healthyStreak: 0 }, change: 'failover' }
    return {
      state: { ...state, failingStreak, healthyStreak: 0 },
      change: failingStreak === STREAK ? 'failing_without_standby' : null,
    }
  }
  const healthyStreak = verdict === 'normal' ? state.healthyStreak + 1 : 0
  if (healthyStreak < STREAK) return { state: { ...state, healthyStreak, failingStreak: 0 }, change: null }
  return { state: { route: 'primary', failingStreak: 0, healthyStreak: 0 }, change: 'failback' }
}

/**
 * Whether the run should probe again at once rather than wait for the next hour: only a failing
 * primary is re-probed quickly (an outage switches within one run); recovery is judged hour by
 * hour, so a primary that flickers back does not pull sends off the standby too early.
 */
export function probeAgainNow(state: RouteState, verdict: ProbeVerdict): boolean {
  return state.route === 'primary' && verdict === 'failing'
}
