import { policyOf, sendingPolicySchema } from '../../outbound/policy-settings'
import type { AppDeps } from '../app-env'
import { workspaceSettingsRoutes } from './workspace-settings-route'

/** The workspace's sending policy (defaults filled in). */
export function sendingPolicyRoutes(deps: AppDeps) {
  return workspaceSettingsRoutes(deps, {
    path: '/api/v1/settings/sending-policy',
    key: 'sending_policy',
    schema: sendingPolicySchema,
    read: policyOf,
    description: 'Policy',
    getSummary: 'The sending policy in force (defaults filled in)',
    putSummary: 'Change the sending policy; omitted fields return to their defaults',
  })
}
