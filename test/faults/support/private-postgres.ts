import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../../support/free-port'

/**
 * A Postgres cluster of the fault suite's own: initdb into a temp dir, its own port, run as the
 * `postgres` OS user (the server refuses to run as root). Restarting it disturbs nobody, unlike the
 * shared server on 5432 that other test files use at the same time.
 */
export interface PrivatePostgres {
  port: number
  /** postgres://postgres@127.0.0.1:PORT/<database> */
  url(database?: string): string
  /** Stops the server (`fast`: sessions are ended with 57P01, like an operator's restart). */
  stop(mode?: 'fast' | 'immediate'): void
  start(): void
  /** Removes the cluster and its files. */
  destroy(): void
}

const BIN_ROOT = '/usr/lib/postgresql'

/** The newest Debian Postgres binaries, or null when this machine has none. */
export function postgresBin(): string | null {
  if (!existsSync(BIN_ROOT)) return null
  const versions = readdirSync(BIN_ROOT)
    .filter((v) => existsSync(join(BIN_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return versions[0] ? join(BIN_ROOT, versions[0], 'bin') : null
}

/** Private clusters need the binaries, root (to hand the directory over) and a `postgres` user. */
export function canRunPrivatePostgres(): boolean {
  if (!postgresBin() || process.getuid?.() !== 0) return false
  return spawnSync('id', ['-u', 'postgres']).status === 0 && spawnSync('runuser', ['--help']).status === 0
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBin()
  if (!bin) throw new Error('no Postgres binaries under /usr/lib/postgresql')
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
  const root = mkdtempSync(join(tmpdir(), 'scrm-faults-pg-'))
  chmodSync(root, 0o755)
  chownSync(root, uid, gid)
  const data = join(root, 'data')
  const log = join(root, 'server.log')
  const port = await freePort()
  const asPostgres = (cmd: string, args: string[]) => {
    const r = spawnSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { encoding: 'utf8' })
    if (r.status !== 0) {
      const serverLog = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : ''
      throw new Error(`${cmd} failed (${r.status}): ${r.stderr}${r.stdout}\n${serverLog}`)
    }
  }
  asPostgres('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8'])
  const options = [
    `-p ${port}`,
    `-k ${root}`,
    '-c listen_addresses=127.0.0.1',
    // Throwaway data: durability is not under test, start-up and restart speed are.
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=100',
  ].join(' ')
  let running = false
  const cluster: PrivatePostgres = {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start() {
      asPostgres('pg_ctl', ['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start'])
      running = true
    },
    stop(mode = 'fast') {
      if (!running) return
      asPostgres('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop'])
      running = false
    },
    destroy() {
      try {
        cluster.stop('immediate')
      } finally {
        rmSync(root, { recursive: true, force: true })
      }
    },
  }
  cluster.start()
  // A test that dies half-way must not leave a server behind.
  process.once('exit', () => {
    if (running)
      spawnSync('runuser', [
        '-u',
        'postgres',
        '--',
        join(bin, 'pg_ctl'),
        '-D',
        data,
        '-m',
        'immediate',
        'stop',
      ])
    rmSync(root, { recursive: true, force: true })
  })
  return cluster
}
