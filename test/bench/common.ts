import { readdirSync, readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import pg from 'pg'

/** Shared plumbing of the benchmarks: databases, statistics and CPU accounting. */

export const SERVER_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'

export const BENCH_SECRETS = {
  ADMIN_API_KEY: 'bench-admin-key-0123456789abcdef',
  WHATSAPP_APP_SECRET: 'bench-app-secret-0123456789',
  WHATSAPP_VERIFY_TOKEN: 'bench-verify-token',
  ENCRYPTION_KEY: '11'.repeat(32),
}

export function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL)
  url.pathname = `/${name}`
  return url.toString()
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER_URL })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

/** `with (force)` so a previous run that died mid-way cannot leave sessions that block the drop. */
export async function recreateDatabase(name: string): Promise<string> {
  await admin(async (c) => {
    await c.query(`drop database if exists ${name} with (force)`)
    await c.query(`create database ${name}`)
  })
  return databaseUrl(name)
}

export async function dropDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`drop database if exists ${name} with (force)`))
}

/** Nearest-rank percentile: a value that was really observed, never an interpolation. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)))
  return sorted[rank - 1] as number
}

export function sortedCopy(values: number[]): Float64Array {
  return Float64Array.from(values).sort()
}

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits
export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US')

const TICK_MS = 10 // USER_HZ is 100 on every Linux we run on

/** CPU milliseconds used so far by each Postgres server process, by pid. */
export function postgresCpu(): Map<string, number> {
  const out = new Map<string, number>()
  let dirs: string[]
  try {
    dirs = readdirSync('/proc')
  } catch {
    return out
  }
  for (const pid of dirs) {
    if (!/^\d+$/.test(pid)) continue
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const close = stat.lastIndexOf(')')
      if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue
      const fields = stat.slice(close + 2).split(' ')
      out.set(pid, (Number(fields[11]) + Number(fields[12])) * TICK_MS)
    } catch {
      // The process exited between listing and reading.
    }
  }
  return out
}

/**
 * CPU milliseconds Postgres used since `before`. On a 2-core box, whether the database or node
 * saturates a core is the first question for any missed target. Per process, because pools close
 * idle connections and a backend that exits takes its counters with it.
 */
export function postgresCpuSince(before: Map<string, number>): number {
  let ms = 0
  for (const [pid, now] of postgresCpu()) ms += now - (before.get(pid) ?? 0)
  return ms
}

export const processCpuMs = (): number => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

/** Busy and total CPU milliseconds of the whole machine (all cores), from /proc/stat. */
export function machineCpuMs(): { busy: number; total: number } {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] as string
    const v = line.trim().split(/\s+/).slice(1).map(Number)
    const idle = (v[3] ?? 0) + (v[4] ?? 0)
    const total = v.slice(0, 8).reduce((a, b) => a + b, 0)
    return { busy: (total - idle) * TICK_MS, total: total * TICK_MS }
  } catch {
    return { busy: Number.NaN, total: Number.NaN }
  }
}

/** Serves `fetch` on a free loopback port. */
export async function listen(
  fetch: (req: Request) => Response | Promise<Response>,
): Promise<{ server: Server; origin: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
      resolve({ server, origin: `http://127.0.0.1:${info.port}` }),
    ) as Server
  })
}

export async function closeServer(server: Server | undefined): Promise<void> {
  if (!server) return
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
}
