import { inArray } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { productCatalog } from '../db/schema'
import { insightsFor, type MessageInsights } from './message-insights'
import { ProductMatcher } from './product-matcher'
import { workspaceLayers } from './workspace-models'

/** What a customer message says: intent, sentiment, language and the products it names. */
export type InboundInsights = MessageInsights & { products: string[] }

/** The part of a message classification reads. */
export interface ClassifiableMessage {
  channel: { workspaceId: string }
  direction: 'inbound' | 'outbound'
  content: { type: string; text: string | null }
}

/** Messages classified between two yields: the webhook acks share this event loop. */
const CLASSIFY_SLICE = 25

/**
 * Intent, sentiment, language and products of every customer message in the batch (null for our
 * own messages and those without words). The work is CPU-bound, so it yields every few messages:
 * a 200-message batch in one go would hold up webhook acknowledgements served by the same process.
 */
export async function classifyInbound<T extends ClassifiableMessage>(
  tx: Executor,
  msgs: T[],
): Promise<Map<T, InboundInsights | null>> {
  const matchers = await productMatchers(tx, msgs)
  // Each workspace's messages are read with its own layer only (learned from its reps).
  const layers = await workspaceLayers(tx, [
    ...new Set(msgs.filter((m) => m.direction === 'inbound').map((m) => m.channel.workspaceId)),
  ])
  const out = new Map<T, InboundInsights | null>()
  for (const [i, m] of msgs.entries()) {
    if (i > 0 && i % CLASSIFY_SLICE === 0) await new Promise((r) => setImmediate(r))
    const found =
      m.direction === 'inbound'
        ? insightsFor(m.content.type, m.content.text, layers.get(m.channel.workspaceId))
        : null
    out.set(
      m,
      found ? { ...found, products: matchers.get(m.channel.workspaceId)?.match(m.content.text) ?? [] } : null,
    )
  }
  return out
}

/** One matcher per workspace in the batch, from its product catalogue. */
async function productMatchers(
  tx: Executor,
  msgs: ClassifiableMessage[],
): Promise<Map<string, ProductMatcher>> {
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
