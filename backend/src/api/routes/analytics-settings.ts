import { analyticsOf, analyticsSettingsSchema } from '../../analytics/analytics-settings'
import type { AppDeps } from '../app-env'
import { workspaceSettingsRoutes } from './workspace-settings-route'

/** The rate card the cost report prices with, and the alert rules' thresholds. */
export function analyticsSettingsRoutes(deps: AppDeps) {
  return workspaceSettingsRoutes(deps, {
    path: '/api/v1/settings/analytics',
    key: 'analytics',
    schema: analyticsSettingsSchema,
    read: analyticsOf,
    description: 'Analytics settings',
    getSummary:
      'Rate card (price per billable message per Meta category) and alert thresholds (defaults filled in)',
    putSummary: 'Change the rate card and alert thresholds; omitted fields return to their defaults',
  })
}
