/**
 * Everything one simulator run holds: resolved options, portals (created on first use), the OAuth
 * server, rate-limit windows, injected faults, the request log and the webhook sender.
 */
import { FaultQueue } from './faults'
import { OAuthServer } from './oauth'
import type { ObjectTypeName } from './object-types'
import { Portal } from './portal'
import { RollingWindow } from './rate-limit'
import { DEFAULTS, type HubspotSimulatorOptions, type SimRequestLog } from './types'
import { type ChangeSource, WebhookDispatcher, type WebhookEvent } from './webhooks'

export type ResolvedOptions = Required<Omit<HubspotSimulatorOptions, 'webhookUrl' | 'port' | 'host'>>

export class SimulatorState {
  readonly options: ResolvedOptions
  readonly portals = new Map<number, Portal>()
  /** Record limits per portal for the limits tracking API (record-limits.ts); unset: the defaults. */
  readonly recordLimits = new Map<number, Record<ObjectTypeName, number>>()
  readonly oauth: OAuthServer
  readonly burst: RollingWindow
  readonly search: RollingWindow
  readonly faults = new FaultQueue()
  readonly requests: SimRequestLog[] = []
  readonly webhooks: WebhookDispatcher
  private idCounter = 51_000_000_000

  constructor(options: HubspotSimulatorOptions = {}) {
    this.options = {
      clientId: options.clientId ?? DEFAULTS.clientId,
      clientSecret: options.clientSecret ?? DEFAULTS.clientSecret,
      rateLimitPerTenSeconds: options.rateLimitPerTenSeconds ?? DEFAULTS.rateLimitPerTenSeconds,
      searchPerSecond: options.searchPerSecond ?? DEFAULTS.searchPerSecond,
      latencyMs: options.latencyMs ?? DEFAULTS.latencyMs,
      accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? DEFAULTS.accessTokenTtlSeconds,
      deliverOwnChanges: options.deliverOwnChanges ?? DEFAULTS.deliverOwnChanges,
      webhookRetries: options.webhookRetries ?? DEFAULTS.webhookRetries,
      webhookRetryDelayMs: options.webhookRetryDelayMs ?? DEFAULTS.webhookRetryDelayMs,
      appId: options.appId ?? DEFAULTS.appId,
      searchIndexLagMs: options.searchIndexLagMs ?? 0,
    }
    this.oauth = new OAuthServer({
      clientId: this.options.clientId,
      clientSecret: this.options.clientSecret,
      appId: this.options.appId,
      accessTokenTtlSeconds: this.options.accessTokenTtlSeconds,
      defaultScopes: DEFAULTS.scopes,
    })
    this.burst = new RollingWindow(10_000, this.options.rateLimitPerTenSeconds)
    this.search = new RollingWindow(1_000, this.options.searchPerSecond)
    this.webhooks = new WebhookDispatcher({
      clientSecret: this.options.clientSecret,
      appId: this.options.appId,
      retries: this.options.webhookRetries,
      retryDelayMs: this.options.webhookRetryDelayMs,
      timeoutMs: 5_000,
    })
    this.webhooks.target = options.webhookUrl ?? null
  }

  portal(id: number): Portal {
    let portal = this.portals.get(id)
    if (!portal) {
      portal = new Portal(id, () => String(++this.idCounter))
      this.portals.set(id, portal)
    }
    return portal
  }

  /** The HubSpot user a simulated rep acts as in `portalId`. */
  userId(portalId: number): number {
    return 7_000_000 + portalId
  }

  /**
   * Webhooks for a change: always for the HubSpot UI, for the app's own API writes only with
   * `deliverOwnChanges` (HubSpot does not promise to filter them out).
   */
  emit(
    portalId: number,
    changeSource: ChangeSource,
    build: (source: { changeSource: ChangeSource; userId: number }) => WebhookEvent[],
  ): Promise<void> {
    if (changeSource === 'INTEGRATION' && !this.options.deliverOwnChanges) return Promise.resolve()
    return this.webhooks.deliver(build({ changeSource, userId: this.userId(portalId) }))
  }

  /** Change events of a contact write (creation, or one propertyChange per changed property). */
  contactWriteEvents(
    portalId: number,
    source: { changeSource: ChangeSource; userId: number; occurredAt?: number },
    id: string,
    created: boolean,
    properties: Record<string, string | null>,
    changed: string[],
  ): WebhookEvent[] {
    if (created)
      return [this.webhooks.event(portalId, 'contact.creation', id, source, { changeFlag: 'CREATED' })]
    return changed.map((name) =>
      this.webhooks.event(portalId, 'contact.propertyChange', id, source, {
        propertyName: name,
        propertyValue: properties[name] ?? '',
      }),
    )
  }
}
