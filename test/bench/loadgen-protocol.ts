/** Messages between the ingest benchmark and its load generator process. */

export interface BuildCommand {
  type: 'build'
  count: number
  appSecret: string
}

export interface StepCommand {
  type: 'step'
  origin: string
  path: string
  connections: number
  seconds: number
  /** First delivery index to send; each step takes the next unused ones. */
  startIndex: number
  /**
   * Open loop at this many deliveries per second instead of a closed loop: each delivery has its
   * scheduled time and its latency counts from then, so a slow server is not let off by sending less.
   */
  ratePerS?: number
}

export type ToLoadgen = BuildCommand | StepCommand | { type: 'exit' }

export interface BuiltReply {
  type: 'built'
  count: number
  bytes: number
  ms: number
}

export interface StepReply {
  type: 'step'
  connections: number
  startIndex: number
  /** One past the last index sent. */
  endIndex: number
  elapsedMs: number
  ok: number
  /** Indexes whose delivery was not answered 200 (error status or transport error). */
  failed: number[]
  errorKinds: Record<string, number>
  deliveriesPerS: number
  p50Ms: number
  p99Ms: number
  maxMs: number
  /** The load generator's own CPU use, as a share of one core. */
  cpuShare: number
  /** The prebuilt deliveries ran out before the step's time was up. */
  exhausted: boolean
}

export type FromLoadgen = BuiltReply | StepReply
