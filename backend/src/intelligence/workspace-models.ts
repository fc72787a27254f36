import { and, asc, eq, inArray, isNotNull, max } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { messageCorrections, messages, workspaceIntentModels } from '../db/schema'
import { readClauses } from './clauses'
import { intentFeatures } from './features'
import { DEFAULT_PARAMS, intentLogits } from './intent'
import type { LearnedLayers } from './learned-layers'
import { intentModel } from './model'
import { prepare } from './normalize'
import { valenceOf } from './sentiment'
import { type SentimentExample, SentimentLayer } from './sentiment-layer'
import { INTENTS, type Intent, SENTIMENT_LABELS, type SentimentLabel } from './types'
import { type LayerExample, WorkspaceLayer } from './workspace-layer'

/** The corrections a layer is trained on: the newest per workspace (older ones describe old habits). */
export const TRAINING_WINDOW = 2000

export interface RetrainResult {
  workspaceId: string
  /** Intent corrections the intent layer learned from, and its features. */
  examples: number
  features: number
  /** Sentiment corrections the sentiment layer learned from, and its features. */
  sentimentExamples: number
  sentimentFeatures: number
  trainedAt: Date
}

const isIntent = (v: string): v is Intent => (INTENTS as readonly string[]).includes(v)
const isSentiment = (v: string): v is SentimentLabel => (SENTIMENT_LABELS as readonly string[]).includes(v)

/**
 * Trains the workspace's intent and sentiment layers on its reps' corrections (and confirmations)
 * and stores them. Only this workspace's rows are read, and only its row is written.
 */
export async function retrainWorkspace(tx: Executor, workspaceId: string, now: Date): Promise<RetrainResult> {
  const rows = await tx
    .select({
      id: messageCorrections.id,
      field: messageCorrections.field,
      value: messageCorrections.value,
      text: messages.text,
    })
    .from(messageCorrections)
    .innerJoin(messages, eq(messages.id, messageCorrections.messageId))
    .where(and(eq(messageCorrections.workspaceId, workspaceId), isNotNull(messages.text)))
    .orderBy(asc(messageCorrections.id))
  const recent = rows.filter((r) => r.field === 'intent').slice(-TRAINING_WINDOW)
  const examples: LayerExample[] = recent.flatMap((r) => {
    if (!r.text || !isIntent(r.value)) return []
    const p = prepare(r.text)
    if (p.tokens.length === 0) return []
    return [
      {
        features: intentFeatures(readClauses(p).reading),
        base: intentLogits(p, intentModel(), DEFAULT_PARAMS),
        label: r.value,
      },
    ]
  })
  const layer = WorkspaceLayer.train(examples)
  const sentimentExamples: SentimentExample[] = rows
    .filter((r) => r.field === 'sentiment')
    .slice(-TRAINING_WINDOW)
    .flatMap((r) => {
      if (!r.text || !isSentiment(r.value)) return []
      const p = prepare(r.text)
      return p.tokens.length === 0
        ? []
        : [{ features: intentFeatures(p), base: valenceOf(p), label: r.value }]
    })
  const sentiment = SentimentLayer.train(sentimentExamples)
  const lastCorrectionId = rows.at(-1)?.id ?? 0
  const values = {
    weights: layer.toJSON(),
    examples: examples.length,
    sentimentWeights: sentiment.toJSON(),
    sentimentExamples: sentimentExamples.length,
    lastCorrectionId,
    trainedAt: now,
  }
  await tx
    .insert(workspaceIntentModels)
    .values({ workspaceId, ...values })
    .onConflictDoUpdate({ target: workspaceIntentModels.workspaceId, set: values })
  layers.delete(workspaceId)
  return {
    workspaceId,
    examples: examples.length,
    features: layer.size,
    sentimentExamples: sentimentExamples.length,
    sentimentFeatures: sentiment.size,
    trainedAt: now,
  }
}

/** Whether a rep corrected (or re-corrected) something since the workspace's layers were trained. */
export async function retrainDue(tx: Executor, workspaceId: string): Promise<boolean> {
  const [newest] = await tx
    .select({ at: max(messageCorrections.correctedAt) })
    .from(messageCorrections)
    .where(eq(messageCorrections.workspaceId, workspaceId))
  if (!newest?.at) return false
  const [model] = await tx
    .select({ trainedAt: workspaceIntentModels.trainedAt })
    .from(workspaceIntentModels)
    .where(eq(workspaceIntentModels.workspaceId, workspaceId))
  return !model || model.trainedAt.getTime() < new Date(newest.at).getTime()
}

/**
 * Parsed layers by workspace, keyed by their training time so a retrain in another process is
 * picked up: the row is read on every batch (one indexed lookup), the weights parsed only on change.
 */
const layers = new Map<string, { trainedAt: number; layers: LearnedLayers }>()

/** The learned layers of each workspace that has any (absent: the shared models alone). */
export async function workspaceLayers(
  tx: Executor,
  workspaceIds: string[],
): Promise<Map<string, LearnedLayers>> {
  const out = new Map<string, LearnedLayers>()
  if (workspaceIds.length === 0) return out
  const stamps = await tx
    .select({ workspaceId: workspaceIntentModels.workspaceId, trainedAt: workspaceIntentModels.trainedAt })
    .from(workspaceIntentModels)
    .where(inArray(workspaceIntentModels.workspaceId, workspaceIds))
  const stale = stamps.filter((s) => layers.get(s.workspaceId)?.trainedAt !== s.trainedAt.getTime())
  if (stale.length > 0) {
    const rows = await tx
      .select()
      .from(workspaceIntentModels)
      .where(
        inArray(
          workspaceIntentModels.workspaceId,
          stale.map((s) => s.workspaceId),
        ),
      )
    for (const r of rows) {
      const intent = WorkspaceLayer.fromJSON(r.weights)
      const sentiment = SentimentLayer.fromJSON(r.sentimentWeights)
      layers.set(r.workspaceId, {
        trainedAt: r.trainedAt.getTime(),
        layers: {
          intent: intent.size > 0 ? intent : undefined,
          sentiment: sentiment.size > 0 ? sentiment : undefined,
        },
      })
    }
  }
  for (const s of stamps) {
    const cached = layers.get(s.workspaceId)?.layers
    if (cached && (cached.intent || cached.sentiment)) out.set(s.workspaceId, cached)
  }
  return out
}
