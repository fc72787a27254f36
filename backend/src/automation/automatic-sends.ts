import { sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'

/**
 * Whether the shipped rule pack may write to customers by itself. A new workspace's default rules
 * tag, segment, create tasks and suggest replies from the first message, but their *sends* (auto
 * replies, discount codes, order answers, win-back templates) wait until an admin switches them
 * on: connecting a number must never start answering real customers unannounced. Rules an admin
 * writes are theirs and send as written. Stored in `workspaces.settings.automation`; workspaces
 * that existed before the switch were migrated with it on (they were already sending).
 */
export const automationSettingsSchema = z
  .object({
    /** The default pack's send actions run (true) or are recorded as refused (false). */
    default_pack_sends: z.boolean().default(false),
  })
  .strict()
export type AutomationSettings = z.output<typeof automationSettingsSchema>

export function automationOf(settings: Record<string, unknown>): AutomationSettings {
  const parsed = automationSettingsSchema.safeParse(settings.automation ?? {})
  return parsed.success ? parsed.data : automationSettingsSchema.parse({})
}

export const AUTOMATIC_SENDS_OFF = 'automatic_sends_off'

/**
 * Null when the job's send may go; otherwise the sentence its run records. Only a job fired by a
 * built-in rule is held back, and only while the workspace has the pack's sends switched off.
 */
export async function packSendHeldBack(
  db: Executor,
  job: { workspaceId: string; ruleId: string | null },
): Promise<string | null> {
  if (!job.ruleId) return null
  const [row] = await queryRows<{ builtin: boolean; settings: Record<string, unknown> }>(
    db,
    sql`select r.builtin, w.settings from rules r join workspaces w on w.id = r.workspace_id
        where r.id = ${job.ruleId} and r.workspace_id = ${job.workspaceId}`,
  )
  if (!row?.builtin || automationOf(row.settings).default_pack_sends) return null
  return 'Automatic sends from the default rules are off for this workspace: nothing was sent. An admin switches them on in the console (Rules) or with PUT /api/v1/settings/automation.'
}
