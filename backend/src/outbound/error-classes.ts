/**
 * What the sender does about each Cloud API error (reference: whatsapp-cloud-api.md §4). Branch on
 * Meta's `error.code`, never on the HTTP status alone.
 */
export type ErrorAction =
  /** The number is over its rate: wait, then resume the same message. */
  | { kind: 'backoff_number'; delayMs: number }
  /** The recipient pair is over its rate: this recipient waits 1, 4, 16, 64 s ...; others go on. */
  | { kind: 'backoff_pair' }
  /** Meta or the network failed: retry twice with backoff, then fail. */
  | { kind: 'transient' }
  /**
   * The number's access token was refused: nothing can go out until an admin registers a new one,
   * so the send is retried until the reconcile window runs out, then failed with the reason.
   */
  | { kind: 'retry_until_window'; reason: 'access_token_invalid' }
  /** Per-user marketing cap: one retry, no sooner than 24 h later. */
  | { kind: 'retry_after_day' }
  /** Spam or policy block: stop the whole number and alert an admin. */
  | { kind: 'pause_channel'; reason: string }
  | { kind: 'fail'; reason: string; markUnreachable?: boolean; markMarketingOptOut?: boolean }

export function classifyError(code: number, httpStatus: number): ErrorAction {
  switch (code) {
    case 130429:
      return { kind: 'backoff_number', delayMs: 1_000 }
    case 80007:
    case 4:
      return { kind: 'backoff_number', delayMs: 5_000 }
    case 131056:
      return { kind: 'backoff_pair' }
    case 131047:
      return { kind: 'fail', reason: 'window_closed' }
    case 131026:
      return { kind: 'fail', reason: 'contact_unreachable', markUnreachable: true }
    case 131049:
      return { kind: 'retry_after_day' }
    case 131050:
      return { kind: 'fail', reason: 'marketing_opted_out', markMarketingOptOut: true }
    case 131048:
      return { kind: 'pause_channel', reason: 'spam_rate_limit' }
    case 368:
      return { kind: 'pause_channel', reason: 'policy_block' }
    case 131031:
      return { kind: 'pause_channel', reason: 'account_locked' }
    case 190:
      return { kind: 'retry_until_window', reason: 'access_token_invalid' }
    case 131000:
    case 131016:
    case 2:
    case 1:
      return { kind: 'transient' }
  }
  if (code >= 132000 && code < 133000) return { kind: 'fail', reason: 'template_error' }
  if (httpStatus === 401) return { kind: 'retry_until_window', reason: 'access_token_invalid' }
  if (httpStatus >= 500) return { kind: 'transient' }
  return { kind: 'fail', reason: 'rejected' }
}

/** 131056: 1, 4, 16, 64 ... seconds, at most 15 minutes. */
export function pairBackoffMs(previousBackoffs: number): number {
  return Math.min(4 ** previousBackoffs * 1_000, 15 * 60_000)
}

/** Transient failures: base (2 s), then 4 × base; the third failure is final. */
export const TRANSIENT_RETRIES = 2
export function transientBackoffMs(failures: number, baseMs = 2_000): number {
  return baseMs * 4 ** (failures - 1)
}
