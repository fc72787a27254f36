import { and, asc, eq, ne } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { type Rule, rules } from '../../db/schema'
import { ConflictError, NotFoundError } from '../../lib/errors'
import { definitionOf, type RuleDefinition, type RuleInput, ruleDefinitionSchema } from './rule-definition'
import { ensureTags, seedDefaultPack } from './seed'

/** The workspace's rules as the API shows them: identity, ordering and the definition, flat. */
export type RuleView = Omit<RuleInput, 'cooldown_hours'> & {
  id: string
  builtin: boolean
  cooldown_hours: number | null
  created_at: string
  updated_at: string
}

export function toRuleView(r: Rule): RuleView {
  // Stored definitions were validated on the way in; parsing again fills defaults added since.
  const parsed = ruleDefinitionSchema.safeParse(r.definition)
  const d = (parsed.success ? parsed.data : r.definition) as RuleDefinition
  return {
    id: r.id,
    key: r.key,
    name: r.name,
    description: r.description,
    enabled: r.enabled,
    position: r.position,
    builtin: r.builtin,
    trigger: d.trigger,
    conditions: d.conditions,
    actions: d.actions,
    once_per_contact: d.once_per_contact,
    cooldown_hours: d.cooldown_hours ?? null,
    stop: d.stop,
    created_at: r.createdAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
  }
}

export async function listRules(db: Database, workspaceId: string): Promise<RuleView[]> {
  const rows = await db
    .select()
    .from(rules)
    .where(eq(rules.workspaceId, workspaceId))
    .orderBy(asc(rules.position), asc(rules.key))
  return rows.map(toRuleView)
}

export async function getRule(db: Database, workspaceId: string, id: string): Promise<RuleView> {
  return toRuleView(await findRule(db, workspaceId, id))
}

export async function findRule(db: Database, workspaceId: string, id: string): Promise<Rule> {
  const [row] = await db
    .select()
    .from(rules)
    .where(and(eq(rules.workspaceId, workspaceId), eq(rules.id, id)))
  if (!row) throw new NotFoundError('No such rule in this workspace.')
  return row
}

const keyTaken = (key: string) =>
  new ConflictError(`A rule with key "${key}" already exists in this workspace.`)

export async function createRule(db: Database, workspaceId: string, input: RuleInput): Promise<RuleView> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(rules)
      .values({
        workspaceId,
        key: input.key,
        name: input.name,
        description: input.description,
        enabled: input.enabled,
        position: input.position,
        definition: definitionOf(input) as Record<string, unknown>,
      })
      .onConflictDoNothing()
      .returning()
    if (!row) throw keyTaken(input.key)
    await ensureTags(tx, workspaceId, input.actions)
    return toRuleView(row)
  })
}

/** Replaces a rule; the next message (in any process) is evaluated with the new version. */
export async function updateRule(
  db: Database,
  workspaceId: string,
  id: string,
  input: RuleInput,
): Promise<RuleView> {
  return db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: rules.id })
      .from(rules)
      .where(and(eq(rules.workspaceId, workspaceId), eq(rules.key, input.key), ne(rules.id, id)))
    if (clash) throw keyTaken(input.key)
    const [row] = await tx
      .update(rules)
      .set({
        key: input.key,
        name: input.name,
        description: input.description,
        enabled: input.enabled,
        position: input.position,
        definition: definitionOf(input) as Record<string, unknown>,
        updatedAt: new Date(),
      })
      .where(and(eq(rules.workspaceId, workspaceId), eq(rules.id, id)))
      .returning()
    if (!row) throw new NotFoundError('No such rule in this workspace.')
    await ensureTags(tx, workspaceId, input.actions)
    return toRuleView(row)
  })
}

/** Deleting a rule also deletes its firings (cascade); tags and segments it set stay. */
export async function deleteRule(db: Database, workspaceId: string, id: string): Promise<void> {
  const gone = await db
    .delete(rules)
    .where(and(eq(rules.workspaceId, workspaceId), eq(rules.id, id)))
    .returning({ id: rules.id })
  if (gone.length === 0) throw new NotFoundError('No such rule in this workspace.')
}

/** Puts the default pack back as shipped; the workspace's own rules are left alone. */
export async function restoreDefaultRules(db: Database, workspaceId: string): Promise<RuleView[]> {
  await db.transaction((tx) => seedDefaultPack(tx, workspaceId, { restore: true }))
  return listRules(db, workspaceId)
}
