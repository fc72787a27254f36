/** Engine knobs (from config): how changes are grouped, retried and leased. */
export interface SyncOptions {
  settleMs: number
  maxWaitMs: number
  leaseMs: number
  /** Tries of a transient failure before it becomes a review item (the brief: 3, 5 min apart). */
  maxAttempts: number
  retryDelayMs: number
}
