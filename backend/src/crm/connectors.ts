import type { CrmConnection } from '../db/schema'
import { NotConfiguredError } from '../lib/errors'
import { HubspotConnector } from './hubspot/hubspot-connector'
import { getAccessToken, type HubspotOAuthContext } from './hubspot/oauth'
import type { CrmConnector } from './port'
import { crmRateLimiter, HUBSPOT_BUDGET } from './sync/crm-rate-limiter'

export type ConnectorFor = (connection: CrmConnection) => CrmConnector

/**
 * One connector per connection, kept so its HTTP client (and keep-alive sockets) live on. Every
 * request first takes a slot from the account's shared rate limiter.
 */
export function connectorFactory(ctx: HubspotOAuthContext): ConnectorFor {
  const cache = new Map<string, CrmConnector>()
  return (connection) => {
    const cached = cache.get(connection.id)
    if (cached) return cached
    let connector: CrmConnector
    switch (connection.provider) {
      case 'hubspot':
        connector = new HubspotConnector({
          basePath: ctx.config.HUBSPOT_API_URL.replace(/\/$/, ''),
          accessToken: (rejected) => getAccessToken(ctx, connection.id, { rejectedToken: rejected }),
          beforeRequest: crmRateLimiter(ctx.db, connection.id, HUBSPOT_BUDGET),
        })
        break
      default:
        throw new NotConfiguredError(`Syncing to ${connection.provider} is not available yet.`)
    }
    cache.set(connection.id, connector)
    return connector
  }
}
