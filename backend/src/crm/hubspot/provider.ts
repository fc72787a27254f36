import type { Config } from '../../config'
import type { CrmProvider } from '../provider'
import type { CrmRateBudget } from '../sync/crm-rate-limiter'
import { hubspotCardAuth } from './hubspot-card-auth'
import { hubspotChangeNotifications } from './hubspot-change-notifications'
import { HubspotConnector } from './hubspot-connector'
import { defaultHubspotProperty } from './hubspot-properties'
import { HUBSPOT_STORAGE } from './hubspot-storage'
import { hubspotOAuth } from './oauth/hubspot-oauth'

/** 110 requests per rolling 10 s per installed account (search excluded), search 5 / s. */
export const HUBSPOT_BUDGET: CrmRateBudget = { requestsPerWindow: 110, windowMs: 10_000, searchPerSecond: 5 }

/** HubSpot as a CRM provider: marketplace OAuth app, v3-signed webhooks and cards, CRM v3 API. */
export function hubspotProvider(config: Config): CrmProvider {
  return {
    name: 'hubspot',
    label: 'HubSpot',
    accountLabel: (portalId) => `HubSpot portal ${portalId}`,
    oauth: hubspotOAuth(config),
    changes: hubspotChangeNotifications(config),
    cardAuth: hubspotCardAuth(config),
    defaultProperty: defaultHubspotProperty,
    rateBudget: HUBSPOT_BUDGET,
    storageProfile: () => HUBSPOT_STORAGE,
    connector: ({ accessToken, beforeRequest }) =>
      new HubspotConnector({
        basePath: config.HUBSPOT_API_URL.replace(/\/$/, ''),
        accessToken,
        beforeRequest,
      }),
  }
}
