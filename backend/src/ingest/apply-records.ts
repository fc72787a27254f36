import { campaignOf, recordFunnelAttributes } from '../analytics/funnel-attributes'
import { evaluateRules, type NewInboundMessage } from '../automation/rules/evaluate'
import { insertChannelEvents } from '../channels/channel-events'
import { updateContactInsights } from '../contacts/contact-insights'
import { recordInterests } from '../contacts/contact-interests'
import { applyIdentityChanges } from '../contacts/identity-changes'
import { applyMarketingPreferences } from '../contacts/marketing-preferences'
import { identityKey, resolveIdentities } from '../contacts/resolve-identities'
import { touchContacts } from '../contacts/touch-contacts'
import type { Executor } from '../db/client'
import { classifyInbound } from '../intelligence/classify-inbound'
import { countKeywords, isNegative } from '../intelligence/keywords/record-keywords'
import { paymentMethodOf } from '../intelligence/payment-methods'
import type { DetectedLanguage } from '../intelligence/types'
import { dedupeBy } from '../lib/dedupe-by'
import { withoutErased } from '../lifecycle/tombstones'
import { enqueueMediaFetches } from '../media/enqueue-media'
import { applyEditsAndRevokes } from '../messages/edits-and-revokes'
import { type MessageRecord, messageKey } from '../messages/message-record'
import { applyStoredStatuses, recordStatuses } from '../messages/record-statuses'
import { insertMessages, withoutStored } from '../messages/store-messages'
import { applyOptOutKeywords } from '../outbound/apply-opt-out-keywords'
import { applyStatusFeedback } from '../outbound/apply-status-feedback'
import type { ExtractedEvent, PreferenceRecord } from './records'

/** What the intelligence steps (classification, insights, interests, rules) cost in a batch. */
export interface ApplyStats {
  inbound: number
  intelligenceMs: number
  /** Of which: classification (with its catalogue and layer reads), and the rules step. */
  classifyMs: number
  rulesMs: number
}

/**
 * Writes the records of a batch of envelopes by calling each module's step in order, inside the
 * caller's transaction. Every step is idempotent (unique keys with ON CONFLICT DO NOTHING, statuses
 * that only move forward, GREATEST for times), so Meta's redeliveries and our own retries change
 * nothing the second time.
 */
