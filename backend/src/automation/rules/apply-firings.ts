import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import type { InsightReason } from '../../db/schema'
import { ruleFirings } from '../../lib/metrics'
import { isJobAction } from '../actions'
import type { Firing } from './engine'

/**
 * Writes a batch of firings in a handful of statements: the firings themselves (the audit trail
 * and the once/cool-down memory), then tags, contact fields, follow-up tasks and queued jobs.
 * Only firings whose row was actually inserted take effect: if another transaction recorded the
 * same (rule, contact, dedupe key) first, this one's actions are dropped.
 */
export async function applyFirings(tx: Executor, firings: Firing[]): Promise<Firing[]> {
  if (firings.length === 0) return []
  const stored = await insertFirings(tx, firings)
  const applied = firings.filter((f) => stored.has(`${f.rule.id}|${f.contactId}|${f.dedupeKey}`))
  if (applied.length === 0) return []
  await applyTags(tx, applied)
  await applyContactFields(tx, applied)
  await insertTasks(tx, applied)
  await insertJobs(tx, applied)
  return applied
}

export const reasonOf = (f: Firing): InsightReason => ({
  ruleId: f.rule.id,
  ruleKey: f.rule.key,
  messageIds: f.messageIds,
  note: f.explanation,
})

const iso = (ms: number) => new Date(ms).toISOString()

async function insertFirings(tx: Executor, firings: Firing[]): Promise<Set<string>> {
  const values = firings.map((f) => ({
    workspace_id: f.workspaceId,
    rule_id: f.rule.id,
    contact_id: f.contactId,
    message_ids: f.messageIds,
    explanation: f.explanation,
    actions: f.actions,
    dedupe_key: f.dedupeKey,
    fired_at: iso(f.at),
  }))
  const rows = await queryRows<{ rule_id: string; contact_id: string; dedupe_key: string }>(
    tx,
    sql`
    insert into rule_firings (workspace_id, rule_id, contact_id, message_ids, explanation, actions, dedupe_key, created_at)
    select * from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(workspace_id uuid, rule_id uuid,
      contact_id uuid, message_ids jsonb, explanation text, actions jsonb, dedupe_key text, fired_at timestamptz)
    on conflict (rule_id, contact_id, dedupe_key) do nothing
    returning rule_id, contact_id, dedupe_key`,
  )
  ruleFirings.inc(rows.length)
  return new Set(rows.map((r) => `${r.rule_id}|${r.contact_id}|${r.dedupe_key}`))
}

/** The last add or remove of each (contact, tag) in the batch wins. */
async function applyTags(tx: Executor, firings: Firing[]): Promise<void> {
  const net = new Map<
    string,
    {
      workspace_id: string
      contact_id: string
      key: string
      label: string
      add: boolean
      reason: InsightReason
    }
  >()
  for (const f of firings) {
    for (const a of f.actions) {
      if (a.type !== 'add_tag' && a.type !== 'remove_tag') continue
      net.set(`${f.contactId}|${a.tag}`, {
        workspace_id: f.workspaceId,
        contact_id: f.contactId,
        key: a.tag,
        label: a.type === 'add_tag' ? (a.label ?? a.tag) : a.tag,
        add: a.type === 'add_tag',
        reason: reasonOf(f),
      })
    }
  }
  const adds = [...net.values()].filter((t) => t.add)
  const removes = [...net.values()].filter((t) => !t.add)
  if (adds.length > 0) {
    // Tags usually exist (seeded with their rules); creating one is the rare case.
    await tx.execute(sql`
      insert into tags (workspace_id, key, label)
      select distinct v.workspace_id, v.key, v.label
      from jsonb_to_recordset(${JSON.stringify(adds)}::jsonb) as v(workspace_id uuid, key text, label text)
      where not exists (select 1 from tags t where t.workspace_id = v.workspace_id and t.key = v.key)
      on conflict do nothing`)
    await tx.execute(sql`
      insert into contact_tags (workspace_id, contact_id, tag_id, source, reason)
      select v.workspace_id, v.contact_id, t.id, 'rule', v.reason
      from jsonb_to_recordset(${JSON.stringify(adds)}::jsonb) as v(workspace_id uuid, contact_id uuid, key text, reason jsonb)
      join tags t on t.workspace_id = v.workspace_id and t.key = v.key
      order by v.contact_id, t.id
      on conflict do nothing`)
  }
  if (removes.length > 0) {
    await tx.execute(sql`
      delete from contact_tags ct
      using jsonb_to_recordset(${JSON.stringify(removes)}::jsonb) as v(workspace_id uuid, contact_id uuid, key text), tags t
      where t.workspace_id = v.workspace_id and t.key = v.key and ct.contact_id = v.contact_id and ct.tag_id = t.id`)
  }
}

type FieldChanges = {
  id: string
  segment: string | null
  segment_set: boolean
  segment_reason: InsightReason | null
  segment_at: string | null
  priority: string | null
  priority_reason: InsightReason | null
  paused_until: string | null
  churn_set: boolean
  churn_at: string | null
  churn_reason: InsightReason | null
}

