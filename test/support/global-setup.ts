import { ensureConsoleBuilt } from '../../admin-console/scripts/build.mjs'
import { openDatabase } from '../../backend/src/db/client'
import { migrateDatabase } from '../../backend/src/db/migrate'
import { adminQuery, serverUrl, TEMPLATE_DB } from './test-db'

/**
 * Builds the admin console when missing or stale (the browser tests load it from the backend), and
 * migrates the template database once per run when a Postgres server is configured.
 */
export default async function setup(): Promise<void> {
  await ensureConsoleBuilt()
  if (!process.env.DATABASE_URL) return
  await adminQuery(`drop database if exists ${TEMPLATE_DB} with (force)`)
  await adminQuery(`create database ${TEMPLATE_DB}`)
  const handle = await openDatabase({ driver: 'pg', url: serverUrl(TEMPLATE_DB), poolSize: 1 })
  await migrateDatabase(handle)
  await handle.close()
}
