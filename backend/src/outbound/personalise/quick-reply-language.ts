import { and, eq, inArray } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { type QuickReply, quickReplies } from '../../db/schema'

/**
 * A quick reply has one body, so a workspace that answers in several languages keeps one quick
 * reply per language under a suffixed key: `store_location` (the fallback, English in the default
 * pack), `store_location_pt`, `store_location_es`, `store_location_zh`. Rules name the base key;
 * whoever sends picks the variant in the contact's language (contacts.language, the language of
 * their latest clear message) and falls back to the base key.
 */

export const languageKey = (key: string, language: string) => `${key}_${language}`

/** Keys to try, best first. */
export function quickReplyCandidates(key: string, language: string | null | undefined): string[] {
  const lang = /^([a-z]{2})(?:[-_][a-z0-9]+)?$/i.exec(language?.trim() ?? '')?.[1]?.toLowerCase()
  return lang ? [languageKey(key, lang), key] : [key]
}

/** The quick reply to send for `key` to someone writing in `language`, or null when none exists. */
export async function resolveQuickReply(
  db: Executor,
  workspaceId: string,
  key: string,
  language: string | null | undefined,
): Promise<QuickReply | null> {
  const candidates = quickReplyCandidates(key, language)
  const rows = await db
    .select()
    .from(quickReplies)
    .where(and(eq(quickReplies.workspaceId, workspaceId), inArray(quickReplies.key, candidates)))
  for (const k of candidates) {
    const hit = rows.find((r) => r.key === k)
    if (hit) return hit
  }
  return null
}
