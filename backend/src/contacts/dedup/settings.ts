import { z } from 'zod'

/**
 * Per-workspace thresholds (workspace settings `dedup`). A pair at or above `review_score` is
 * proposed; at or above `auto_merge_score` and proven by an exact identity (phone, BSUID, email)
 * it is merged without a person. `auto_merge_score` above 1 turns automatic merges off.
 */
export const dedupSettingsSchema = z.object({
  review_score: z.number().min(0.3).max(1).default(0.6),
  auto_merge_score: z.number().min(0.6).max(1.01).default(0.99),
})
export type DedupSettings = z.infer<typeof dedupSettingsSchema>

export const DEFAULT_DEDUP_SETTINGS: DedupSettings = dedupSettingsSchema.parse({})

export function dedupSettingsOf(settings: Record<string, unknown> | null | undefined): DedupSettings {
  const parsed = dedupSettingsSchema.safeParse((settings as { dedup?: unknown } | null)?.dedup ?? {})
  return parsed.success ? parsed.data : DEFAULT_DEDUP_SETTINGS
}
