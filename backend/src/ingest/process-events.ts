import type { Database } from '../db/client'
import { type ClassifiedFailure, classifyFailure, describeFailure } from '../lib/db-error'
import type { Logger } from '../lib/logger'
import type { Envelope } from '../whatsapp/envelope'
import { applyRecords } from './apply-records'
import { clearDeadItems, insertDeadItems } from './dead-items'
import { type ClaimedEvent, markDone, markFailed } from './event-queue'
import { changesIdentity, extractEnvelope } from './extract'
import { applyIsolated } from './isolate-items'
import { loadRoutes } from './load-routes'
import { parseStoredEnvelope } from './parse-event'

export interface ProcessOutcome {
  processed: number
  unrouted: number
  retried: number
  dead: number
  /** Items set aside as their workspace's dead items while the rest of their delivery was stored. */
  setAside: number
  messages: number
  statuses: number
  /** New customer messages, and the time the intelligence steps took on them (ms). */
  inbound: number
  intelligenceMs: number
  /** Of which classification and the rules step (the rest: contact insights and interests). */
  classifyMs: number
  rulesMs: number
}

interface ParsedEvent {
  event: ClaimedEvent
  envelope: Envelope
}

interface Options {
  maxAttempts: number
  logger: Logger
}

export const emptyOutcome = (): ProcessOutcome => ({
  processed: 0,
  unrouted: 0,
  retried: 0,
  dead: 0,
  setAside: 0,
  messages: 0,
  statuses: 0,
  inbound: 0,
  intelligenceMs: 0,
  classifyMs: 0,
  rulesMs: 0,
})

/**
 * Processes claimed events together in one transaction (the fast path). If that fails, each event
 * is processed alone with its items isolated (see isolate-items.ts): an item the database refuses
 * is set aside as its workspace's dead item and the rest of the delivery is stored. Only what is
 * not an item's fault fails the whole event: bytes that do not parse (dead at once) and an
 * unavailable database (retried with backoff, dead after `maxAttempts`).
 */
export async function processEvents(
  db: Database,
  events: ClaimedEvent[],
  options: Options,
): Promise<ProcessOutcome> {
  const outcome = emptyOutcome()
  const parsed: ParsedEvent[] = []
  for (const event of events) {
    const envelope = parseStoredEnvelope(event.rawBody)
    if (envelope) parsed.push({ event, envelope })
    else await fail(db, event, describeFailure('invalid_payload'), null, options, outcome)
  }
  if (parsed.length === 0) return outcome
  // A batch resolves every identity before it applies any number change, so a message from the
  // old number sent after "changed number" would join the moved contact. Such batches (rare) go
  // one event at a time, in arrival order, which gives the same answer as separate deliveries.
  if (parsed.length === 1 || !parsed.some((p) => changesIdentity(p.envelope))) {
    try {
      await processTogether(db, parsed, outcome)
      return outcome
    } catch (error) {
      options.logger.warn(
        { err: error, events: parsed.length },
        'ingest batch failed; processing its events one by one, items isolated',
      )
    }
  }
  for (const p of parsed) {
    try {
      await processIsolated(db, p, outcome, options.logger)
    } catch (error) {
      await fail(db, p.event, classifyFailure(error), error, options, outcome)
    }
  }
  return outcome
}

async function processTogether(db: Database, parsed: ParsedEvent[], outcome: ProcessOutcome): Promise<void> {
  await db.transaction(async (tx) => {
    const routes = await loadRoutes(
      tx,
      parsed.map((p) => p.envelope),
    )
    const extracted = parsed.map((p) => ({
      id: p.event.id,
      records: extractEnvelope(p.event.id, p.envelope, routes, p.event.receivedAt),
    }))
    const stats = await applyRecords(
      tx,
      extracted.map((e) => e.records),
    )
    await clearDeadItems(
      tx,
      extracted.map((e) => e.id),
    )
    const unrouted = extracted.filter((e) => e.records.unrouted.length > 0).map((e) => e.id)
    const processed = extracted.filter((e) => e.records.unrouted.length === 0).map((e) => e.id)
    await markDone(tx, processed, unrouted)
    outcome.inbound += stats.inbound
    outcome.intelligenceMs += stats.intelligenceMs
    outcome.classifyMs += stats.classifyMs
    outcome.rulesMs += stats.rulesMs
    outcome.processed += processed.length
    outcome.unrouted += unrouted.length
    for (const e of extracted) {
      outcome.messages += e.records.messages.length
      outcome.statuses += e.records.statuses.length
    }
  })
}

async function processIsolated(
  db: Database,
  { event, envelope }: ParsedEvent,
  outcome: ProcessOutcome,
  logger: Logger,
): Promise<void> {
  await db.transaction(async (tx) => {
    const routes = await loadRoutes(tx, [envelope])
    const records = extractEnvelope(event.id, envelope, routes, event.receivedAt)
    const { stats, dead } = await applyIsolated(tx, records, event.id, new Date(), logger)
    await clearDeadItems(tx, [event.id])
    await insertDeadItems(tx, dead)
    const unrouted = records.unrouted.length > 0
    await markDone(tx, unrouted ? [] : [event.id], unrouted ? [event.id] : [])
    outcome.inbound += stats.inbound
    outcome.intelligenceMs += stats.intelligenceMs
    outcome.classifyMs += stats.classifyMs
    outcome.rulesMs += stats.rulesMs
    outcome.setAside += dead.length
    if (unrouted) outcome.unrouted += 1
    else outcome.processed += 1
    const refused = new Set(dead.map((d) => `${d.kind}|${d.channelId}|${d.itemRef}`))
    outcome.messages += records.messages.filter(
      (m) => !refused.has(`message|${m.channel.id}|${m.wamid}`),
    ).length
    outcome.statuses += records.statuses.filter(
      (s) => !refused.has(`status|${s.channel.id}|${s.wamid}`),
    ).length
  })
}

async function fail(
  db: Database,
  event: ClaimedEvent,
  failure: ClassifiedFailure,
  error: unknown,
  options: Options,
  outcome: ProcessOutcome,
): Promise<void> {
  const state = await markFailed(db, event, failure, options.maxAttempts)
  if (state === 'dead') outcome.dead += 1
  else outcome.retried += 1
  options.logger.error(
    {
      eventId: event.id,
      attempts: event.attempts,
      state,
      reason: failure.reason,
      ...(error ? { err: error } : {}),
    },
    'webhook event failed',
  )
}
