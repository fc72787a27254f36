/**
 * Everything one simulator instance holds: options (with defaults), the numbers, the rule trackers,
 * templates, media, stats, the sent log and the webhook dispatcher; plus configure() and reset().
 */
import { PairLimiter, ServiceWindows, ThroughputLimiter, TierTracker } from './limits'
import { MediaStore } from './media'
import { makeRng, type Rng } from './random'
import { type RequestValidator, requestValidator } from './request-validator'
import { StatsRecorder } from './stats'
import { TemplateStore } from './templates'
import {
  DEFAULT_TEMPLATES,
  DEFAULTS,
  type NumberConfig,
  type SentRecord,
  type SimulatorOptions,
} from './types'
import { WebhookDispatcher } from './webhooks'

/** wa_id digits of a phone number; a BSUID (`US.1349…`) stays as it is. */
export function recipientKey(value: string): string {
  return isBsuid(value) ? value : value.replace(/\D/g, '')
}
export const isBsuid = (value: string): boolean => /^[A-Z]{2}\.[A-Za-z0-9.]+$/.test(value)

export class SimulatorState {
  options: SimulatorOptions
  baseUrl = ''
  readonly numbers = new Map<string, NumberConfig>()
  readonly sent: SentRecord[] = []
  readonly stats = new StatsRecorder()
  readonly throughput = new ThroughputLimiter()
  readonly pairs = new PairLimiter()
  readonly tiers = new TierTracker(DEFAULTS.tierWindowMs)
  readonly windows = new ServiceWindows(DEFAULTS.windowMs)
  readonly media = new MediaStore()
  readonly templates: TemplateStore
  private compiled: RequestValidator | undefined
  readonly dispatcher: WebhookDispatcher
  rng: Rng
  /** Requests held by the timeout fault; released (socket destroyed) on close. */
  readonly hanging = new Set<() => void>()

  constructor(options: SimulatorOptions) {
    if (!options.appSecret) throw new Error('appSecret is required')
    this.options = { ...options }
    this.setNumbers(options.numbers)
    this.templates = new TemplateStore(options.templates ?? DEFAULT_TEMPLATES)
    this.rng = makeRng(options.seed)
    this.dispatcher = new WebhookDispatcher(
      () => ({
        url: this.options.webhookUrl,
        appSecret: this.options.appSecret,
        retries: this.options.webhookRetries ?? DEFAULTS.webhookRetries,
        retryDelayMs: this.options.webhookRetryDelayMs ?? DEFAULTS.webhookRetryDelayMs,
        timeoutMs: this.options.webhookTimeoutMs ?? DEFAULTS.webhookTimeoutMs,
        concurrency: this.options.webhookConcurrency ?? DEFAULTS.webhookConcurrency,
      }),
      { delivered: (n) => this.stats.statusesDelivered(n), gaveUp: () => this.stats.webhookFailure() },
    )
  }

  /** Built at the first send: reading the official YAML costs about half a second, and a
   * simulator that only answers reads (a test's Meta account for registrations) never needs it. */
  get validator(): RequestValidator {
    this.compiled ??= requestValidator(this.options.specPath)
    return this.compiled
  }

  configure(patch: Partial<SimulatorOptions>): void {
    this.options = { ...this.options, ...patch }
    if (patch.numbers) this.setNumbers(patch.numbers)
    if (patch.templates) this.templates.replace(patch.templates)
    if ('seed' in patch) this.rng = makeRng(patch.seed)
  }

  reset(): void {
    this.dispatcher.cancel()
    this.sent.length = 0
    this.stats.reset()
    this.throughput.reset()
    this.pairs.reset()
    this.tiers.reset()
    this.windows.reset()
  }

  number(phoneNumberId: string): NumberConfig | undefined {
    return this.numbers.get(phoneNumberId)
  }

  /** Whether `token` may read or use the numbers of `wabaId` (every token when grants are unset). */
  canAccess(token: string | undefined, wabaId: string): boolean {
    const grants = this.options.grants
    if (!grants) return true
    return token !== undefined && (grants[token]?.includes(wabaId) ?? false)
  }

  addNumber(number: NumberConfig): void {
    if (!this.numbers.has(number.phoneNumberId)) this.numbers.set(number.phoneNumberId, number)
  }

  grant(token: string, wabaId: string): void {
    if (!this.options.grants) return
    const grants = { ...this.options.grants }
    grants[token] = [...new Set([...(grants[token] ?? []), wabaId])]
    this.options = { ...this.options, grants }
  }

  isWaba(id: string): boolean {
    for (const n of this.numbers.values()) if (n.wabaId === id) return true
    return false
  }

  /** Option value with its default. */
  get pairPerSeconds(): number {
    return this.options.pairPerSeconds ?? DEFAULTS.pairPerSeconds
  }
  get pairBurst(): number {
    return this.options.pairBurst ?? DEFAULTS.pairBurst
  }
  mps(n: NumberConfig): number {
    return n.mps ?? DEFAULTS.mps
  }
  tierLimit(n: NumberConfig): number | null {
    return n.tierLimit === undefined ? DEFAULTS.tierLimit : n.tierLimit
  }

  private setNumbers(numbers: NumberConfig[] = []): void {
    // No numbers is allowed: an account whose numbers are added later (addNumber).
    this.numbers.clear()
    for (const n of numbers) this.numbers.set(n.phoneNumberId, n)
  }
}
