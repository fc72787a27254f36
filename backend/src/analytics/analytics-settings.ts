import { z } from 'zod'
import { businessHoursSchema } from './business-hours'

const money = z.number().min(0).max(1000)

/** The intents that qualify a contact in the funnel (the `analytics_rollup` trigger's list). */
export const BUYING_INTENTS = ['price_discount', 'product_inquiry', 'quote', 'purchase_intent'] as const

/**
 * What the reports and alert rules need from a workspace (stored in `workspaces.settings.analytics`,
 * changed with PUT /api/v1/settings/analytics). The rate card prices one billable message per
 * Meta pricing category; Meta's rates depend on the recipient's country and change, so there is no
 * built-in price: an unpriced category is reported as such rather than guessed. The thresholds
 * default to the figures the product promises (complaints over 5 % three days running, an agent's
 * weekly median over 6 minutes, CRM sync success under 99 %, fewer than 12 % of the contacts who
 * first asked about a discount ordering). Without `business_hours`, response
 * times are wall-clock only; with them, each answer also carries its wait in business hours.
 */
export const analyticsSettingsSchema = z
  .object({
    rate_card: z
      .object({
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/, { message: 'an ISO 4217 currency code such as USD' })
          .default('USD'),
        /** Price of one billable message per category (marketing, utility, authentication, service …). */
        rates: z.record(z.string().regex(/^[a-z_]{1,40}$/), money).default({}),
      })
      .strict()
      .default({ currency: 'USD', rates: {} }),
    alerts: z
      .object({
        complaint_rate_percent: z.number().min(0).max(100).default(5),
        complaint_days: z.number().int().min(1).max(30).default(3),
        agent_median_seconds: z.number().int().min(1).max(86_400).default(360),
        sync_success_percent: z.number().min(0).max(100).default(99),
        /** Target order rate per first buying intent; an intent left out is not judged. */
        intent_conversion_percent: z
          .partialRecord(z.enum(BUYING_INTENTS), z.number().min(0).max(100))
          .default({ price_discount: 12 }),
        intent_conversion_min_contacts: z.number().int().min(1).max(1_000_000).default(20),
      })
      .strict()
      .default({
        complaint_rate_percent: 5,
        complaint_days: 3,
        agent_median_seconds: 360,
        sync_success_percent: 99,
        intent_conversion_percent: { price_discount: 12 },
        intent_conversion_min_contacts: 20,
      }),
    business_hours: businessHoursSchema.nullable().default(null),
  })
  .strict()

export type AnalyticsSettings = z.infer<typeof analyticsSettingsSchema>

/** The workspace's analytics settings, defaults filled in; a stored value that no longer parses reads as the defaults. */
export function analyticsOf(settings: Record<string, unknown>): AnalyticsSettings {
  const parsed = analyticsSettingsSchema.safeParse(settings.analytics ?? {})
  return parsed.success ? parsed.data : analyticsSettingsSchema.parse({})
}
