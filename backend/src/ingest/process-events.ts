import type { Database } from '../db/client'
import type { Logger } from '../lib/logger'
import { type Envelope, envelopeSchema } from '../whatsapp/envelope'
import { applyRecords } from './apply-records'
import { type ClaimedEvent, markDone, markFailed } from './event-queue'
import { changesIdentity, extractEnvelope } from './extract'
import { loadRoutes } from './load-routes'

export interface ProcessOutcome {
  processed: number
  unrouted: number
  retried: number
  dead: number
  messages: number
  statuses: number
  /** New customer messages, and the time the intelligence steps took on them (ms). */
  inbound: number
  intelligenceMs: number
}

/**
 * Processes claimed events together in one transaction (the fast path). If that fails, each event
 * is tried alone, so one poisonous envelope is retried or dead-lettered without holding back the
 * others.
 */
export async function processEvents(
  db: Database,
  events: ClaimedEvent[],
  options: { maxAttempts: number; logger: Logger },
): Promise<ProcessOutcome> {
  const outcome: ProcessOutcome = {
    processed: 0,
    unrouted: 0,
    retried: 0,
    dead: 0,
    messages: 0,
    statuses: 0,
    inbound: 0,
    intelligenceMs: 0,
  }
  if (events.length === 0) return outcome
  // A batch resolves every identity before it applies any number change, so a message from the
  // old number sent after "changed number" would join the moved contact. Such batches (rare) go
  // one event at a time, in arrival order, which gives the same answer as separate deliveries.
  if (events.length === 1 || !events.some(announcesIdentityChange)) {
    try {
      await processTogether(db, events, outcome)
      return outcome
    } catch (error) {
      if (events.length === 1) {
        await fail(db, events[0] as ClaimedEvent, error, options, outcome)
        return outcome
      }
      options.logger.warn(
        { err: errorText(error), events: events.length },
        'ingest batch failed; retrying events one by one',
      )
    }
  }
  for (const event of events) {
    try {
      await processTogether(db, [event], outcome)
    } catch (error) {
      await fail(db, event, error, options, outcome)
    }
  }
  return outcome
}

async function processTogether(db: Database, events: ClaimedEvent[], outcome: ProcessOutcome): Promise<void> {
  const parsed = events.map((e) => ({ event: e, envelope: parseEnvelope(e.rawBody) }))
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
    outcome.inbound += stats.inbound
    outcome.intelligenceMs += stats.intelligenceMs
    const unrouted = extracted.filter((e) => e.records.unrouted.length > 0).map((e) => e.id)
    const processed = extracted.filter((e) => e.records.unrouted.length === 0).map((e) => e.id)
    await markDone(tx, processed, unrouted)
    outcome.processed += processed.length
    outcome.unrouted += unrouted.length
    for (const e of extracted) {
      outcome.messages += e.records.messages.length
      outcome.statuses += e.records.statuses.length
    }
  })
}

function announcesIdentityChange(event: ClaimedEvent): boolean {
  try {
    return changesIdentity(parseEnvelope(event.rawBody))
  } catch {
    return false
  }
}

function parseEnvelope(raw: string): Envelope {
  return envelopeSchema.parse(JSON.parse(raw))
}

async function fail(
  db: Database,
  event: ClaimedEvent,
  error: unknown,
  options: { maxAttempts: number; logger: Logger },
  outcome: ProcessOutcome,
): Promise<void> {
  const reason = errorText(error)
  const state = await markFailed(db, event, reason, options.maxAttempts)
  if (state === 'dead') outcome.dead += 1
  else outcome.retried += 1
  options.logger.error(
    { eventId: event.id, attempts: event.attempts, state, err: reason },
    'webhook event failed',
  )
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message
  }
  return String(error)
}
