import { fileURLToPath } from 'node:url'
import type { DbHandle } from './client'

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url))

/** Applies drizzle-kit's generated migrations (one journal) with the driver's own migrator. */
export async function migrateDatabase(handle: DbHandle): Promise<void> {
  await handle.migrate(MIGRATIONS_FOLDER)
}
