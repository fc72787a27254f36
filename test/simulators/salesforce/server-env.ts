import type { SalesforceSimulator } from './types'
import { DEFAULTS } from './types'

/** The backend settings that point its Salesforce provider at this simulator (production and sandbox logins). */
export const salesforceServerEnv = (
  sim: Pick<SalesforceSimulator, 'url' | 'sandboxLoginUrl'>,
): Record<string, string> => ({
  SALESFORCE_CLIENT_ID: DEFAULTS.clientId,
  SALESFORCE_CLIENT_SECRET: DEFAULTS.clientSecret,
  SALESFORCE_LOGIN_URL: sim.url,
  SALESFORCE_SANDBOX_LOGIN_URL: sim.sandboxLoginUrl,
})
