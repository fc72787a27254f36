import { and, eq, inArray, sql } from 'drizzle-orm'
import { evaluateRules, type NewInboundMessage } from '../automation/rules/evaluate'
import { identityKey, resolveIdentities } from '../contacts/resolve-identities'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import {
  channelEvents,
  contacts,
  messageStatusEvents,
  messages,
  productCatalog,
  workspaces,
} from '../db/schema'
import {
  INTENT_MIN_CONFIDENCE,
  insightsFor,
  type MessageInsights,
  SENTIMENT_WEIGHT,
} from '../intelligence/message-insights'
import { ProductMatcher } from '../intelligence/product-matcher'
import { applyStatusFeedback } from '../outbound/apply-status-feedback'
import { isOptOut } from '../outbound/opt-out-keywords'
import { policyOf } from '../outbound/policy-settings'
import type {
  ChannelEventRecord,
  ExtractedEvent,
  MessageRecord,
  PreferenceRecord,
  StatusRecord,
} from './records'
import { statusRank, storedStatusRank } from './status-rank'

/**
 * Writes the records of a batch of envelopes. Every statement is idempotent (unique keys with
 * ON CONFLICT DO NOTHING, statuses that only move forward, GREATEST for times), so Meta's
 * redeliveries and our own retries change nothing the second time.
 */
/** What the intelligence steps (classification, insights, interests, rules) cost in a batch. */
export interface ApplyStats {
  inbound: number
  intelligenceMs: number
}

export async function applyRecords(
  tx: Executor,
  batch: ExtractedEvent[],
  now = new Date(),
): Promise<ApplyStats> {
  // Messages stored before (Meta's redeliveries, replays) are dropped up front: their side effects
  // (identity changes, contact times, edits) were applied the first time and must not run again.
  const msgs = await withoutStored(
    tx,
    dedupeBy(
      batch.flatMap((e) => e.messages),
      (m) => `${m.channel.id}|${m.wamid}`,
    ),
  )
  const statuses = batch.flatMap((e) => e.statuses)
  const preferences = batch.flatMap((e) => e.preferences)
  const events = dedupeBy(
    batch.flatMap((e) => e.channelEvents),
    (e) => `${e.channel.workspaceId}|${e.dedupeKey}`,
  )

  const contactIds = await resolveAllIdentities(tx, [...msgs, ...preferences], now)
  let intelligenceMs = 0
  const timed = async <T>(step: () => Promise<T>): Promise<T> => {
    const started = performance.now()
    try {
      return await step()
    } finally {
      intelligenceMs += performance.now() - started
    }
  }
  const matchers = await timed(() => productMatchers(tx, msgs))
  const insights = await timed(() => classifyInbound(msgs, matchers))
  const inserted = await insertMessages(tx, msgs, contactIds, insights)
  await touchContacts(tx, msgs, contactIds)
  await timed(() => updateContactInsights(tx, msgs, contactIds, insights, inserted))
  await timed(() => recordInterests(tx, msgs, contactIds, insights, inserted))
  await applyIdentityChanges(tx, msgs, contactIds)
  await applyEditsAndRevokes(tx, msgs, inserted)
  await applyStatusFeedback(tx, statuses)
  await recordStatuses(tx, statuses)
  await applyStoredStatusesTo(tx, msgs, inserted)
  await applyPreferences(tx, preferences, contactIds)
  await applyOptOutKeywords(tx, msgs, contactIds)
  await insertChannelEvents(tx, events)
  const fresh = newInbound(msgs, contactIds, inserted)
  await timed(() => evaluateRules(tx, fresh, now))
  return { inbound: fresh.length, intelligenceMs }
}

/** Customer messages this batch stored for the first time: what the rules engine evaluates. */
function newInbound(
  msgs: MessageRecord[],
  ids: Map<string, string>,
  inserted: Map<string, number>,
): NewInboundMessage[] {
  return msgs.flatMap((m) => {
    const id = inserted.get(`${m.channel.id}|${m.wamid}`)
    if (id === undefined || m.direction !== 'inbound' || !m.content.threadVisible) return []
    return [{ id, workspaceId: m.channel.workspaceId, contactId: contactOf(ids, m), sentAt: m.sentAt }]
  })
}

