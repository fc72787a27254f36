import { canonicalTimeZone, localeOf, localeSettingsSchema } from '../../outbound/personalise/locale-settings'
import type { AppDeps } from '../app-env'
import { workspaceSettingsRoutes } from './workspace-settings-route'

/** How the workspace writes to customers: time zone, default language, default variable values. */
export function localeSettingsRoutes(deps: AppDeps) {
  return workspaceSettingsRoutes(deps, {
    path: '/api/v1/settings/locale',
    key: 'locale',
    schema: localeSettingsSchema,
    read: localeOf,
    normalise: (locale) => ({ ...locale, time_zone: canonicalTimeZone(locale.time_zone) }),
    description: 'Locale settings',
    getSummary: 'Time zone, default language and default quick-reply variable values (defaults filled in)',
    putSummary: 'Change the locale settings; omitted fields return to their defaults',
  })
}
