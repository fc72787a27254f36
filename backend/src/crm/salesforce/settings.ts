import type { Config } from '../../config'
import { CrmAuthError } from '../oauth/auth-error'

export type NewRecordObject = 'Lead' | 'Contact'

/** What the Salesforce provider reads from the server's configuration. */
export interface SalesforceSettings {
  loginUrl: string
  sandboxLoginUrl: string
  version: string
  stopShare: number
  pollShare: number
  newRecords: NewRecordObject
  /** `ns__` for a managed package's namespace, '' otherwise. */
  prefix: string
}

export function salesforceSettings(config: Config): SalesforceSettings {
  return {
    loginUrl: config.SALESFORCE_LOGIN_URL.replace(/\/$/, ''),
    sandboxLoginUrl: config.SALESFORCE_SANDBOX_LOGIN_URL.replace(/\/$/, ''),
    version: config.SALESFORCE_API_VERSION,
    stopShare: config.SALESFORCE_API_STOP_SHARE,
    pollShare: config.SALESFORCE_POLL_SHARE,
    newRecords: config.SALESFORCE_NEW_RECORDS,
    prefix: config.SALESFORCE_NAMESPACE ? `${config.SALESFORCE_NAMESPACE}__` : '',
  }
}

/** The External Client App's credentials; every OAuth step needs them. */
export function salesforceClient(config: Config): { clientId: string; clientSecret: string } {
  if (!config.SALESFORCE_CLIENT_ID || !config.SALESFORCE_CLIENT_SECRET)
    throw new CrmAuthError(
      'not_configured',
      'SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET must be set to install or use the Salesforce app.',
    )
  return { clientId: config.SALESFORCE_CLIENT_ID, clientSecret: config.SALESFORCE_CLIENT_SECRET }
}
