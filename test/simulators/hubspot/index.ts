/** HubSpot API simulator: see README.md in this folder. */

export { FIRST_INSTALL_ACCOUNT } from './authorize-page'
export { hubspotServerEnv } from './server-env'
export { startHubspotSimulator } from './simulator'
export type {
  FaultMatch,
  FaultStatus,
  HubspotSimulator,
  HubspotSimulatorOptions,
  SimAssociation,
  SimFaults,
  SimProperty,
  SimPropertyGroup,
  SimPropertyOption,
  SimRecord,
  SimRequestLog,
  SimWebhookAttempt,
} from './types'
export { DEFAULTS as HUBSPOT_SIM_DEFAULTS } from './types'
