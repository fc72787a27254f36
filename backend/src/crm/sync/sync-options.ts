/** Engine knobs (from config): how changes are grouped, retried and leased. */
export interface SyncOptions {
  settleMs: number
  maxWaitMs: number
  leaseMs: number
  /** How often a round renews the leases of what it claimed (at most a third of the lease); default 5 s. */
  heartbeatMs?: number
  /** Tries of a transient failure before it becomes a review item (the brief: 3, 5 min apart). */
  maxAttempts: number
  retryDelayMs: number
  /** The storage budget per month when a connection sets none, in basis points of its capacity (500 = 5 %). */
  storageBudgetBasisPoints?: number
}
