/**
 * HubSpot's webhook sender for the app: JSON arrays of events (≤ 100 per request) POSTed to the
 * target URL, signed v1 and v3 with the client secret, retried with backoff on failure
 * (`attemptNumber` counts up from 0) except for the 4xx answers HubSpot gives up on.
 */
import { signatureV1, signatureV3 } from './signature'
import type { SimWebhookAttempt } from './types'

export type SubscriptionType =
  | 'contact.creation'
  | 'contact.propertyChange'
  | 'contact.merge'
  | 'contact.deletion'
  | 'contact.privacyDeletion'

export type ChangeSource = 'CRM_UI' | 'INTEGRATION'

export interface WebhookEvent {
  eventId: number
  subscriptionId: number
  portalId: number
  appId: number
  occurredAt: number
  subscriptionType: SubscriptionType
  attemptNumber: number
  objectId: number
  propertyName?: string
  propertyValue?: string
  changeFlag?: string
  changeSource: ChangeSource
  sourceId: string
  primaryObjectId?: number
  mergedObjectIds?: number[]
  newObjectId?: number
  numberOfPropertiesMoved?: number
}

export interface WebhookConfig {
  clientSecret: string
  appId: number
  retries: number
  retryDelayMs: number
  timeoutMs: number
}

const SUBSCRIPTION_IDS: Record<SubscriptionType, number> = {
  'contact.creation': 4_100_001,
  'contact.propertyChange': 4_100_002,
  'contact.merge': 4_100_003,
  'contact.deletion': 4_100_004,
  'contact.privacyDeletion': 4_100_005,
}

/** HubSpot does not retry these (its webhook docs). */
const FINAL_4XX = new Set([400, 401, 403, 404, 405])
const MAX_EVENTS_PER_REQUEST = 100

export class WebhookDispatcher {
  target: string | null = null
  readonly attempts: SimWebhookAttempt[] = []
  private readonly inflight = new Set<Promise<void>>()
  private readonly sleepers = new Set<() => void>()
  private nextEventId = 1_000_000_001
  private closed = false

  constructor(private readonly config: WebhookConfig) {}

  event(
    portalId: number,
    subscriptionType: SubscriptionType,
    objectId: string,
    source: { changeSource: ChangeSource; userId: number; occurredAt?: number },
    fields: Partial<WebhookEvent> = {},
  ): WebhookEvent {
    return {
      eventId: this.nextEventId++,
      subscriptionId: SUBSCRIPTION_IDS[subscriptionType],
      portalId,
      appId: this.config.appId,
      occurredAt: source.occurredAt ?? Date.now(),
      subscriptionType,
      attemptNumber: 0,
      objectId: Number(objectId),
      ...fields,
      changeSource: source.changeSource,
      sourceId: source.changeSource === 'CRM_UI' ? `userId:${source.userId}` : String(this.config.appId),
    }
  }

  /** Sends the events (if a target is set); resolves when every request succeeded or gave up. */
  deliver(events: WebhookEvent[]): Promise<void> {
    const target = this.target
    if (!target || events.length === 0 || this.closed) return Promise.resolve()
    const batches: WebhookEvent[][] = []
    for (let i = 0; i < events.length; i += MAX_EVENTS_PER_REQUEST) {
      batches.push(events.slice(i, i + MAX_EVENTS_PER_REQUEST))
    }
    const done = Promise.all(batches.map((b) => this.send(target, b))).then(() => undefined)
    this.inflight.add(done)
    void done.finally(() => this.inflight.delete(done))
    return done
  }

  async idle(): Promise<void> {
    while (this.inflight.size) await Promise.all([...this.inflight])
  }

  close(): void {
    this.closed = true
    for (const wake of [...this.sleepers]) wake()
  }

  private async send(url: string, events: WebhookEvent[]): Promise<void> {
    for (let attempt = 0; attempt <= this.config.retries && !this.closed; attempt++) {
      const body = JSON.stringify(events.map((e) => ({ ...e, attemptNumber: attempt })))
      const timestamp = String(Date.now())
      let status = 0
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-hubspot-signature': signatureV1(this.config.clientSecret, body),
            'x-hubspot-signature-version': 'v1',
            'x-hubspot-signature-v3': signatureV3(this.config.clientSecret, 'POST', url, body, timestamp),
            'x-hubspot-request-timestamp': timestamp,
            'user-agent': 'HubSpot Connect 2.0 (http://dev.hubspot.com/) (namespace: webhooks-nextgen)',
          },
          body,
          signal: AbortSignal.timeout(this.config.timeoutMs),
        })
        status = res.status
        await res.arrayBuffer().catch(() => undefined)
      } catch {
        status = 0
      }
      this.attempts.push({
        url,
        attemptNumber: attempt,
        status,
        eventIds: events.map((e) => e.eventId),
        at: Date.now(),
      })
      if ((status >= 200 && status < 300) || FINAL_4XX.has(status)) return
      if (attempt < this.config.retries) await this.sleep(this.config.retryDelayMs * 2 ** attempt)
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer)
        this.sleepers.delete(wake)
        resolve()
      }
      const timer = setTimeout(wake, ms)
      this.sleepers.add(wake)
    })
  }
}
