import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { quickReplies, rules, tags } from '../../db/schema'
import { languageKey } from '../../outbound/personalise/quick-reply-language'
import type { RuleAction } from '../actions'
import { DEFAULT_QUICK_REPLIES, DEFAULT_RULES, PACK_VERSION } from './default-pack'
import { definitionOf, ruleInputSchema } from './rule-definition'

/** Parsed once: a pack that does not validate fails at start (and in the tests), not per workspace. */
const PACK = DEFAULT_RULES.map((r) => ruleInputSchema.parse(r))

/**
 * Gives a workspace the default rules, the tags they set and the quick replies they send. Without
 * `restore` it only adds what is missing; with it, the pack's rules are put back as shipped
 * (enabled, original definition) while the workspace's own rules and quick replies stay as they are.
 */
export async function seedDefaultPack(
  tx: Executor,
  workspaceId: string,
  options: { restore?: boolean } = {},
) {
  const now = new Date()
  const values = PACK.map((input) => ({
    workspaceId,
    key: input.key,
    name: input.name,
    description: input.description,
    enabled: input.enabled,
    position: input.position,
    builtin: true,
    definition: definitionOf(input) as Record<string, unknown>,
    updatedAt: now,
  }))
  const insert = tx.insert(rules).values(values)
  if (options.restore)
    await insert.onConflictDoUpdate({
      target: [rules.workspaceId, rules.key],
      set: {
        name: sql`excluded.name`,
        description: sql`excluded.description`,
        enabled: true,
        position: sql`excluded.position`,
        builtin: true,
        definition: sql`excluded.definition`,
        updatedAt: now,
      },
    })
  else await insert.onConflictDoNothing()
  await ensureTags(
    tx,
    workspaceId,
    PACK.flatMap((r) => r.actions),
  )
  await tx
    .insert(quickReplies)
    .values(
      DEFAULT_QUICK_REPLIES.flatMap((q) =>
        (['en', 'pt', 'es', 'zh'] as const).map((lang) => ({
          workspaceId,
          key: lang === 'en' ? q.key : languageKey(q.key, lang),
          title: lang === 'en' ? q.title : `${q.title} (${lang})`,
          body: q.body[lang],
          defaults: q.defaults[lang],
        })),
      ),
    )
    .onConflictDoNothing()
  await tx.execute(sql`
    update workspaces set settings = settings || ${JSON.stringify({
      rules_pack: { version: PACK_VERSION, seeded_at: now.toISOString() },
    })}::jsonb
    where id = ${workspaceId}`)
}

/** Tags a rule sets exist before it fires, with their labels (and never renamed here). */
export async function ensureTags(tx: Executor, workspaceId: string, actions: RuleAction[]): Promise<void> {
  const wanted = new Map<string, string>()
  for (const a of actions) if (a.type === 'add_tag' && !wanted.has(a.tag)) wanted.set(a.tag, a.label ?? a.tag)
  if (wanted.size === 0) return
  await tx
    .insert(tags)
    .values([...wanted].map(([key, label]) => ({ workspaceId, key, label })))
    .onConflictDoNothing()
}