async function withoutStored(tx: Executor, msgs: MessageRecord[]): Promise<MessageRecord[]> {
  if (msgs.length === 0) return msgs
  const stored = await tx
    .select({ channelId: messages.channelId, wamid: messages.wamid })
    .from(messages)
    .where(
      and(
        inArray(messages.channelId, [...new Set(msgs.map((m) => m.channel.id))]),
        inArray(
          messages.wamid,
          msgs.map((m) => m.wamid),
        ),
      ),
    )
  if (stored.length === 0) return msgs
  const known = new Set(stored.map((r) => `${r.channelId}|${r.wamid}`))
  return msgs.filter((m) => !known.has(`${m.channel.id}|${m.wamid}`))
}

async function resolveAllIdentities(
  tx: Executor,
  items: (MessageRecord | PreferenceRecord)[],
  now: Date,
): Promise<Map<string, string>> {
  const byWorkspace = new Map<string, MessageRecord['identity'][]>()
  for (const item of items) {
    const list = byWorkspace.get(item.channel.workspaceId) ?? []
    list.push(item.identity)
    byWorkspace.set(item.channel.workspaceId, list)
  }
  const all = new Map<string, string>()
  for (const [workspaceId, identities] of [...byWorkspace].sort(([a], [b]) => a.localeCompare(b))) {
    for (const [k, v] of await resolveIdentities(tx, workspaceId, identities, now)) all.set(k, v)
  }
  return all
}

const contactOf = (ids: Map<string, string>, r: MessageRecord | PreferenceRecord): string => {
  const id = ids.get(identityKey(r.channel.workspaceId, r.identity))
  if (!id) throw new Error('identity was not resolved')
  return id
}

/** Inserts new messages; returns the keys (`channel|wamid`) of those that were not stored before. */
async function insertMessages(
  tx: Executor,
  msgs: MessageRecord[],
  ids: Map<string, string>,
  insights: Map<MessageRecord, Insights | null>,
): Promise<Map<string, number>> {
  if (msgs.length === 0) return new Map()
  // One JSON parameter, not drizzle's multi-row VALUES: building that for 200 rows x 23 columns
  // took ~13 ms of CPU per batch, more than the rest of the worker together.
  const values = msgs.map((m) => ({
    workspace_id: m.channel.workspaceId,
    channel_id: m.channel.id,
    contact_id: contactOf(ids, m),
    wamid: m.wamid,
    direction: m.direction,
    type: m.content.type,
    text: m.content.text,
    payload: m.content.payload,
    media_id: m.content.media?.id ?? null,
    media_mime_type: m.content.media?.mimeType ?? null,
    media_sha256: m.content.media?.sha256 ?? null,
    media_filename: m.content.media?.filename ?? null,
    media_url: m.content.media?.url ?? null,
    status: m.direction === 'inbound' ? 'received' : 'sent',
    status_at: m.sentAt.toISOString(),
    error_code: m.error?.code ?? null,
    error_title: m.error?.title ?? null,
    error_details: m.error?.details ?? null,
    sender: m.sender,
    sent_at: m.sentAt.toISOString(),
    related_wamid: m.content.relatedWamid,
    thread_visible: m.content.threadVisible,
    webhook_event_id: m.eventId,
    intent: insights.get(m)?.intent ?? null,
    intent_confidence: insights.get(m)?.confidence ?? null,
    sentiment: insights.get(m)?.sentiment ?? null,
    language: insights.get(m)?.language ?? null,
    products: insights.get(m)?.products.length ? insights.get(m)?.products : null,
  }))
  const rows = await queryRows<{ id: string | number; channel_id: string; wamid: string }>(
    tx,
    sql`
    insert into messages (workspace_id, channel_id, contact_id, wamid, direction, type, text, payload, media_id,
      media_mime_type, media_sha256, media_filename, media_url, status, status_at, error_code, error_title,
      error_details, sender, sent_at, related_wamid, thread_visible, webhook_event_id, intent, intent_confidence,
      sentiment, language, products)
    select * from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(workspace_id uuid, channel_id uuid,
      contact_id uuid, wamid text, direction text, type text, text text, payload jsonb, media_id text,
      media_mime_type text, media_sha256 text, media_filename text, media_url text, status text,
      status_at timestamptz, error_code int, error_title text, error_details text, sender text,
      sent_at timestamptz, related_wamid text, thread_visible boolean, webhook_event_id bigint, intent text,
      intent_confidence real, sentiment real, language text, products jsonb)
    on conflict do nothing
    returning id, channel_id, wamid`,
  )
  return new Map(rows.map((r) => [`${r.channel_id}|${r.wamid}`, Number(r.id)]))
}

