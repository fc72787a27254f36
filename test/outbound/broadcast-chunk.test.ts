import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import type { Contact } from '../../backend/src/db/schema'
import { queueBroadcastChunk } from '../../backend/src/outbound/broadcast-chunk'
import { buildSend } from '../../backend/src/outbound/build-request'
import { enqueueSend } from '../../backend/src/outbound/enqueue'
import { SendRefused } from '../../backend/src/outbound/refusal'
import { registerTemplate, templateContent } from '../support/conversation'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../support/test-runtime'

const HOUR = 3_600_000
const POPULATION = 240

/**
 * The chunked expansion must give every recipient the decision the per-recipient path
 * (enqueueSend, one transaction each) gives it. A mixed population covers every rule a broadcast
 * can meet; both paths run on the same rows (the per-recipient run's jobs are removed again in
 * between) and their decisions and written jobs are compared one by one.
 */
describe.each(ENGINES)('broadcast chunk policy on %s', (engine) => {
  let rt: TestRuntime
  let workspaceId: string
  let channelId: string
  let population: string[]

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    const channel = await (await registerChannel(rt, NUMBER_A, 'BR')).json()
    channelId = channel.channel.id
    const [ws] = await queryRows<{ id: string }>(rt.db.db, sql`select id from workspaces limit 1`)
    workspaceId = ws?.id as string
    await registerTemplate(rt, 'promo', 'marketing', 'Sale today')
    await registerTemplate(rt, 'notice', 'utility', 'Your order')
    population = await seedPopulation()
  }, 120_000)
  afterAll(async () => rt?.close())

  /** Contacts whose index decides which rules they meet; several rules overlap on purpose. */
  async function seedPopulation(): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      rt.db.db,
      sql`insert into contacts (workspace_id, phone_e164, wa_id, bsuid, opt_in_status, unreachable_at,
                                marketing_opt_out_at, automation_paused_until, last_inbound_at)
          select ${workspaceId}::uuid,
                 case when g % 19 = 0 then null when g % 9 = 0 then '+1202555' || lpad(g::text, 4, '0')
                      else '+55119800' || lpad(g::text, 5, '0') end,
                 case when g % 19 = 0 or g % 9 = 0 then null else '55119800' || lpad(g::text, 5, '0') end,
                 case when g % 38 = 0 then 'BR.' || g else null end,
                 case when g % 11 = 0 then 'opted_out' when g % 5 = 0 then 'opted_in' else 'unknown' end,
                 case when g % 13 = 0 then now() end,
                 case when g % 7 = 0 then now() - interval '3 days' end,
                 case when g % 17 = 0 then now() + interval '2 hours' when g % 16 = 0 then now() - interval '1 hour' end,
                 case when g % 23 = 0 then now() - interval '1 hour' end
          from generate_series(1, ${POPULATION}) g
          returning id`,
    )
    // Sends the caps count (and ones they must not: failed, or too old).
    const ids = rows.map((r) => r.id)
    const promoHash = await hashOf('promo')
    const noticeHash = await hashOf('notice')
    for (const [n, id] of ids.entries()) {
      if (n % 3 === 0) await history(id, 'marketing', 'other', 2 * 24 * HOUR)
      if (n % 4 === 0) await history(id, 'utility', 'other', 2 * HOUR)
      if (n % 6 === 0) await history(id, 'utility', 'other', 2 * HOUR, 'failed')
      if (n % 8 === 0) await history(id, 'marketing', 'other', 9 * 24 * HOUR)
      if (n % 10 === 0) for (let k = 0; k < 5; k++) await history(id, 'utility', noticeHash, (30 + k) * HOUR)
      if (n % 14 === 0)
        for (let k = 0; k < 5; k++) await history(id, 'marketing', promoHash, (8 + k) * 24 * HOUR)
    }
    // Another workspace's contact and an id nobody has: refused as unknown recipients.
    const [other] = await queryRows<{ id: string }>(
      rt.db.db,
      sql`with w as (insert into workspaces (name) values ('Other') returning id)
          insert into contacts (workspace_id, phone_e164, wa_id) select id, '+5511977770000', '5511977770000' from w
          returning id`,
    )
    return [...ids, other?.id as string, randomUUID()]
  }

  async function hashOf(template: string): Promise<string> {
    const built = await buildSend(rt.db.db, workspaceId, {} as Contact, templateContent(template))
    return built.contentHash
  }

  async function history(
    contactId: string,
    category: string,
    contentHash: string,
    agoMs: number,
    state = 'sent',
    broadcastId: string | null = null,
  ) {
    const at = new Date(Date.now() - agoMs).toISOString()
    await rt.db.db.execute(
      sql`with m as (insert into messages (workspace_id, channel_id, contact_id, direction, type, status, sender, sent_at)
                     values (${workspaceId}, ${channelId}, ${contactId}, 'outbound', 'template', ${state}, 'automation', ${at}::timestamptz)
                     returning id)
          insert into send_jobs (workspace_id, message_id, channel_id, contact_id, recipient, kind, priority, category,
                                 content_hash, request, state, broadcast_id, created_at)
          select ${workspaceId}, m.id, ${channelId}, ${contactId}, '0', 'broadcast', 2, ${category},
                 ${contentHash}, '{}'::jsonb, ${state}, ${broadcastId}::uuid, ${at}::timestamptz from m`,
    )
  }

  type Decision = string
  interface JobRow {
    contact_id: string
    recipient: string
    category: string
    business_initiated: number
    content_hash: string
    priority: number
    kind: string
    state: string
    request: unknown
    text: string | null
    type: string
    status: string
  }

  const jobsOf = (broadcastId: string, afterId: number) =>
    queryRows<JobRow>(
      rt.db.db,
      sql`select j.contact_id, j.recipient, j.category, j.business_initiated, j.content_hash, j.priority, j.kind,
                 j.state, j.request, m.text, m.type, m.status
          from send_jobs j join messages m on m.id = j.message_id
          where j.broadcast_id = ${broadcastId} and j.id > ${afterId} order by j.contact_id`,
    )
  const lastJobId = async () =>
    (await queryRows<{ id: number }>(rt.db.db, sql`select coalesce(max(id), 0)::int as id from send_jobs`))[0]
      ?.id ?? 0

  /** Runs both paths over `ids` for one broadcast; returns both decision maps and job lists. */
  async function bothPaths(template: string, ids: string[], broadcastId = randomUUID()) {
    const content = templateContent(template)
    const before = await lastJobId()
    const perRecipient = new Map<string, Decision>()
    for (const contactId of ids) {
      try {
        await enqueueSend(rt.db.db, {
          workspaceId,
          contactId,
          channelId,
          content,
          kind: 'broadcast',
          broadcastId,
        })
        perRecipient.set(contactId, 'queued')
      } catch (error) {
        if (!(error instanceof SendRefused)) throw error
        perRecipient.set(contactId, error.refusal)
      }
    }
    const oldJobs = await jobsOf(broadcastId, before)
    // Back to the same rows: the per-recipient run's messages go, and their jobs with them.
    await rt.db.db.execute(
      sql`delete from messages where id in (select message_id from send_jobs where broadcast_id = ${broadcastId} and id > ${before})`,
    )
    const decisions = await rt.db.db.transaction((tx) =>
      queueBroadcastChunk(tx, { workspaceId, channelId, broadcastId, content, contactIds: ids }),
    )
    const chunked = new Map<string, Decision>(
      decisions.map((d) => [d.contactId, d.outcome === 'queued' ? 'queued' : d.refusal]),
    )
    const newJobs = await jobsOf(broadcastId, before)
    return { perRecipient, chunked, oldJobs, newJobs, broadcastId }
  }

  const tally = (m: Map<string, Decision>) => {
    const out: Record<string, number> = {}
    for (const d of m.values()) out[d] = (out[d] ?? 0) + 1
    return out
  }

  it('decides a marketing broadcast exactly as the per-recipient policy does', async () => {
    // Some recipients already have this broadcast (queued days ago, as a utility send so that
    // not every one of them meets a cap first): duplicates, or refused by another rule before.
    const broadcastId = randomUUID()
    for (const id of population.slice(0, POPULATION).filter((_, n) => n % 15 === 1))
      await history(id, 'utility', 'seen', 3 * 24 * HOUR, 'sent', broadcastId)
    const r = await bothPaths('promo', population, broadcastId)
    expect([...r.chunked.entries()]).toEqual([...r.perRecipient.entries()])
    expect(r.newJobs).toEqual(r.oldJobs)
    const reasons = tally(r.chunked)
    // The population really meets the rules (a test over one outcome would prove nothing).
    expect(Object.keys(reasons).sort()).toEqual(
      [
        'automation_paused',
        'broadcast_duplicate',
        'cap_exceeded:marketing_weekly',
        'cap_exceeded:no_opt_in_daily_template',
        'cap_exceeded:same_content',
        'contact_unreachable',
        'invalid_recipient',
        'marketing_blocked_us',
        'marketing_opted_out',
        'opted_out',
        'queued',
      ].sort(),
    )
    expect(reasons.queued).toBe(r.newJobs.length)
    expect(reasons.queued).toBeGreaterThan(20)
  })

  it('decides a utility broadcast exactly as the per-recipient policy does', async () => {
    const r = await bothPaths('notice', population)
    expect([...r.chunked.entries()]).toEqual([...r.perRecipient.entries()])
    expect(r.newJobs).toEqual(r.oldJobs)
    const reasons = tally(r.chunked)
    expect(reasons).toHaveProperty('cap_exceeded:same_content')
    expect(reasons).toHaveProperty('cap_exceeded:no_opt_in_daily_template')
    expect(reasons).not.toHaveProperty('marketing_blocked_us')
    expect(reasons.queued).toBe(r.newJobs.length)
    // Inside the window a send is not business-initiated; outside it is.
    expect(new Set(r.newJobs.map((j) => j.business_initiated))).toEqual(new Set([0, 1]))
  })

  it('refuses every recipient alike when the number is paused or the template is not approved', async () => {
    // The first 30 (one without any WhatsApp id) plus another workspace's contact and a stranger.
    const sample = [...population.slice(0, 30), ...population.slice(-2)]
    await rt.db.db.execute(
      sql`update whatsapp_channels set paused_until = now() + interval '1 hour', paused_reason = 'quality' where id = ${channelId}`,
    )
    try {
      const paused = await bothPaths('notice', sample)
      expect([...paused.chunked.entries()]).toEqual([...paused.perRecipient.entries()])
      expect(new Set(paused.chunked.values())).toEqual(new Set(['channel_paused', 'invalid_recipient']))
    } finally {
      await rt.db.db.execute(sql`update whatsapp_channels set paused_until = null where id = ${channelId}`)
    }
    await rt.db.db.execute(sql`update message_templates set status = 'PAUSED' where name = 'notice'`)
    const unapproved = await bothPaths('notice', sample)
    expect([...unapproved.chunked.entries()]).toEqual([...unapproved.perRecipient.entries()])
    expect(new Set(unapproved.chunked.values())).toEqual(new Set(['unknown_template', 'invalid_recipient']))
    expect(unapproved.newJobs).toEqual([])
  })
})
