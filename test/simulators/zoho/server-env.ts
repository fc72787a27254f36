import type { ZohoSimulator } from './types'
import { DATA_CENTRES, DEFAULTS } from './types'

/** The backend settings that point its Zoho provider at this simulator: installs start at its US accounts server. */
export const zohoServerEnv = (sim: Pick<ZohoSimulator, 'accountsUrl'>): Record<string, string> => ({
  ZOHO_CLIENT_ID: DEFAULTS.clientId,
  ZOHO_CLIENT_SECRET: DEFAULTS.clientSecret,
  ZOHO_ACCOUNTS_URL: sim.accountsUrl('com'),
  ZOHO_ACCOUNTS_SERVERS: DATA_CENTRES.map((dc) => sim.accountsUrl(dc)).join(','),
})