type Insights = MessageInsights & { products: string[] }

/** Messages classified between two yields: the webhook acks share this event loop. */
const CLASSIFY_SLICE = 25

/**
 * Intent, sentiment, language and products of every customer message in the batch. The work is
 * CPU-bound, so it yields every few messages: a 200-message batch in one go would hold up
 * webhook acknowledgements served by the same process.
 */
async function classifyInbound(
  msgs: MessageRecord[],
  matchers: Map<string, ProductMatcher>,
): Promise<Map<MessageRecord, Insights | null>> {
  const out = new Map<MessageRecord, Insights | null>()
  for (const [i, m] of msgs.entries()) {
    if (i > 0 && i % CLASSIFY_SLICE === 0) await new Promise((r) => setImmediate(r))
    const found = m.direction === 'inbound' ? insightsFor(m.content.type, m.content.text) : null
    out.set(
      m,
      found ? { ...found, products: matchers.get(m.channel.workspaceId)?.match(m.content.text) ?? [] } : null,
    )
  }
  return out
}

/** One matcher per workspace in the batch, from its product catalogue. */
async function productMatchers(tx: Executor, msgs: MessageRecord[]): Promise<Map<string, ProductMatcher>> {
  const workspaceIds = [
    ...new Set(msgs.filter((m) => m.direction === 'inbound').map((m) => m.channel.workspaceId)),
  ]
  if (workspaceIds.length === 0) return new Map()
  const rows = await tx
    .select({
      workspaceId: productCatalog.workspaceId,
      sku: productCatalog.sku,
      name: productCatalog.name,
      aliases: productCatalog.aliases,
    })
    .from(productCatalog)
    .where(inArray(productCatalog.workspaceId, workspaceIds))
  const byWorkspace = new Map<string, { sku: string; names: string[] }[]>()
  for (const r of rows)
    byWorkspace.set(r.workspaceId, [
      ...(byWorkspace.get(r.workspaceId) ?? []),
      { sku: r.sku, names: [r.name, ...r.aliases] },
    ])
  return new Map([...byWorkspace].map(([id, entries]) => [id, new ProductMatcher(entries)]))
}

/** Products each contact asked about: mentions counted once per new message. */
async function recordInterests(
  tx: Executor,
  msgs: MessageRecord[],
  ids: Map<string, string>,
  insights: Map<MessageRecord, Insights | null>,
  inserted: Map<string, number>,
): Promise<void> {
  const rows = new Map<
    string,
    {
      workspace_id: string
      contact_id: string
      sku: string
      mentions: number
      first_at: string
      last_at: string
    }
  >()
  for (const m of msgs) {
    const products = insights.get(m)?.products ?? []
    if (products.length === 0 || !inserted.has(`${m.channel.id}|${m.wamid}`)) continue
    const contactId = contactOf(ids, m)
    const at = m.sentAt.toISOString()
    for (const sku of products) {
      const key = `${contactId}|${sku}`
      const row = rows.get(key) ?? {
        workspace_id: m.channel.workspaceId,
        contact_id: contactId,
        sku,
        mentions: 0,
        first_at: at,
        last_at: at,
      }
      row.mentions += 1
      if (at < row.first_at) row.first_at = at
      if (at > row.last_at) row.last_at = at
      rows.set(key, row)
    }
  }
  if (rows.size === 0) return
  const values = [...rows.values()].sort((a, b) =>
    `${a.contact_id}${a.sku}`.localeCompare(`${b.contact_id}${b.sku}`),
  )
  await tx.execute(sql`
    insert into contact_interests (workspace_id, contact_id, sku, mentions, first_at, last_at)
    select * from jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
      as v(workspace_id uuid, contact_id uuid, sku text, mentions int, first_at timestamptz, last_at timestamptz)
    on conflict (contact_id, sku) do update set
      mentions = contact_interests.mentions + excluded.mentions,
      first_at = least(contact_interests.first_at, excluded.first_at),
      last_at = greatest(contact_interests.last_at, excluded.last_at)`)
}

