import { and, desc, eq, lt, type SQL } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { type AutomationJobState, automationJobs, rules } from '../../db/schema'

export interface AutomationRun {
  id: string
  contact_id: string
  rule_id: string | null
  rule_key: string | null
  message_id: string | null
  action_type: string | null
  action: Record<string, unknown>
  state: AutomationJobState
  attempts: number
  /** The refusal reason (`automation_paused`, `cap_exceeded:same_content` ...) or failure code. */
  outcome: string | null
  result: Record<string, unknown> | null
  created_at: string
  run_after: string
  finished_at: string | null
}

/** A workspace's automation jobs, newest first, a page at a time (`before`: the last id seen). */
export async function listAutomationRuns(
  db: Executor,
  workspaceId: string,
  filter: {
    contactId?: string
    state?: AutomationJobState
    ruleKey?: string
    before?: number
    limit: number
  },
): Promise<{ runs: AutomationRun[]; next: string | null }> {
  const where: SQL[] = [eq(automationJobs.workspaceId, workspaceId)]
  if (filter.contactId) where.push(eq(automationJobs.contactId, filter.contactId))
  if (filter.state) where.push(eq(automationJobs.state, filter.state))
  if (filter.ruleKey) where.push(eq(rules.key, filter.ruleKey))
  if (filter.before !== undefined) where.push(lt(automationJobs.id, filter.before))
  const rows = await db
    .select({ job: automationJobs, ruleKey: rules.key })
    .from(automationJobs)
    .leftJoin(rules, eq(rules.id, automationJobs.ruleId))
    .where(and(...where))
    .orderBy(desc(automationJobs.id))
    .limit(filter.limit + 1)
  const page = rows.slice(0, filter.limit)
  return {
    runs: page.map(({ job, ruleKey }) => ({
      id: String(job.id),
      contact_id: job.contactId,
      rule_id: job.ruleId,
      rule_key: ruleKey,
      message_id: job.messageId === null ? null : String(job.messageId),
      action_type: typeof job.action.type === 'string' ? job.action.type : null,
      action: job.action,
      state: job.state,
      attempts: job.attempts,
      outcome: job.outcome,
      result: job.result,
      created_at: job.createdAt.toISOString(),
      run_after: job.runAfter.toISOString(),
      finished_at: job.finishedAt?.toISOString() ?? null,
    })),
    next: rows.length > filter.limit ? String(page.at(-1)?.job.id) : null,
  }
}
