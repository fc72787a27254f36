import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { type DbHandle, openDatabase } from '../../backend/src/db/client'
import { migrateDatabase } from '../../backend/src/db/migrate'

export type Engine = 'pglite' | 'pg'

/**
 * The template database global-setup migrates once per run; each test file clones it. Runs from
 * two checkouts against one server at once each need their own (`SCRM_TEST_TEMPLATE_DB`).
 */
export const TEMPLATE_DB = process.env.SCRM_TEST_TEMPLATE_DB ?? 'scrm_test_template'

/** PGlite always; the Postgres server too when DATABASE_URL points at one (as in CI). */
export const ENGINES: Engine[] = process.env.DATABASE_URL ? ['pglite', 'pg'] : ['pglite']

export function serverUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL as string)
  url.pathname = `/${database}`
  return url.toString()
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or a clone of the
 * migrated template on the Postgres server (dropped again on close).
 */
export async function openTestDb(engine: Engine): Promise<DbHandle> {
  if (engine === 'pglite') {
    const handle = await openDatabase({ driver: 'pglite', dataDir: 'memory://' })
    await migrateDatabase(handle)
    return handle
  }
  const name = `scrm_t_${process.pid}_${randomBytes(4).toString('hex')}`
  await adminQuery(`create database ${name} template ${TEMPLATE_DB}`)
  const handle = await openDatabase({ driver: 'pg', url: serverUrl(name), poolSize: 8 })
  return {
    ...handle,
    async close() {
      await handle.close()
      await adminQuery(`drop database if exists ${name} with (force)`)
    },
  }
}

export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}