/**
 * Each contact's latest specific intent (with the message that showed it) and the moving average
 * of their sentiment. k new scores s1..sk fold in as old × (1-w)^k + Σ w(1-w)^(k-i) s_i, so one
 * UPDATE per batch gives the same result as one per message; a first score starts the average.
 */
async function updateContactInsights(
  tx: Executor,
  msgs: MessageRecord[],
  ids: Map<string, string>,
  insights: Map<MessageRecord, Insights | null>,
  inserted: Map<string, number>,
): Promise<void> {
  type Fold = {
    id: string
    keep: number
    add: number
    n: number
    at: string
    intent: string | null
    confidence: number | null
    message_id: number | null
    intent_at: string | null
  }
  const byContact = new Map<string, Fold>()
  const ordered = [...msgs].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime())
  for (const m of ordered) {
    const found = insights.get(m)
    const messageId = inserted.get(`${m.channel.id}|${m.wamid}`)
    if (!found || messageId === undefined) continue
    const id = contactOf(ids, m)
    const f = byContact.get(id) ?? {
      id,
      keep: 1,
      add: 0,
      n: 0,
      at: '',
      intent: null,
      confidence: null,
      message_id: null,
      intent_at: null,
    }
    f.keep *= 1 - SENTIMENT_WEIGHT
    f.add = f.add * (1 - SENTIMENT_WEIGHT) + SENTIMENT_WEIGHT * found.sentiment
    f.n += 1
    f.at = m.sentAt.toISOString()
    if (found.intent !== 'other' && found.confidence >= INTENT_MIN_CONFIDENCE) {
      f.intent = found.intent
      f.confidence = found.confidence
      f.message_id = messageId
      f.intent_at = m.sentAt.toISOString()
    }
    byContact.set(id, f)
  }
  if (byContact.size === 0) return
  const rows = [...byContact.values()].sort((a, b) => a.id.localeCompare(b.id))
  await tx.execute(sql`
    update contacts c set
      sentiment = case when c.sentiment is null then v.add / (1 - v.keep) else c.sentiment * v.keep + v.add end,
      sentiment_messages = c.sentiment_messages + v.n,
      sentiment_at = greatest(c.sentiment_at, v.at),
      last_intent = case when v.intent is not null and (c.last_intent_at is null or c.last_intent_at <= v.intent_at) then v.intent else c.last_intent end,
      last_intent_confidence = case when v.intent is not null and (c.last_intent_at is null or c.last_intent_at <= v.intent_at) then v.confidence else c.last_intent_confidence end,
      last_intent_message_id = case when v.intent is not null and (c.last_intent_at is null or c.last_intent_at <= v.intent_at) then v.message_id else c.last_intent_message_id end,
      last_intent_at = case when v.intent is not null and (c.last_intent_at is null or c.last_intent_at <= v.intent_at) then v.intent_at else c.last_intent_at end
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id uuid, keep float8, add float8, n int, at timestamptz,
      intent text, confidence real, message_id bigint, intent_at timestamptz)
    where c.id = v.id`)
}

