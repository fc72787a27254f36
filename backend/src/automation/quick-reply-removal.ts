import { and, eq } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { quickReplies } from '../db/schema'
import { ConflictError, NotFoundError } from '../lib/errors'
import { ruleList, rulesReferencing } from './rules/rule-references'

/**
 * Removes a quick reply no rule sends. A rule naming it would otherwise fail at every firing
 * (quick_reply_not_found), so the admin changes or deletes those rules first. Language variants
 * (`<key>_pt`) are separate replies: removing one only makes its contacts get the base key.
 */
export async function deleteQuickReply(db: Executor, workspaceId: string, key: string): Promise<void> {
  const users = await rulesReferencing(db, workspaceId, 'quick_reply', key)
  if (users.length > 0)
    throw new ConflictError(
      `Quick reply "${key}" is sent by ${users.length === 1 ? 'rule' : 'rules'} ${ruleList(users)}; change or delete ${users.length === 1 ? 'that rule' : 'those rules'} first.`,
    )
  const deleted = await db
    .delete(quickReplies)
    .where(and(eq(quickReplies.workspaceId, workspaceId), eq(quickReplies.key, key)))
    .returning({ id: quickReplies.id })
  if (deleted.length === 0) throw new NotFoundError(`There is no quick reply "${key}" in this workspace.`)
}
