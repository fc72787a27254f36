import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { ExtractTablesWithRelations } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import * as schema from './schema'

export type Schema = typeof schema
export type Database = PgDatabase<PgQueryResultHKT, Schema>
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Database | Transaction

export type DriverName = 'pglite' | 'pg' | 'neon'

export interface DbOptions {
  url?: string
  driver?: 'auto' | DriverName
  /** Where PGlite keeps its files; `memory://` for a throwaway database. */
  dataDir?: string
  poolSize?: number
  /** host:port of a plain WebSocket-to-TCP proxy (local tests); production Neon uses its own endpoint. */
  neonWsProxy?: string
  /** Told about connections the server dropped (restart, failover, admin kill); the process carries on. */
  onConnectionError?: (error: Error) => void
}

export interface DbHandle {
  db: Database
  driver: DriverName
  /** Applies the migrations in `folder`; concurrent starts wait for each other. */
  migrate(folder: string): Promise<void>
  /** Connections of the pool (node-postgres, Neon); PGlite has none. */
  poolStats?: () => { total: number; idle: number; waiting: number }
  close(): Promise<void>
}

/** Any fixed number: it names the lock that keeps two starting processes from migrating at once. */
const MIGRATION_LOCK = 7_340_211

interface LockableClient {
  query(text: string, values?: unknown[]): Promise<unknown>
  release(): void
}

/**
 * drizzle's migrator opens its own transaction, so the lock is a session lock held on one
 * dedicated connection that also runs the migrations; a second process waits, then finds
 * every migration recorded and does nothing.
 */
async function migrateExclusively(client: LockableClient, run: () => Promise<void>): Promise<void> {
  await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK])
  try {
    await run()
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {})
    client.release()
  }
}

const NEON_HOST = /\.neon\.(tech|build)$/i

export function chooseDriver(url: string | undefined, driver: DbOptions['driver'] = 'auto'): DriverName {
  if (driver && driver !== 'auto') return driver
  if (!url) return 'pglite'
  return NEON_HOST.test(new URL(url).hostname) ? 'neon' : 'pg'
}

/** Opens the database the environment asks for. Drivers are imported lazily: only one is needed. */
export async function openDatabase(options: DbOptions): Promise<DbHandle> {
  const driver = chooseDriver(options.url, options.driver)
  if (driver === 'pglite') return openPglite(options.dataDir ?? './.data')
  if (!options.url) throw new Error(`DATABASE_URL is required for the ${driver} driver`)
  return driver === 'pg' ? openNodePostgres(options.url, options) : openNeon(options)
}

const ignore = () => {}

/** How long taking a connection may wait: a database that does not answer fails the work, it does not hang it. */
const CONNECT_TIMEOUT_MS = 5_000

interface GuardablePool {
  on(event: 'error', listener: (error: Error) => void): unknown
  on(
    event: 'connect',
    listener: (client: { on(event: 'error', l: (error: Error) => void): unknown }) => void,
  ): unknown
}

/**
 * node-postgres emits 'error' on a client when its connection drops (57P01 on a server restart).
 * The pool listens on idle clients only and removes that listener at checkout, so a client held
 * by a transaction would raise an unhandled 'error' and end the process. A listener of our own on
 * every client, for its whole life, turns the drop into a failed query for whoever holds it; the
 * pool then discards the broken client on release.
 */
function guardPool(pool: GuardablePool, onError: (error: Error) => void): void {
  // Idle clients' errors come here too; the client's own listener has already reported them.
  pool.on('error', ignore)
  pool.on('connect', (client) => client.on('error', onError))
}

async function openPglite(dataDir: string): Promise<DbHandle> {
  const { PGlite } = await import('@electric-sql/pglite')
  const { drizzle } = await import('drizzle-orm/pglite')
  let location = dataDir
  if (!dataDir.startsWith('memory://')) {
    location = join(resolve(dataDir), 'pglite')
    mkdirSync(location, { recursive: true })
  }
  const client = await PGlite.create(location)
  const db = drizzle({ client, schema }) as unknown as Database
  const migrate = async (folder: string) => {
    const { migrate } = await import('drizzle-orm/pglite/migrator')
    await migrate(drizzle({ client, schema }), { migrationsFolder: folder })
  }
  return { db, driver: 'pglite', migrate, close: () => client.close() }
}

async function openNodePostgres(url: string, options: DbOptions): Promise<DbHandle> {
  const { default: pg } = await import('pg')
  const { drizzle } = await import('drizzle-orm/node-postgres')
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // A peer that vanished without a FIN (host down, network cut) is noticed instead of awaited forever.
    keepAlive: true,
  })
  guardPool(pool, options.onConnectionError ?? ignore)
  const db = drizzle({ client: pool, schema }) as unknown as Database
  const migrate = async (folder: string) => {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator')
    const client = await pool.connect()
    await migrateExclusively(client, () => migrate(drizzle({ client, schema }), { migrationsFolder: folder }))
  }
  return { db, driver: 'pg', migrate, poolStats: () => poolStats(pool), close: () => pool.end() }
}

async function openNeon(options: DbOptions): Promise<DbHandle> {
  const { Pool, neonConfig } = await import('@neondatabase/serverless')
  const { drizzle } = await import('drizzle-orm/neon-serverless')
  const { default: ws } = await import('ws')
  neonConfig.webSocketConstructor = ws
  if (options.neonWsProxy) {
    const proxy = options.neonWsProxy
    neonConfig.wsProxy = (host, port) => `${proxy}/v2?address=${host}:${port}`
    neonConfig.useSecureWebSocket = false
    neonConfig.pipelineTLS = false
    neonConfig.pipelineConnect = false
  }
  const pool = new Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  })
  guardPool(pool as unknown as GuardablePool, options.onConnectionError ?? ignore)
  const db = drizzle({ client: pool, schema }) as unknown as Database
  const migrate = async (folder: string) => {
    const { migrate } = await import('drizzle-orm/neon-serverless/migrator')
    const client = await pool.connect()
    await migrateExclusively(client, () => migrate(drizzle({ client, schema }), { migrationsFolder: folder }))
  }
  return { db, driver: 'neon', migrate, poolStats: () => poolStats(pool), close: () => pool.end() }
}

function poolStats(pool: { totalCount: number; idleCount: number; waitingCount: number }) {
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }
}
