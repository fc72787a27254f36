/** Salesforce API simulator: see README.md in this folder. */

export { salesforceServerEnv } from './server-env'
export { startSalesforceSimulator } from './simulator'
export type {
  FaultMatch,
  FaultStatus,
  FieldValue,
  SalesforceSimulator,
  SalesforceSimulatorOptions,
  SimFaults,
  SimRecord,
  SimRequestLog,
  SimValidationRule,
} from './types'
export { DEFAULTS as SALESFORCE_SIM_DEFAULTS, SANDBOX_PATH } from './types'
