/** Zoho CRM simulator: see README.md in this folder. */
export { SIM_SCOPES } from './accounts-routes'
export { zohoServerEnv } from './server-env'
export { startZohoSimulator } from './simulator'
export type {
  DataCentre,
  Edition,
  FaultMatch,
  FaultStatus,
  SimChannel,
  SimDelivery,
  SimFieldMeta,
  SimRecord,
  SimRequestLog,
  ZohoSimulator,
  ZohoSimulatorOptions,
} from './types'
export { DATA_CENTRES, DEFAULTS as ZOHO_SIM_DEFAULTS, EDITIONS } from './types'
