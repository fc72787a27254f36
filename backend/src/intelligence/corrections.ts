import { and, desc, eq, lt } from 'drizzle-orm'
import type { Database, Executor } from '../db/client'
import { contacts, type MessageCorrection, messageCorrections, messages } from '../db/schema'
import { InvalidInputError, NotFoundError } from '../lib/errors'
import { type AccuracyCheck, checkIntentAccuracy } from './intent-accuracy'
import { INTENTS, SENTIMENT_LABELS, type SentimentLabel } from './types'

export type CorrectionField = 'intent' | 'sentiment'

export interface CorrectionInput {
  field: CorrectionField
  value: string
  /** The rep as the card knows them (CRM user id or e-mail), kept with the key that called. */
  rep?: string
}

export interface CorrectionView {
  id: number
  message_id: number
  field: CorrectionField
  predicted: string | null
  predicted_confidence: number | null
  value: string
  agreed: boolean
  corrected_by: string
  rep: string | null
  corrected_at: string
}

/** A corrected sentiment label stored as a score the thread and rules read like any other. */
const LABEL_SCORE: Record<SentimentLabel, number> = { negative: 0.15, neutral: 0.5, positive: 0.85 }

export function sentimentLabelOf(score: number | null): SentimentLabel | null {
  if (score === null) return null
  return score < 0.4 ? 'negative' : score > 0.6 ? 'positive' : 'neutral'
}

export function toCorrectionView(r: MessageCorrection): CorrectionView {
  return {
    id: r.id,
    message_id: r.messageId,
    field: r.field,
    predicted: r.predicted,
    predicted_confidence: r.predictedConfidence,
    value: r.value,
    agreed: r.predicted === r.value,
    corrected_by: r.correctedBy,
    rep: r.rep,
    corrected_at: r.correctedAt.toISOString(),
  }
}

/**
 * A rep's one click: says what a customer message means. The message shows the rep's answer at
 * once (as a fact); the prediction is kept on the correction for accuracy tracking and training,
 * and the intent's accuracy is re-measured (which may pause its automations). Correcting the same
 * message again replaces the rep's earlier answer, not the model's original prediction.
 */
export async function recordCorrection(
  db: Database,
  workspaceId: string,
  messageId: number,
  input: CorrectionInput,
  correctedBy: string,
  now: Date,
): Promise<{ correction: CorrectionView; paused: boolean; alert: AccuracyCheck['raised'] }> {
  const allowed: readonly string[] = input.field === 'intent' ? INTENTS : SENTIMENT_LABELS
  if (!allowed.includes(input.value))
    throw new InvalidInputError(`${input.value} is not a ${input.field}`, [
      { path: 'value', message: `one of ${allowed.join(', ')}` },
    ])
  return db.transaction(async (tx) => {
    const [m] = await tx
      .select()
      .from(messages)
      .where(and(eq(messages.id, messageId), eq(messages.workspaceId, workspaceId)))
      .for('update')
    if (!m) throw new NotFoundError('No such message in this workspace.')
    if (m.direction !== 'inbound' || !m.text)
      throw new InvalidInputError('Only customer messages with text have an intent and a sentiment.')
    const [earlier] = await tx
      .select()
      .from(messageCorrections)
      .where(and(eq(messageCorrections.messageId, messageId), eq(messageCorrections.field, input.field)))
    const predicted = earlier
      ? { predicted: earlier.predicted, predictedConfidence: earlier.predictedConfidence }
      : input.field === 'intent'
        ? { predicted: m.intent, predictedConfidence: m.intentConfidence }
        : { predicted: sentimentLabelOf(m.sentiment), predictedConfidence: null }
    const values = {
      workspaceId,
      messageId,
      field: input.field,
      ...predicted,
      value: input.value,
      correctedBy,
      rep: input.rep ?? null,
      correctedAt: now,
    }
    const [row] = await tx
      .insert(messageCorrections)
      .values(values)
      .onConflictDoUpdate({
        target: [messageCorrections.messageId, messageCorrections.field],
        set: { value: values.value, correctedBy, rep: values.rep, correctedAt: now },
      })
      .returning()
    await applyToMessage(tx, m, input)
    const check =
      input.field === 'intent' && row.predicted
        ? await checkIntentAccuracy(tx, workspaceId, row.predicted, now)
        : { paused: false, raised: null }
    return { correction: toCorrectionView(row), paused: check.paused, alert: check.raised }
  })
}

async function applyToMessage(
  tx: Executor,
  m: typeof messages.$inferSelect,
  input: CorrectionInput,
): Promise<void> {
  if (input.field === 'sentiment') {
    await tx
      .update(messages)
      .set({ sentiment: LABEL_SCORE[input.value as SentimentLabel] })
      .where(eq(messages.id, m.id))
    return
  }
  const secondary = (m.intents ?? []).filter((i) => i.value !== input.value)
  await tx
    .update(messages)
    .set({
      intent: input.value,
      intentConfidence: 1,
      intents: [{ value: input.value, confidence: 1 }, ...secondary],
    })
    .where(eq(messages.id, m.id))
  // The contact's current intent follows the message that set it.
  await tx
    .update(contacts)
    .set({ lastIntent: input.value, lastIntentConfidence: 1 })
    .where(and(eq(contacts.id, m.contactId), eq(contacts.lastIntentMessageId, m.id)))
}

export interface CorrectionPage {
  corrections: CorrectionView[]
  next_cursor: string | null
}

/** The workspace's corrections, newest first; `cursor` is the last id of the previous page. */
export async function listCorrections(
  db: Database,
  workspaceId: string,
  options: { field?: CorrectionField; limit: number; cursor?: number },
): Promise<CorrectionPage> {
  const rows = await db
    .select()
    .from(messageCorrections)
    .where(
      and(
        eq(messageCorrections.workspaceId, workspaceId),
        options.field ? eq(messageCorrections.field, options.field) : undefined,
        options.cursor !== undefined ? lt(messageCorrections.id, options.cursor) : undefined,
      ),
    )
    .orderBy(desc(messageCorrections.id))
    .limit(options.limit + 1)
  const page = rows.slice(0, options.limit)
  return {
    corrections: page.map(toCorrectionView),
    next_cursor: rows.length > options.limit ? String(page.at(-1)?.id) : null,
  }
}