async function applyContactFields(tx: Executor, firings: Firing[]): Promise<void> {
  const byContact = new Map<string, FieldChanges>()
  for (const f of firings) {
    for (const a of f.actions) {
      if (isJobAction(a) || a.type === 'add_tag' || a.type === 'remove_tag' || a.type === 'create_task')
        continue
      const row: FieldChanges = byContact.get(f.contactId) ?? {
        id: f.contactId,
        segment: null,
        segment_set: false,
        segment_reason: null,
        segment_at: null,
        priority: null,
        priority_reason: null,
        paused_until: null,
        churn_set: false,
        churn_at: null,
        churn_reason: null,
      }
      if (a.type === 'set_segment') {
        Object.assign(row, {
          segment: a.segment,
          segment_set: true,
          segment_reason: reasonOf(f),
          segment_at: iso(f.at),
        })
      } else if (a.type === 'set_priority') {
        Object.assign(row, { priority: a.priority, priority_reason: reasonOf(f) })
      } else if (a.type === 'pause_automation') {
        const until = iso(f.at + a.hours * 3_600_000)
        if (!row.paused_until || row.paused_until < until) row.paused_until = until
      } else if (a.type === 'set_churn_risk') {
        Object.assign(row, {
          churn_set: true,
          churn_at: a.at_risk ? iso(f.at) : null,
          churn_reason: a.at_risk ? reasonOf(f) : null,
        })
      }
      byContact.set(f.contactId, row)
    }
  }
  if (byContact.size === 0) return
  const values = [...byContact.values()].sort((a, b) => a.id.localeCompare(b.id))
  const churn = values.filter((v) => v.churn_set)
  // Only a real change of state is history: marking a contact already at risk again is not.
  const churnChanged =
    churn.length === 0
      ? []
      : await queryRows<{ id: string }>(
          tx,
          sql`select c.id from contacts c
                join jsonb_to_recordset(${JSON.stringify(churn)}::jsonb) as v(id uuid, churn_at timestamptz)
                  on v.id = c.id
               where (c.churn_risk_at is null) <> (v.churn_at is null)`,
        )
  await tx.execute(sql`
    update contacts c set
      segment = case when v.segment_set then v.segment else c.segment end,
      segment_reason = case when v.segment_set then v.segment_reason else c.segment_reason end,
      segment_at = case when v.segment_set then v.segment_at else c.segment_at end,
      priority = coalesce(v.priority, c.priority),
      priority_reason = case when v.priority is not null then v.priority_reason else c.priority_reason end,
      automation_paused_until = case when v.paused_until is null then c.automation_paused_until
        else greatest(c.automation_paused_until, v.paused_until) end,
      churn_risk_at = case when v.churn_set then v.churn_at else c.churn_risk_at end,
      churn_risk_reason = case when v.churn_set then v.churn_reason else c.churn_risk_reason end,
      updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(id uuid, segment text, segment_set boolean,
      segment_reason jsonb, segment_at timestamptz, priority text, priority_reason jsonb, paused_until timestamptz,
      churn_set boolean, churn_at timestamptz, churn_reason jsonb)
    where c.id = v.id`)
  if (churnChanged.length > 0) await recordChurnChanges(tx, firings, new Set(churnChanged.map((r) => r.id)))
}

/** One history row per contact whose churn mark changed, at the firing that changed it. */
async function recordChurnChanges(tx: Executor, firings: Firing[], changed: Set<string>): Promise<void> {
  const last = new Map<
    string,
    { workspace_id: string; contact_id: string; at: string; at_risk: boolean; reason: InsightReason }
  >()
  for (const f of firings)
    for (const a of f.actions)
      if (a.type === 'set_churn_risk' && changed.has(f.contactId))
        last.set(f.contactId, {
          workspace_id: f.workspaceId,
          contact_id: f.contactId,
          at: iso(f.at),
          at_risk: a.at_risk,
          reason: reasonOf(f),
        })
  if (last.size === 0) return
  await tx.execute(sql`
    insert into churn_risk_changes (workspace_id, contact_id, at, at_risk, reason)
    select * from jsonb_to_recordset(${JSON.stringify([...last.values()])}::jsonb)
      as v(workspace_id uuid, contact_id uuid, at timestamptz, at_risk boolean, reason jsonb)`)
}

async function insertTasks(tx: Executor, firings: Firing[]): Promise<void> {
  const values = firings.flatMap((f) =>
    f.actions.flatMap((a) =>
      a.type === 'create_task'
        ? [
            {
              workspace_id: f.workspaceId,
              contact_id: f.contactId,
              rule_id: f.rule.id,
              title: a.title,
              body: a.body,
              priority: a.priority,
              due_at: iso(f.at + a.due_in_days * 86_400_000),
              reason: reasonOf(f),
              created_at: iso(f.at),
            },
          ]
        : [],
    ),
  )
  if (values.length === 0) return
  await tx.execute(sql`
    insert into follow_up_tasks (workspace_id, contact_id, rule_id, title, body, priority, due_at, reason, created_at, updated_at)
    select v.*, v.created_at from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(workspace_id uuid,
      contact_id uuid, rule_id uuid, title text, body text, priority text, due_at timestamptz, reason jsonb,
      created_at timestamptz)`)
}

async function insertJobs(tx: Executor, firings: Firing[]): Promise<void> {
  const values = firings.flatMap((f) =>
    f.actions.filter(isJobAction).map((action) => ({
      workspace_id: f.workspaceId,
      contact_id: f.contactId,
      rule_id: f.rule.id,
      message_id: f.messageId,
      action,
    })),
  )
  if (values.length === 0) return
  await tx.execute(sql`
    insert into automation_jobs (workspace_id, contact_id, rule_id, message_id, action)
    select * from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(workspace_id uuid, contact_id uuid,
      rule_id uuid, message_id bigint, action jsonb)`)
}
