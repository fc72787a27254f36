/** WhatsApp Cloud API simulator: see README.md in this folder. */
export { startCloudApiSimulator } from './simulator'
export type {
  CloudApiSimulator,
  CustomerMessage,
  Faults,
  NumberConfig,
  SentRecord,
  SimulatorOptions,
  SimulatorStats,
  TemplateCategory,
  TemplateDef,
  TemplateStatus,
} from './types'
export { DEFAULT_TEMPLATES, DEFAULTS } from './types'
