import type { Executor } from '../../db/client'
import { reserveSlots } from '../../outbound/limiter'

/** A CRM's request budget per installed account: a rolling window, and a separate search rate. */
export interface CrmRateBudget {
  requestsPerWindow: number
  windowMs: number
  searchPerSecond: number
}

/** Keeps this share of the budget, so a clock skew or a call we did not see never tips us over. */
const SAFETY = 0.95

/**
 * Waits for this account's next request slot. The slots live in Postgres (`rate_slots`), so every
 * backend process shares one budget per account; spacing requests evenly (GCRA) keeps any rolling
 * window of the CRM's length under its cap.
 */
export function crmRateLimiter(db: Executor, connectionId: string, budget: CrmRateBudget) {
  const interval = budget.windowMs / (budget.requestsPerWindow * SAFETY)
  const searchInterval = 1000 / (budget.searchPerSecond * SAFETY)
  return async (bucket: 'default' | 'search'): Promise<void> => {
    const [slot] =
      bucket === 'search'
        ? await reserveSlots(db, `crm-search:${connectionId}`, searchInterval, 1)
        : await reserveSlots(db, `crm:${connectionId}`, interval, 1)
    const wait = (slot?.getTime() ?? 0) - Date.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
  }
}
