import { automationOf, automationSettingsSchema } from '../../automation/automatic-sends'
import type { AppDeps } from '../app-env'
import { workspaceSettingsRoutes } from './workspace-settings-route'

/** The switch that lets the default rule pack send to customers by itself (off in a new workspace). */
export function automationSettingsRoutes(deps: AppDeps) {
  return workspaceSettingsRoutes(deps, {
    path: '/api/v1/settings/automation',
    key: 'automation',
    schema: automationSettingsSchema,
    read: automationOf,
    description: 'Automation settings',
    getSummary: "Whether the default rules' automatic sends are on (off until an admin switches them on)",
    putSummary:
      "Switch the default rules' automatic sends on or off; tags, segments and tasks run either way",
  })
}
