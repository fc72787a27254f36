import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import type { ContactAttributes, Priority, Segment } from '../../db/schema'

/**
 * The contact as rules see it, plus the engine's memory of earlier firings and open follow-up
 * tasks. Each is one statement for a whole batch of contacts; the engine then changes these copies
 * as rules fire, so a later rule (or the person's next message in the batch) sees the effect.
 */

export interface ContactState {
  id: string
  workspaceId: string
  segment: Segment | null
  priority: Priority
  optIn: string
  language: string | null
  sentiment: number | null
  activityScore: number | null
  inquiryFrequency: number | null
  messages30d: number | null
  attributes: ContactAttributes
  tags: Set<string>
  lastInboundAt: number | null
  pausedUntil: number | null
  churnRiskAt: number | null
}

type ContactRow = {
  id: string
  workspace_id: string
  segment: Segment | null
  priority: Priority
  opt_in_status: string
  language: string | null
  sentiment: number | null
  activity_score: number | null
  inquiry_frequency: number | null
  messages_30d: number | null
  attributes: ContactAttributes | null
  tags: string[] | null
  last_inbound_at: string | Date | null
  automation_paused_until: string | Date | null
  churn_risk_at: string | Date | null
}

const ms = (v: string | Date | null) => (v === null ? null : new Date(v).getTime())
const num = (v: number | string | null) => (v === null ? null : Number(v))

export async function loadContactStates(
  tx: Executor,
  contactIds: string[],
): Promise<Map<string, ContactState>> {
  if (contactIds.length === 0) return new Map()
  const rows = await queryRows<ContactRow>(
    tx,
    sql`
    select c.id, c.workspace_id, c.segment, c.priority, c.opt_in_status, c.language, c.sentiment,
      c.activity_score, c.inquiry_frequency, c.messages_30d, c.attributes, c.last_inbound_at,
      c.automation_paused_until, c.churn_risk_at,
      array(select t.key from contact_tags ct join tags t on t.id = ct.tag_id where ct.contact_id = c.id) as tags
    from contacts c
    where c.id in (select jsonb_array_elements_text(${JSON.stringify(contactIds)}::jsonb)::uuid)`,
  )
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        workspaceId: r.workspace_id,
        segment: r.segment,
        priority: r.priority,
        optIn: r.opt_in_status,
        language: r.language,
        sentiment: num(r.sentiment),
        activityScore: num(r.activity_score),
        inquiryFrequency: num(r.inquiry_frequency),
        messages30d: num(r.messages_30d),
        attributes: r.attributes ?? {},
        tags: new Set(r.tags ?? []),
        lastInboundAt: ms(r.last_inbound_at),
        pausedUntil: ms(r.automation_paused_until),
        churnRiskAt: ms(r.churn_risk_at),
      },
    ]),
  )
}

/** Per (rule, contact): when the rule last fired for them. Backs once-per-contact and cool-downs. */
export class FiringMemory {
  private readonly last = new Map<string, number>()
  private readonly openTasks = new Map<string, number[]>()

  static key = (ruleId: string, contactId: string) => `${ruleId}|${contactId}`

  lastFired(ruleId: string, contactId: string): number | undefined {
    return this.last.get(FiringMemory.key(ruleId, contactId))
  }

  remember(ruleId: string, contactId: string, at: number): void {
    const k = FiringMemory.key(ruleId, contactId)
    this.last.set(k, Math.max(at, this.last.get(k) ?? Number.NEGATIVE_INFINITY))
  }

  /** Creation times of the open follow-up tasks a rule made for a contact. */
  tasks(ruleId: string, contactId: string): number[] {
    return this.openTasks.get(FiringMemory.key(ruleId, contactId)) ?? []
  }

  addTask(ruleId: string, contactId: string, at: number): void {
    const k = FiringMemory.key(ruleId, contactId)
    this.openTasks.set(k, [...(this.openTasks.get(k) ?? []), at])
  }
}

/** Loads what `FiringMemory` needs for these contacts and rules: two small statements. */
export async function loadFiringMemory(
  tx: Executor,
  contactIds: string[],
  rules: { id: string; remembers: boolean; createsTasks: boolean }[],
): Promise<FiringMemory> {
  const memory = new FiringMemory()
  const remembering = rules.filter((r) => r.remembers).map((r) => r.id)
  const tasking = rules.filter((r) => r.createsTasks).map((r) => r.id)
  const ids = JSON.stringify(contactIds)
  if (contactIds.length > 0 && remembering.length > 0) {
    const rows = await queryRows<{ rule_id: string; contact_id: string; at: string | Date }>(
      tx,
      sql`
      select rule_id, contact_id, max(created_at) as at from rule_firings
      where contact_id in (select jsonb_array_elements_text(${ids}::jsonb)::uuid)
        and rule_id in (select jsonb_array_elements_text(${JSON.stringify(remembering)}::jsonb)::uuid)
      group by rule_id, contact_id`,
    )
    for (const r of rows) memory.remember(r.rule_id, r.contact_id, new Date(r.at).getTime())
  }
  if (contactIds.length > 0 && tasking.length > 0) {
    const rows = await queryRows<{ rule_id: string; contact_id: string; created_at: string | Date }>(
      tx,
      sql`
      select rule_id, contact_id, created_at from follow_up_tasks
      where status = 'open'
        and contact_id in (select jsonb_array_elements_text(${ids}::jsonb)::uuid)
        and rule_id in (select jsonb_array_elements_text(${JSON.stringify(tasking)}::jsonb)::uuid)`,
    )
    for (const r of rows) memory.addTask(r.rule_id, r.contact_id, new Date(r.created_at).getTime())
  }
  return memory
}
