import { z } from 'zod'
import { LANGUAGES } from './languages'

/** True when Intl knows the IANA time zone (it throws a RangeError for anything else). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value })
    return true
  } catch {
    return false
  }
}

/** The zone's canonical spelling ("america/sao_paulo" → "America/Sao_Paulo"). */
export function canonicalTimeZone(value: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone
}

/** `first_name`, `order_eta`, or `attr.<CRM field>` (CRM field names keep their case: `Level__c`). */
export const VARIABLE_NAME = /^(?:[a-z_][a-z0-9_]*|attr\.[a-z0-9_]+)$/i

const variableDefaults = z.record(
  z.string().regex(VARIABLE_NAME, { message: 'a variable name: letters, digits, _ (or attr.<field>)' }),
  z.string().trim().min(1).max(1024),
)

/**
 * How a workspace writes to its customers: the time zone its calendar days are counted in (for
 * "yesterday" in a quick reply), the language used when a contact's is unknown, and fallback
 * values for quick-reply variables ("cliente" when a first name is unknown), optionally per
 * language. Stored in `workspaces.settings.locale`; changed with PUT /api/v1/settings/locale.
 */
export const localeSettingsSchema = z
  .object({
    time_zone: z
      .string()
      .min(1)
      .max(64)
      .refine(isTimeZone, { message: 'an IANA time zone such as America/Sao_Paulo' })
      .default('UTC'),
    default_language: z.enum(LANGUAGES).default('en'),
    /** Used for any variable that has no value for the contact and no default on the reply. */
    default_variables: variableDefaults.default({}),
    /** Like `default_variables`, for contacts in one language; these win over the general ones. */
    default_variables_by_language: z
      .object({
        en: variableDefaults.optional(),
        pt: variableDefaults.optional(),
        es: variableDefaults.optional(),
        zh: variableDefaults.optional(),
      })
      .strict()
      .default({}),
  })
  .strict()

export type LocaleSettings = z.infer<typeof localeSettingsSchema>

/** The workspace's locale settings, defaults filled in; a stored value that no longer parses reads as the defaults. */
export function localeOf(settings: Record<string, unknown>): LocaleSettings {
  const stored = localeSettingsSchema.safeParse(settings.locale ?? {})
  return stored.success ? stored.data : localeSettingsSchema.parse({})
}
