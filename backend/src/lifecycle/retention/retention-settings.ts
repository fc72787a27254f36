import { z } from 'zod'

export const RETENTION_DEFAULT_DAYS = 365
/** The brief's floor: chat history stays in the hot tables (and synced) for at least 180 days. */
export const RETENTION_MIN_DAYS = 180
export const RETENTION_MAX_DAYS = 3650

/**
 * How long a workspace's messages stay in the hot tables before the daily archive job moves them
 * into the month's archive file (stored in `workspaces.settings.retention`).
 */
export const retentionSettingsSchema = z
  .object({
    days: z
      .number()
      .int()
      .min(RETENTION_MIN_DAYS, { message: `at least ${RETENTION_MIN_DAYS} days` })
      .max(RETENTION_MAX_DAYS, { message: `at most ${RETENTION_MAX_DAYS} days` })
      .default(RETENTION_DEFAULT_DAYS),
  })
  .strict()

export type RetentionSettings = z.output<typeof retentionSettingsSchema>

export function retentionOf(settings: Record<string, unknown>): RetentionSettings {
  const parsed = retentionSettingsSchema.safeParse(settings.retention ?? {})
  return parsed.success ? parsed.data : retentionSettingsSchema.parse({})
}

/**
 * Messages sent before this instant are past retention: the start of the UTC day `days` days
 * before `now`, so a whole day is archived at once and a message sent at the boundary stays.
 */
export function retentionCutoff(days: number, now: Date): Date {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  return new Date(day - days * 86_400_000)
}