export async function applyRecords(
  tx: Executor,
  batch: ExtractedEvent[],
  now = new Date(),
): Promise<ApplyStats> {
  const msgs = await withoutErased(
    tx,
    await withoutStored(
      tx,
      dedupeBy(
        batch.flatMap((e) => e.messages),
        messageKey,
      ),
    ),
  )
  const statuses = await withoutErased(
    tx,
    batch.flatMap((e) => e.statuses),
  )
  const preferences = batch.flatMap((e) => e.preferences)
  const events = dedupeBy(
    batch.flatMap((e) => e.channelEvents),
    (e) => `${e.channel.workspaceId}|${e.dedupeKey}`,
  )

  const ids = await resolveAllIdentities(tx, [...msgs, ...preferences], now)
  const contactOf = (r: MessageRecord | PreferenceRecord): string => {
    const id = ids.get(identityKey(r.channel.workspaceId, r.identity))
    if (!id) throw new Error('identity was not resolved')
    return id
  }
  let intelligenceMs = 0
  let classifyMs = 0
  let rulesMs = 0
  const timed = async <T>(step: () => Promise<T>, part?: 'classify' | 'rules'): Promise<T> => {
    const started = performance.now()
    try {
      return await step()
    } finally {
      const ms = performance.now() - started
      intelligenceMs += ms
      if (part === 'classify') classifyMs += ms
      if (part === 'rules') rulesMs += ms
    }
  }

  const insights = await timed(() => classifyInbound(tx, msgs), 'classify')
  const inserted = await insertMessages(
    tx,
    msgs.map((m) => ({ record: m, contactId: contactOf(m), insights: insights.get(m) ?? null })),
  )
  // The messages this batch stored for the first time, with their new ids.
  const fresh = msgs.flatMap((m) => {
    const id = inserted.get(messageKey(m))
    return id === undefined ? [] : [{ m, id, contactId: contactOf(m) }]
  })
  await enqueueMediaFetches(
    tx,
    fresh.flatMap(({ m, id }) =>
      m.content.media?.id
        ? [
            {
              workspaceId: m.channel.workspaceId,
              channelId: m.channel.id,
              messageId: id,
              kind: m.content.type,
              metaMediaId: m.content.media.id,
              metaSha256: m.content.media.sha256,
              mimeType: m.content.media.mimeType,
            },
          ]
        : [],
    ),
  )
  await touchContacts(
    tx,
    msgs.map((m) => ({
      contactId: contactOf(m),
      direction: m.direction,
      type: m.content.type,
      sentAt: m.sentAt,
    })),
  )
  const classified = fresh.flatMap(({ m, id, contactId }) => {
    const found = insights.get(m)
    return found
      ? [{ messageId: id, contactId, workspaceId: m.channel.workspaceId, sentAt: m.sentAt, insights: found }]
      : []
  })
  await timed(() => updateContactInsights(tx, classified))
  await timed(() => recordInterests(tx, classified))
  await recordFunnelAttributes(
    tx,
    fresh.flatMap(({ m, contactId }) =>
      m.direction === 'inbound'
        ? [
            {
              contactId,
              sentAt: m.sentAt,
              paymentMethod: paymentMethodOf(m.content.text),
              campaign: campaignOf(m.content.payload),
            },
          ]
        : [],
    ),
  )
  // Before edits and revokes: an edit that waited for its original takes back what is counted here.
  await timed(() =>
    countKeywords(
      tx,
      fresh.flatMap(({ m }) => {
        const found = insights.get(m)
        return found && m.content.text
          ? [
              {
                workspaceId: m.channel.workspaceId,
                sentAt: m.sentAt,
                language: found.language as DetectedLanguage,
                text: m.content.text,
                products: found.products,
                negative: isNegative(found.intent, found.sentiment),
              },
            ]
          : []
      }),
    ),
  )
  await applyIdentityChanges(
    tx,
    msgs.flatMap((m) =>
      m.identityChange ? [{ contactId: contactOf(m), ...m.identityChange, at: m.sentAt }] : [],
    ),
  )
  await applyEditsAndRevokes(tx, msgs, inserted)
  await applyStatusFeedback(tx, statuses)
  await recordStatuses(tx, statuses)
  await applyStoredStatuses(
    tx,
    fresh
      .filter(({ m }) => m.direction === 'outbound')
      .map(({ m }) => ({ channelId: m.channel.id, wamid: m.wamid })),
  )
  await applyMarketingPreferences(
    tx,
    preferences.map((p) => ({ contactId: contactOf(p), category: p.category, value: p.value, at: p.at })),
  )
  await applyOptOutKeywords(
    tx,
    msgs.map((m) => ({
      contactId: contactOf(m),
      workspaceId: m.channel.workspaceId,
      direction: m.direction,
      type: m.content.type,
      text: m.content.text,
      sentAt: m.sentAt,
    })),
  )
  await insertChannelEvents(tx, events)
  const newInbound = fresh.flatMap(({ m, id, contactId }): NewInboundMessage[] =>
    m.direction === 'inbound' && m.content.threadVisible
      ? [{ id, workspaceId: m.channel.workspaceId, contactId, sentAt: m.sentAt }]
      : [],
  )
  await timed(() => evaluateRules(tx, newInbound, now), 'rules')
  return { inbound: newInbound.length, intelligenceMs, classifyMs, rulesMs }
}

/** Finds or creates the contact of every identity, one workspace at a time in a fixed order. */
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
