import { and, asc, eq, inArray, isNotNull, max } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { messageCorrections, messages, workspaceIntentModels } from '../db/schema'
import { readClauses } from './clauses'
import { intentFeatures } from './features'
import { DEFAULT_PARAMS, intentLogits } from './intent'
import { intentModel } from './model'
import { prepare } from './normalize'
import { INTENTS, type Intent } from './types'
import { type LayerExample, WorkspaceLayer } from './workspace-layer'

/** The corrections a layer is trained on: the newest per workspace (older ones describe old habits). */
export const TRAINING_WINDOW = 2000

export interface RetrainResult {
  workspaceId: string
  examples: number
  features: number
  trainedAt: Date
}

const isIntent = (v: string): v is Intent => (INTENTS as readonly string[]).includes(v)

/**
 * Trains the workspace's layer on its reps' intent corrections (and confirmations) and stores it.
 * Only this workspace's rows are read, and only its row is written.
 */
export async function retrainWorkspace(tx: Executor, workspaceId: string, now: Date): Promise<RetrainResult> {
  const rows = await tx
    .select({ id: messageCorrections.id, value: messageCorrections.value, text: messages.text })
    .from(messageCorrections)
    .innerJoin(messages, eq(messages.id, messageCorrections.messageId))
    .where(
      and(
        eq(messageCorrections.workspaceId, workspaceId),
        eq(messageCorrections.field, 'intent'),
        isNotNull(messages.text),
      ),
    )
    .orderBy(asc(messageCorrections.id))
  const recent = rows.slice(-TRAINING_WINDOW)
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
  const lastCorrectionId = rows.at(-1)?.id ?? 0
  const values = {
    weights: layer.toJSON(),
    examples: examples.length,
    lastCorrectionId,
    trainedAt: now,
  }
  await tx
    .insert(workspaceIntentModels)
    .values({ workspaceId, ...values })
    .onConflictDoUpdate({ target: workspaceIntentModels.workspaceId, set: values })
  layers.delete(workspaceId)
  return { workspaceId, examples: examples.length, features: layer.size, trainedAt: now }
}

/** Whether a rep corrected (or re-corrected) something since the workspace's layer was trained. */
export async function retrainDue(tx: Executor, workspaceId: string): Promise<boolean> {
  const [newest] = await tx
    .select({ at: max(messageCorrections.correctedAt) })
    .from(messageCorrections)
    .where(and(eq(messageCorrections.workspaceId, workspaceId), eq(messageCorrections.field, 'intent')))
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
const layers = new Map<string, { trainedAt: number; layer: WorkspaceLayer }>()

export async function workspaceLayers(
  tx: Executor,
  workspaceIds: string[],
): Promise<Map<string, WorkspaceLayer>> {
  const out = new Map<string, WorkspaceLayer>()
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
    for (const r of rows)
      layers.set(r.workspaceId, {
        trainedAt: r.trainedAt.getTime(),
        layer: WorkspaceLayer.fromJSON(r.weights),
      })
  }
  for (const s of stamps) {
    const cached = layers.get(s.workspaceId)
    if (cached && cached.layer.size > 0) out.set(s.workspaceId, cached.layer)
  }
  return out
}
