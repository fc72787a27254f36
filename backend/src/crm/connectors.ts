import type { CrmConnection } from '../db/schema'
import { connectionAccessToken } from './oauth'
import type { CrmConnector, CrmQuota } from './port'
import type { CrmContext } from './provider'
import type { CrmRegistry } from './registry'
import { crmRateLimiter } from './sync/crm-rate-limiter'

/** The connector of a connection; throws `UnregisteredCrmError` when its CRM has no provider here. */
export interface ConnectorFor {
  (connection: CrmConnection): CrmConnector
  /** What each account this process has talked to last reported of its request budget. */
  quotas(): { connectionId: string; provider: string; quota: CrmQuota }[]
}

/**
 * One connector per connection, kept so its HTTP client (and keep-alive sockets) live on. Every
 * request first takes a slot from the account's shared rate limiter; tokens come from the
 * generic token store with the provider's refresh.
 */
export function connectorFactory(ctx: CrmContext, registry: CrmRegistry): ConnectorFor {
  const cache = new Map<string, CrmConnector>()
  const connectorFor = (connection: CrmConnection): CrmConnector => {
    const cached = cache.get(connection.id)
    if (cached) return cached
    const provider = registry.get(connection.provider)
    const connector = provider.connector({
      connection,
      accessToken: (rejected) =>
        connectionAccessToken(ctx, provider, connection.id, { rejectedToken: rejected }),
      beforeRequest: crmRateLimiter(ctx.db, connection.id, provider.rateBudget),
    })
    cache.set(connection.id, connector)
    return connector
  }
  const quotas = () =>
    [...cache].flatMap(([connectionId, connector]) => {
      const quota = connector.quota()
      return quota ? [{ connectionId, provider: connector.provider, quota }] : []
    })
  return Object.assign(connectorFor, { quotas })
}
