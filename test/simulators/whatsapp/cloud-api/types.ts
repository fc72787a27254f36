/** Public types of the Cloud API simulator and the defaults it applies. */

export interface NumberConfig {
  phoneNumberId: string
  displayPhoneNumber: string
  wabaId: string
  /** Messages per second accepted in any sliding 1 s window. Default 80. */
  mps?: number
  /**
   * Unique business-initiated recipients (sends outside an open service window) per rolling 24 h.
   * `null` = unlimited. Default 250.
   */
  tierLimit?: number | null
  /** What `GET /{phone-number-id}` answers as `verified_name`. Default "Test Business". */
  verifiedName?: string
  /** What `GET /{phone-number-id}` answers as `quality_rating`. Default GREEN. */
  qualityRating?: 'GREEN' | 'YELLOW' | 'RED' | 'UNKNOWN'
}

export type TemplateCategory = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION'
export type TemplateStatus = 'APPROVED' | 'PENDING' | 'REJECTED' | 'PAUSED' | 'DISABLED' | 'IN_APPEAL'

/** One template as `GET /{WABA-ID}/message_templates` lists it (`HEADER` / `BODY` / `FOOTER` / `BUTTONS`). */
export interface TemplateDef {
  name: string
  language: string
  category: TemplateCategory
  status: TemplateStatus
  components: Record<string, unknown>[]
  /** Assigned when absent. */
  id?: string
  /** Only this WABA has it; every WABA when absent. */
  wabaId?: string
}

export interface Faults {
  /** Added before answering a phone-number read (`GET /{phone-number-id}`): a slow Graph, for health probes. */
  readLatencyMs?: number
  /** Fraction of send requests answered 500 (#131000) or 503 (#131016), not accepted. */
  http5xxRate?: number
  /** Fraction of send requests answered 429 `#130429 Rate limit hit`, not accepted. */
  http429Rate?: number
  /** Fraction of send requests answered 502 with an HTML body (a proxy's error page), not accepted. */
  garbageRate?: number
  /** Fraction of send requests never answered: held `timeoutHangMs`, then the socket is destroyed. */
  timeoutRate?: number
  /** Fraction of sends accepted (statuses follow) whose answer is lost: the socket closes unanswered. */
  lostAnswerRate?: number
  /** How long a timed-out request hangs before its socket is destroyed. Default 30 000 ms. */
  timeoutHangMs?: number
  /** Recipients (wa_id digits or BSUID) whose messages are accepted, then fail with 131026. */
  undeliverable?: string[]
  /**
   * Recipient → error code. Codes Meta answers synchronously (HTTP 4xx/5xx, e.g. 131030, 131048, 368)
   * are returned as the HTTP error; asynchronous ones (e.g. 131049, 131050, 130472) are accepted and
   * then reported as a `failed` status.
   */
  failCodes?: Record<string, number>
}

export interface SimulatorOptions {
  /** Listen port; 0 (default) picks a free one. */
  port?: number
  /** Listen address. Default 127.0.0.1. */
  host?: string
  /** The backend's full POST /webhooks/whatsapp URL; no webhooks when unset. */
  webhookUrl?: string
  /** Signs every webhook (X-Hub-Signature-256 over the Meta-escaped bytes). */
  appSecret: string
  /** When set, `Authorization: Bearer` must be one of these (else 401, code 190). */
  accessTokens?: string[]
  /**
   * Token → the WABA ids its System User was given. When set, a token reads (`GET /{phone-number-id}`,
   * `GET /{waba-id}/phone_numbers`) and sends from only the numbers of its WABAs; anything else is
   * Graph's `100 / 33` "does not exist, cannot be loaded due to missing permissions". Unset: every
   * accepted token reaches every number.
   */
  grants?: Record<string, string[]>
  numbers: NumberConfig[]
  /** Pair rule: one message per this many seconds per (number, recipient). Default 6. */
  pairPerSeconds?: number
  /** Pair rule burst: the token bucket's capacity. Default 1 (no burst). */
  pairBurst?: number
  /** Delay before each status webhook (sent, then delivered, then read). Default 20..80 ms. */
  statusLatencyMs?: { min: number; max: number }
  /** Fraction of read messages whose `delivered` webhook is skipped. Default 0. */
  dropDeliveredRate?: number
  /** Fraction of status webhooks delivered twice. Default 0. */
  duplicateRate?: number
  /** Deliver each message's status webhooks in a random order. Default false. */
  reorder?: boolean
  /** Fraction of delivered messages that reach `read`. Default 1. */
  readRate?: number
  faults?: Faults
  /** Templates per WABA (see TemplateDef). Default: Meta's `hello_world` (en_US, MARKETING, no params). */
  templates?: TemplateDef[]
  /** Code of the `failed` status for a send beyond the tier limit (no dedicated code exists). Default 131064. */
  tierFailCode?: number
  /** Extra tries of a webhook answered non-2xx or not at all. Default 3. */
  webhookRetries?: number
  /** First retry delay, doubled each try. Default 100 ms. */
  webhookRetryDelayMs?: number
  /** Per-attempt webhook timeout. Default 5 000 ms. */
  webhookTimeoutMs?: number
  /** Webhook POSTs in flight at once. Default 32. */
  webhookConcurrency?: number
  /** Seed for every random choice (latencies, rates); Math.random when absent. */
  seed?: number
  /** The official OpenAPI YAML; default `test/fixtures/whatsapp/openapi/business-messaging-api_v23.0.yaml`. */
  specPath?: string
}

export type Outcome = 'read' | 'delivered' | 'failed'