/** Moves last inbound / outbound times forward; the 24 h window is read from them. */
async function touchContacts(tx: Executor, msgs: MessageRecord[], ids: Map<string, string>): Promise<void> {
  const latest = new Map<string, { id: string; inbound: number | null; outbound: number | null }>()
  for (const m of msgs) {
    if (m.content.type === 'reaction' && m.direction === 'outbound') continue
    const id = contactOf(ids, m)
    const row = latest.get(id) ?? { id, inbound: null, outbound: null }
    const t = m.sentAt.getTime()
    if (m.direction === 'inbound') row.inbound = Math.max(row.inbound ?? 0, t)
    else row.outbound = Math.max(row.outbound ?? 0, t)
    latest.set(id, row)
  }
  if (latest.size === 0) return
  const rows = [...latest.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((r) => ({
      id: r.id,
      inbound: r.inbound === null ? null : new Date(r.inbound).toISOString(),
      outbound: r.outbound === null ? null : new Date(r.outbound).toISOString(),
    }))
  await tx.execute(sql`
    update contacts c set
      last_inbound_at = greatest(c.last_inbound_at, v.inbound),
      last_outbound_at = greatest(c.last_outbound_at, v.outbound),
      updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id uuid, inbound timestamptz, outbound timestamptz)
    where c.id = v.id`)
}

/** `system` messages announcing a new number or BSUID move the contact, unless another owns it. */
async function applyIdentityChanges(
  tx: Executor,
  msgs: MessageRecord[],
  ids: Map<string, string>,
): Promise<void> {
  for (const m of msgs) {
    if (!m.identityChange) continue
    const id = contactOf(ids, m)
    const { newPhone, newBsuid } = m.identityChange
    const stamp = Date.now()
    if (newPhone) {
      await tx.execute(sql`
        update contacts set phone_e164 = ${newPhone}, wa_id = ${newPhone.slice(1)},
          field_versions = field_versions || ${JSON.stringify({ phone: stamp })}::jsonb, updated_at = now()
        where id = ${id} and not exists (
          select 1 from contacts o where o.workspace_id = contacts.workspace_id and o.phone_e164 = ${newPhone})`)
    }
    if (newBsuid) {
      await tx.execute(sql`
        update contacts set bsuid = ${newBsuid},
          field_versions = field_versions || ${JSON.stringify({ bsuid: stamp })}::jsonb, updated_at = now()
        where id = ${id} and not exists (
          select 1 from contacts o where o.workspace_id = contacts.workspace_id and o.bsuid = ${newBsuid})`)
    }
  }
}

/**
 * Edits and deletions change their target. Both orders work: an edit stored before its original
 * arrives is applied when the original is inserted.
 */
async function applyEditsAndRevokes(
  tx: Executor,
  msgs: MessageRecord[],
  inserted: { has(key: string): boolean },
): Promise<void> {
  const changes = msgs.filter(
    (m) => (m.content.type === 'edit' || m.content.type === 'revoke') && m.content.relatedWamid,
  )
  const newTargets = msgs.filter((m) => m.content.threadVisible && inserted.has(`${m.channel.id}|${m.wamid}`))
  const pending: { channel_id: string; target: string; type: string; text: string | null; at: string }[] =
    changes.map((m) => ({
      channel_id: m.channel.id,
      target: m.content.relatedWamid as string,
      type: m.content.type,
      text: m.content.text,
      at: m.sentAt.toISOString(),
    }))
  if (newTargets.length > 0) {
    const earlier = await tx
      .select({
        channelId: messages.channelId,
        target: messages.relatedWamid,
        type: messages.type,
        text: messages.text,
        at: messages.sentAt,
      })
      .from(messages)
      .where(
        and(
          inArray(messages.channelId, [...new Set(newTargets.map((m) => m.channel.id))]),
          inArray(
            messages.relatedWamid,
            newTargets.map((m) => m.wamid),
          ),
          inArray(messages.type, ['edit', 'revoke']),
        ),
      )
    for (const e of earlier) {
      if (!e.target) continue
      pending.push({
        channel_id: e.channelId,
        target: e.target,
        type: e.type,
        text: e.text,
        at: e.at.toISOString(),
      })
    }
  }
  const edits = latestPerTarget(pending.filter((p) => p.type === 'edit'))
  const revokes = latestPerTarget(pending.filter((p) => p.type === 'revoke'))
  if (edits.length > 0) {
    await tx.execute(sql`
      update messages m set
        original_text = coalesce(m.original_text, m.text),
        text = v.text,
        edited_at = v.at
      from jsonb_to_recordset(${JSON.stringify(edits)}::jsonb) as v(channel_id uuid, target text, text text, at timestamptz)
      where m.channel_id = v.channel_id and m.wamid = v.target and (m.edited_at is null or m.edited_at < v.at)`)
  }
  if (revokes.length > 0) {
    await tx.execute(sql`
      update messages m set deleted_at = v.at
      from jsonb_to_recordset(${JSON.stringify(revokes)}::jsonb) as v(channel_id uuid, target text, at timestamptz)
      where m.channel_id = v.channel_id and m.wamid = v.target and m.deleted_at is null`)
  }
}

function latestPerTarget<T extends { channel_id: string; target: string; at: string }>(items: T[]): T[] {
  const best = new Map<string, T>()
  for (const item of items) {
    const key = `${item.channel_id}|${item.target}`
    const current = best.get(key)
    if (!current || current.at < item.at) best.set(key, item)
  }
  return [...best.values()]
}

/** Stores each (message, status) once and moves the message's status forward only. */
async function recordStatuses(tx: Executor, statuses: StatusRecord[]): Promise<void> {
  if (statuses.length === 0) return
  const unique = dedupeBy(statuses, (s) => `${s.channel.id}|${s.wamid}|${s.status}`)
  await tx
    .insert(messageStatusEvents)
    .values(
      unique.map((s) => ({
        workspaceId: s.channel.workspaceId,
        channelId: s.channel.id,
        wamid: s.wamid,
        status: s.status,
        occurredAt: s.occurredAt,
        recipientId: s.recipientId,
        recipientUserId: s.recipientUserId,
        errorCode: s.error?.code ?? null,
        errorTitle: s.error?.title ?? null,
        errorDetails: s.error?.details ?? null,
        pricing: s.pricing,
        conversation: s.conversation,
        bizOpaqueCallbackData: s.bizOpaqueCallbackData,
        webhookEventId: s.eventId,
      })),
    )
    .onConflictDoNothing()
  await advanceStatuses(
    tx,
    unique.map((s) => ({
      channel_id: s.channel.id,
      wamid: s.wamid,
      status: s.status,
      at: s.occurredAt.toISOString(),
      error_code: s.error?.code ?? null,
      error_title: s.error?.title ?? null,
      error_details: s.error?.details ?? null,
    })),
  )
}

type StatusRow = {
  channel_id: string
  wamid: string
  status: string
  at: string
  error_code: number | null
  error_title: string | null
  error_details: string | null
}

async function advanceStatuses(tx: Executor, rows: StatusRow[]): Promise<void> {
  const furthest = new Map<string, StatusRow & { rank: number }>()
  for (const row of rows) {
    const key = `${row.channel_id}|${row.wamid}`
    const rank = statusRank(row.status)
    const current = furthest.get(key)
    if (!current || rank > current.rank) furthest.set(key, { ...row, rank })
  }
  if (furthest.size === 0) return
  const values = [...furthest.values()].sort((a, b) => (a.wamid < b.wamid ? -1 : 1))
  await tx.execute(sql`
    update messages m set
      status = v.status,
      status_at = v.at,
      error_code = coalesce(v.error_code, m.error_code),
      error_title = coalesce(v.error_title, m.error_title),
      error_details = coalesce(v.error_details, m.error_details)
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
      as v(channel_id uuid, wamid text, status text, at timestamptz, rank int, error_code int, error_title text, error_details text)
    where m.channel_id = v.channel_id and m.wamid = v.wamid and ${storedStatusRank} < v.rank`)
}

/** Outbound messages (echoes, later our own sends) may arrive after their statuses did. */
async function applyStoredStatusesTo(
  tx: Executor,
  msgs: MessageRecord[],
  inserted: { has(key: string): boolean },
): Promise<void> {
  const fresh = msgs.filter((m) => m.direction === 'outbound' && inserted.has(`${m.channel.id}|${m.wamid}`))
  if (fresh.length === 0) return
  const stored = await tx
    .select()
    .from(messageStatusEvents)
    .where(
      and(
        inArray(messageStatusEvents.channelId, [...new Set(fresh.map((m) => m.channel.id))]),
        inArray(
          messageStatusEvents.wamid,
          fresh.map((m) => m.wamid),
        ),
      ),
    )
  await advanceStatuses(
    tx,
    stored.map((s) => ({
      channel_id: s.channelId,
      wamid: s.wamid,
      status: s.status,
      at: s.occurredAt.toISOString(),
      error_code: s.errorCode,
      error_title: s.errorTitle,
      error_details: s.errorDetails,
    })),
  )
}

/**
 * `user_preferences` stop / resume for marketing messages. The field's write time decides, so a
 * late redelivery of an old `stop` cannot undo a newer `resume`.
 */
async function applyPreferences(
  tx: Executor,
  prefs: PreferenceRecord[],
  ids: Map<string, string>,
): Promise<void> {
  const marketing = prefs.filter((p) => p.category === 'marketing_messages').sort((a, b) => +a.at - +b.at)
  for (const p of marketing) {
    const stop = p.value === 'stop'
    if (!stop && p.value !== 'resume' && p.value !== 'signup') continue
    const at = p.at.getTime()
    await tx
      .update(contacts)
      .set({
        marketingOptOutAt: stop ? p.at : null,
        fieldVersions: sql`${contacts.fieldVersions} || ${JSON.stringify({ marketing_opt_out: at })}::jsonb`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(contacts.id, contactOf(ids, p)),
          sql`coalesce((${contacts.fieldVersions} ->> 'marketing_opt_out')::bigint, 0) <= ${at}`,
        ),
      )
  }
}

/** A customer who writes only "STOP" (or BAIXA, BAJA, 退订 ...) is opted out of everything. */
async function applyOptOutKeywords(
  tx: Executor,
  msgs: MessageRecord[],
  ids: Map<string, string>,
): Promise<void> {
  const candidates = msgs.filter(
    (m) =>
      m.direction === 'inbound' && m.content.type === 'text' && m.content.text && m.content.text.length <= 40,
  )
  if (candidates.length === 0) return
  const workspaceIds = [...new Set(candidates.map((m) => m.channel.workspaceId))]
  const settings = await tx
    .select({ id: workspaces.id, settings: workspaces.settings })
    .from(workspaces)
    .where(inArray(workspaces.id, workspaceIds))
  const keywords = new Map(settings.map((w) => [w.id, policyOf(w.settings).opt_out_keywords]))
  for (const m of candidates) {
    if (!isOptOut(m.content.text, keywords.get(m.channel.workspaceId) ?? [])) continue
    await tx
      .update(contacts)
      .set({
        optInStatus: 'opted_out',
        optInSource: `keyword: ${m.content.text}`,
        optInAt: m.sentAt,
        fieldVersions: sql`${contacts.fieldVersions} || ${JSON.stringify({ opt_in_status: m.sentAt.getTime() })}::jsonb`,
        updatedAt: new Date(),
      })
      .where(eq(contacts.id, contactOf(ids, m)))
  }
}

async function insertChannelEvents(tx: Executor, events: ChannelEventRecord[]): Promise<void> {
  if (events.length === 0) return
  await tx
    .insert(channelEvents)
    .values(
      events.map((e) => ({
        workspaceId: e.channel.workspaceId,
        channelId: e.channel.id,
        field: e.field,
        kind: e.kind,
        errorCode: e.errorCode,
        payload: e.payload,
        occurredAt: e.occurredAt,
        dedupeKey: e.dedupeKey,
        webhookEventId: e.eventId,
      })),
    )
    .onConflictDoNothing()
}

function dedupeBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>()
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item)
  return [...seen.values()]
}
