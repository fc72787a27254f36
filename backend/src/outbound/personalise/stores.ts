import { and, asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Executor } from '../../db/client'
import { type Store, stores } from '../../db/schema'

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()

/** A store as an admin writes it (POST creates, PUT replaces every field). */
export const storeInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    address: z.string().trim().min(1).max(500),
    city: optionalText(120),
    region: optionalText(120),
    country: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, { message: 'an ISO 3166 alpha-2 code such as BR' })
      .transform((v) => v.toUpperCase())
      .nullable()
      .optional(),
    hours: optionalText(500),
    maps_url: z
      .string()
      .trim()
      .url()
      .max(2048)
      .refine((v) => /^https?:\/\//i.test(v), { message: 'an http(s) link' })
      .nullable()
      .optional(),
    /** Neighbourhoods, other spellings of the city, postcode prefixes ("01310"). */
    aliases: z.array(z.string().trim().min(1).max(120)).max(100).default([]),
  })
  .strict()

export type StoreInput = z.output<typeof storeInputSchema>

const columnsOf = (input: StoreInput) => ({
  name: input.name,
  address: input.address,
  city: input.city ?? null,
  region: input.region ?? null,
  country: input.country ?? null,
  hours: input.hours ?? null,
  mapsUrl: input.maps_url ?? null,
  aliases: input.aliases,
})

/** The workspace's stores, oldest first: "the first store" is the one added first. */
export function listStores(db: Executor, workspaceId: string): Promise<Store[]> {
  return db
    .select()
    .from(stores)
    .where(eq(stores.workspaceId, workspaceId))
    .orderBy(asc(stores.createdAt), asc(stores.id))
}

export async function createStore(db: Executor, workspaceId: string, input: StoreInput): Promise<Store> {
  const [row] = await db
    .insert(stores)
    .values({ workspaceId, ...columnsOf(input) })
    .returning()
  return row as Store
}

/** Replaces a store's fields; null when the workspace has no such store. */
export async function replaceStore(
  db: Executor,
  workspaceId: string,
  id: string,
  input: StoreInput,
): Promise<Store | null> {
  const [row] = await db
    .update(stores)
    .set({ ...columnsOf(input), updatedAt: new Date() })
    .where(and(eq(stores.workspaceId, workspaceId), eq(stores.id, id)))
    .returning()
  return row ?? null
}

/** True when a store was deleted. */
export async function deleteStore(db: Executor, workspaceId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(stores)
    .where(and(eq(stores.workspaceId, workspaceId), eq(stores.id, id)))
    .returning({ id: stores.id })
  return rows.length > 0
}

/** A store as the API shows it. */
export function storeView(store: Store) {
  return {
    id: store.id,
    name: store.name,
    address: store.address,
    city: store.city,
    region: store.region,
    country: store.country,
    hours: store.hours,
    maps_url: store.mapsUrl,
    aliases: store.aliases,
    created_at: store.createdAt.toISOString(),
    updated_at: store.updatedAt.toISOString(),
  }
}
