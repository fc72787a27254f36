import type { HubspotSimulator } from './types'
import { DEFAULTS } from './types'

/** The backend settings that point its HubSpot provider at this simulator (app credentials and API URL). */
export const hubspotServerEnv = (sim: Pick<HubspotSimulator, 'url'>): Record<string, string> => ({
  HUBSPOT_CLIENT_ID: DEFAULTS.clientId,
  HUBSPOT_CLIENT_SECRET: DEFAULTS.clientSecret,
  HUBSPOT_API_URL: sim.url,
  HUBSPOT_AUTHORIZE_URL: `${sim.url}/oauth/authorize`,
})
