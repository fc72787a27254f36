import { eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Executor } from '../../db/client'
import { workspaces } from '../../db/schema'
import { decryptSecret, encryptSecret } from '../../lib/crypto'
import { JobError } from './job-error'

export const DEFAULT_ORDER_LOOKUP_TIMEOUT_MS = 3_000

/** Only plain web URLs: the worker POSTs contact data there, so no file:, data: or other schemes. */
export const httpUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .url()
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), {
    message: 'must be an http:// or https:// URL',
  })

/** What an admin sends. `secret` omitted keeps the stored one; null removes it. */
export const orderLookupInputSchema = z
  .object({
    url: httpUrlSchema,
    secret: z.string().min(16, { message: 'use at least 16 characters' }).max(256).nullable().optional(),
    timeout_ms: z.number().int().min(100).max(30_000).default(DEFAULT_ORDER_LOOKUP_TIMEOUT_MS),
  })
  .strict()
export type OrderLookupInput = z.infer<typeof orderLookupInputSchema>

/** What is stored in `workspaces.settings.order_lookup`: the secret sealed with ENCRYPTION_KEY. */
const storedSchema = z.object({
  url: httpUrlSchema,
  secret_encrypted: z.string().nullable().default(null),
  timeout_ms: z.number().int().min(100).max(30_000).default(DEFAULT_ORDER_LOOKUP_TIMEOUT_MS),
})
type Stored = z.infer<typeof storedSchema>

export interface OrderLookupConfig {
  url: string
  secret: string | null
  timeoutMs: number
}

/** What the admin API shows: never the secret, only whether there is one. */
export interface OrderLookupView {
  configured: boolean
  url: string | null
  timeout_ms: number
  secret_set: boolean
}

async function readStored(db: Executor, workspaceId: string): Promise<Stored | null> {
  const [ws] = await db
    .select({ settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
  const raw = ws?.settings.order_lookup
  if (raw === undefined || raw === null) return null
  const parsed = storedSchema.safeParse(raw)
  return parsed.success ? parsed.data : null
}

export async function getOrderLookupView(db: Executor, workspaceId: string): Promise<OrderLookupView> {
  const stored = await readStored(db, workspaceId)
  return {
    configured: stored !== null,
    url: stored?.url ?? null,
    timeout_ms: stored?.timeout_ms ?? DEFAULT_ORDER_LOOKUP_TIMEOUT_MS,
    secret_set: Boolean(stored?.secret_encrypted),
  }
}

export async function saveOrderLookup(
  db: Executor,
  workspaceId: string,
  input: OrderLookupInput,
  encryptionKey: Buffer,
): Promise<OrderLookupView> {
  const before = await readStored(db, workspaceId)
  const secretEncrypted =
    input.secret === undefined
      ? (before?.secret_encrypted ?? null)
      : input.secret === null
        ? null
        : encryptSecret(input.secret, encryptionKey)
  const stored: Stored = { url: input.url, secret_encrypted: secretEncrypted, timeout_ms: input.timeout_ms }
  await writeSetting(db, workspaceId, stored)
  return getOrderLookupView(db, workspaceId)
}

export async function removeOrderLookup(db: Executor, workspaceId: string): Promise<void> {
  await db
    .update(workspaces)
    .set({ settings: sql`${workspaces.settings} - 'order_lookup'`, updatedAt: new Date() })
    .where(eq(workspaces.id, workspaceId))
}

function writeSetting(db: Executor, workspaceId: string, stored: Stored) {
  return db
    .update(workspaces)
    .set({
      settings: sql`${workspaces.settings} || ${JSON.stringify({ order_lookup: stored })}::jsonb`,
      updatedAt: new Date(),
    })
    .where(eq(workspaces.id, workspaceId))
}

/** The endpoint the worker calls, with the secret opened; null when none is configured. */
export async function loadOrderLookupConfig(
  db: Executor,
  workspaceId: string,
  encryptionKey: Buffer,
): Promise<OrderLookupConfig | null> {
  const stored = await readStored(db, workspaceId)
  if (!stored) return null
  return {
    url: stored.url,
    secret: stored.secret_encrypted ? openSecret(stored.secret_encrypted, encryptionKey) : null,
    timeoutMs: stored.timeout_ms,
  }
}

function openSecret(sealed: string, encryptionKey: Buffer): string {
  try {
    return decryptSecret(sealed, encryptionKey)
  } catch {
    throw new JobError(
      'order_lookup_secret_unreadable',
      'The order-lookup secret cannot be opened with this ENCRYPTION_KEY: set it again.',
      false,
    )
  }
}