export interface SentRecord {
  /** The wamid returned to the caller. */
  id: string
  phoneNumberId: string
  /** `to` or `recipient` as sent. */
  recipient: string
  /** Digits of `to` (absent for BSUID recipients). */
  waId?: string
  /** The BSUID when sent with `recipient`. */
  userId?: string
  type: string
  /** Pricing category: `service` for free-form, else the template's category in lower case. */
  category: string
  /** Sent while no customer-service window was open. */
  businessInitiated: boolean
  bizOpaqueCallbackData?: string
  /** Same biz_opaque_callback_data as an earlier accepted message. */
  duplicateClientId: boolean
  acceptedAt: number
  body: Record<string, unknown>
  /** What the status webhooks will say in the end. */
  outcome: Outcome
  error?: { code: number; title: string }
}

export interface SimulatorStats {
  accepted: number
  /** Synchronous error answers by Meta error code (e.g. "130429", "131056", "100"). */
  rejected: Record<string, number>
  violations: { throughput: number; pair: number; tier: number; window: number }
  /** Accepted messages whose biz_opaque_callback_data had been accepted before. */
  duplicatesByClientId: number
  /** Accepted messages per wall-clock second, index 0 = the second the simulator started (or was reset). */
  perSecond: number[]
  /** The same, per phone number id. */
  perSecondByNumber: Record<string, number[]>
  /** Status objects delivered to the webhook with a 2xx answer. */
  statusesDelivered: number
  /** Asynchronous `failed` statuses by error code. */
  failed: Record<string, number>
  /** Webhook POSTs given up after every retry. */
  webhookFailures: number
  markedRead: number
  faults: { http5xx: number; http429: number; garbage: number; timeouts: number; lostAnswers: number }
}

export interface CustomerMessage {
  /** Text of the inbound message. Default "Hi". */
  text?: string
  /** Profile name in `contacts[].profile.name`. Default "Test Customer". */
  name?: string
  /** Post the inbound webhook (default: when webhookUrl is set). */
  deliver?: boolean
}

/** A media message a customer sends: the file goes to the media store, the webhook names its id and sha256. */
export interface CustomerMedia {
  type: 'image' | 'sticker' | 'audio' | 'video' | 'document'
  bytes: Uint8Array
  mimeType: string
  caption?: string
  filename?: string
  /** Stickers: Meta's `animated` flag. */
  animated?: boolean
  /** Profile name in `contacts[].profile.name`. Default "Test Customer". */
  name?: string
  /** A checksum for the webhook other than the file's (Meta's and the file disagree). */
  sha256?: string
}

export interface CloudApiSimulator {
  /** e.g. http://127.0.0.1:PORT — use as the Graph base URL (`${url}/v23.0/...`). */
  url: string
  close(): Promise<void>
  stats(): SimulatorStats
  /** Shallow merge: each given key replaces the current value (`faults` as a whole). */
  configure(patch: Partial<SimulatorOptions>): void
  /** Every accepted message, in order. Cleared in place by reset(). */
  sent: SentRecord[]
  /** Clears sent, stats, rate and tier state, service windows and pending webhooks; keeps options and media. */
  reset(): void
  /**
   * The customer messaged `phoneNumberId` at `at` (default now): opens the 24 h window and, unless told
   * otherwise, posts the inbound text webhook. `waId` may be a BSUID (`US.123…`).
   */
  customerWrote(
    phoneNumberId: string,
    waId: string,
    at?: Date,
    message?: CustomerMessage,
  ): Promise<{ id: string; delivered: boolean }>
  /** Stores media as if a customer had sent it; returns its media id (for inbound media tests). */
  addMedia(bytes: Uint8Array, mimeType: string, phoneNumberId?: string): string
  /** Resolves when no status webhook is scheduled or in flight. */
  idle(): Promise<void>
  /** Adds a number to the simulated Meta account; one already there keeps its settings. */
  addNumber(number: NumberConfig): void
  /** Gives `token` access to `wabaId`'s numbers (when grants are unset every token has it already). */
  grant(token: string, wabaId: string): void
  /**
   * The customer sent a photo, voice note, document or sticker: the file is stored as Meta stores
   * it (GET /{media-id}, a 5-minute signed download URL) and the inbound media webhook is posted.
   */
  customerSentMedia(
    phoneNumberId: string,
    waId: string,
    media: CustomerMedia,
    at?: Date,
  ): Promise<{ id: string; mediaId: string; delivered: boolean }>
  /** The next `count` downloads of `mediaId` answer `status` (default 500) instead of the file. */
  failMediaDownloads(mediaId: string, count: number, status?: number): void
  /** How many downloads of `mediaId` were served or refused so far. */
  mediaDownloads(mediaId: string): number
}

export const DEFAULTS = {
  host: '127.0.0.1',
  mps: 80,
  tierLimit: 250,
  pairPerSeconds: 6,
  pairBurst: 1,
  statusLatencyMs: { min: 20, max: 80 },
  dropDeliveredRate: 0,
  duplicateRate: 0,
  reorder: false,
  readRate: 1,
  timeoutHangMs: 30_000,
  tierFailCode: 131064,
  webhookRetries: 3,
  webhookRetryDelayMs: 100,
  webhookTimeoutMs: 5_000,
  webhookConcurrency: 32,
  windowMs: 24 * 3600 * 1000,
  tierWindowMs: 24 * 3600 * 1000,
} as const

export const DEFAULT_TEMPLATES: TemplateDef[] = [
  {
    name: 'hello_world',
    language: 'en_US',
    category: 'MARKETING',
    status: 'APPROVED',
    id: '1192339204654487',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Hello World' },
      {
        type: 'BODY',
        text: "Welcome and congratulations!! This message demonstrates your ability to send a message notification from WhatsApp Business Platform's Cloud API. Thank you for taking the time to test with us.",
      },
      { type: 'FOOTER', text: 'WhatsApp Business API Team' },
    ],
  },
]
