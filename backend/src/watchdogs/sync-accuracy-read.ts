import { desc, eq } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { syncAccuracySamples } from '../db/schema'

/** The latest samples of a connection, newest first. */
export async function latestSamples(db: Executor, connectionId: string, limit: number) {
  return db
    .select()
    .from(syncAccuracySamples)
    .where(eq(syncAccuracySamples.connectionId, connectionId))
    .orderBy(desc(syncAccuracySamples.sampledAt))
    .limit(limit)
}
