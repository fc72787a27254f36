import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { intentAutomationPauses, messageCorrections } from '../db/schema'
import { NotFoundError } from '../lib/errors'
import { INTENTS, type Intent } from './types'

/**
 * Accuracy against reps: of the messages the classifier read as intent X that a rep reviewed
 * (corrected or confirmed), the share the rep agreed with. It is X's precision, the number that
 * says whether X's automations do the right thing. The window is the latest reviews, restarting
 * when an admin confirms an alert (the confirmation acknowledges the errors before it).
 */
export const ACCURACY_WINDOW = 50
/** Fewer reviews than this say nothing yet: two corrections out of three are not a trend. */
export const ACCURACY_MIN_REVIEWS = 10
/** The brief's rule: under 80 % over the window, the intent's automations stop until confirmed. */
export const ACCURACY_ALERT_BELOW = 0.8

export interface IntentAccuracy {
  intent: Intent
  reviewed: number
  agreed: number
  accuracy: number | null
  paused: boolean
  /** The open alert, when automations are paused. */
  alert: { accuracy: number; reviewed: number; raised_at: string } | null
}

/** The latest confirmation per intent: reviews before it belong to a window already dealt with. */
async function confirmedSince(tx: Executor, workspaceId: string): Promise<Map<string, Date>> {
  const rows = await tx
    .select({
      intent: intentAutomationPauses.intent,
      at: sql<Date>`max(${intentAutomationPauses.confirmedAt})`,
    })
    .from(intentAutomationPauses)
    .where(eq(intentAutomationPauses.workspaceId, workspaceId))
    .groupBy(intentAutomationPauses.intent)
  return new Map(rows.filter((r) => r.at).map((r) => [r.intent, new Date(r.at)]))
}

async function windowOf(
  tx: Executor,
  workspaceId: string,
  intent: string,
  since: Date | undefined,
): Promise<{ reviewed: number; agreed: number }> {
  const recent = await tx
    .select({ agreed: sql<boolean>`${messageCorrections.value} = ${messageCorrections.predicted}` })
    .from(messageCorrections)
    .where(
      and(
        eq(messageCorrections.workspaceId, workspaceId),
        eq(messageCorrections.field, 'intent'),
        eq(messageCorrections.predicted, intent),
        since ? gt(messageCorrections.correctedAt, since) : undefined,
      ),
    )
    .orderBy(desc(messageCorrections.correctedAt), desc(messageCorrections.id))
    .limit(ACCURACY_WINDOW)
  return { reviewed: recent.length, agreed: recent.filter((r) => r.agreed).length }
}

export interface AccuracyCheck {
  /** The intent's automations are paused now. */
  paused: boolean
  /** This review raised the alert (it was not open before): the caller reports it. */
  raised: { accuracy: number; reviewed: number } | null
}

/**
 * Re-measures one intent after a review and raises the alert (pausing the intent's automations)
 * when it falls under the threshold.
 */
export async function checkIntentAccuracy(
  tx: Executor,
  workspaceId: string,
  intent: string,
  now: Date,
): Promise<AccuracyCheck> {
  const since = (await confirmedSince(tx, workspaceId)).get(intent)
  const { reviewed, agreed } = await windowOf(tx, workspaceId, intent, since)
  if (reviewed < ACCURACY_MIN_REVIEWS || agreed / reviewed >= ACCURACY_ALERT_BELOW)
    return { paused: (await pausedIntents(tx, workspaceId)).has(intent), raised: null }
  const inserted = await tx
    .insert(intentAutomationPauses)
    .values({ workspaceId, intent, accuracy: agreed / reviewed, reviewed, raisedAt: now })
    .onConflictDoNothing()
    .returning({ id: intentAutomationPauses.id })
  return { paused: true, raised: inserted.length > 0 ? { accuracy: agreed / reviewed, reviewed } : null }
}

/** Intents whose automations are paused in the workspace (an alert no admin has confirmed). */
export async function pausedIntents(tx: Executor, workspaceId: string): Promise<Set<string>> {
  const rows = await tx
    .select({ intent: intentAutomationPauses.intent })
    .from(intentAutomationPauses)
    .where(
      and(eq(intentAutomationPauses.workspaceId, workspaceId), isNull(intentAutomationPauses.confirmedAt)),
    )
  return new Set(rows.map((r) => r.intent))
}

/** Paused intents of several workspaces in one statement (the rules engine's batch). */
export async function pausedIntentsByWorkspace(
  tx: Executor,
  workspaceIds: string[],
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>()
  if (workspaceIds.length === 0) return out
  const rows = await tx
    .select({ workspaceId: intentAutomationPauses.workspaceId, intent: intentAutomationPauses.intent })
    .from(intentAutomationPauses)
    .where(
      and(
        inArray(intentAutomationPauses.workspaceId, workspaceIds),
        isNull(intentAutomationPauses.confirmedAt),
      ),
    )
  for (const r of rows) {
    const set = out.get(r.workspaceId) ?? new Set<string>()
    set.add(r.intent)
    out.set(r.workspaceId, set)
  }
  return out
}

/** An admin has looked at the alert: the intent's automations run again and a new window starts. */
export async function confirmIntentAlert(
  tx: Executor,
  workspaceId: string,
  intent: string,
  by: string,
  now: Date,
): Promise<void> {
  const done = await tx
    .update(intentAutomationPauses)
    .set({ confirmedAt: now, confirmedBy: by })
    .where(
      and(
        eq(intentAutomationPauses.workspaceId, workspaceId),
        eq(intentAutomationPauses.intent, intent),
        isNull(intentAutomationPauses.confirmedAt),
      ),
    )
    .returning({ id: intentAutomationPauses.id })
  if (done.length === 0) throw new NotFoundError(`No open accuracy alert for ${intent} in this workspace.`)
}

/** Accuracy per intent over each one's current window, with open alerts. */
export async function intentAccuracy(tx: Executor, workspaceId: string): Promise<IntentAccuracy[]> {
  const since = await confirmedSince(tx, workspaceId)
  const open = await tx
    .select()
    .from(intentAutomationPauses)
    .where(
      and(eq(intentAutomationPauses.workspaceId, workspaceId), isNull(intentAutomationPauses.confirmedAt)),
    )
  const alerts = new Map(open.map((r) => [r.intent, r]))
  const out: IntentAccuracy[] = []
  for (const intent of INTENTS) {
    const { reviewed, agreed } = await windowOf(tx, workspaceId, intent, since.get(intent))
    const alert = alerts.get(intent)
    out.push({
      intent,
      reviewed,
      agreed,
      accuracy: reviewed === 0 ? null : agreed / reviewed,
      paused: Boolean(alert),
      alert: alert
        ? { accuracy: alert.accuracy, reviewed: alert.reviewed, raised_at: alert.raisedAt.toISOString() }
        : null,
    })
  }
  return out
}
