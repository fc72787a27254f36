import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { build, buildNeeded } from '../../backend/scripts/build.mjs'
import { freePort } from '../support/free-port'
import { BENCH_SECRETS, dropDatabase, percentile, recreateDatabase, round, sortedCopy } from './common'

/**
 * `npm run bench:start`: time from spawning the backend to its first 200 on /healthz, and the
 * resident memory of its processes once it answers, for the compiled server (what `npm start`
 * runs: backend/scripts/start.mjs → backend/dist) against the tsx one (`tsx src/server.ts`, the
 * start command before the build existed), alternating, on the same database.
 *
 *   --runs N      starts of each kind (default 5), after one untimed warm-up of each
 *   --db pglite   the embedded database in a temporary folder (default)
 *   --db postgres a fresh database on the server in DATABASE_URL (default the local one)
 *
 * The last line is one JSON object with the figures.
 */
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, db: { type: 'string', default: 'pglite' } },
})
const RUNS = Number(values.runs)
const DB = values.db === 'postgres' ? 'postgres' : 'pglite'
if (process.platform !== 'linux') throw new Error('bench:start reads memory from /proc: run it on Linux')

const ROOT = join(import.meta.dirname, '..', '..')
const BACKEND = join(ROOT, 'backend')
const KINDS = {
  compiled: [process.execPath, [join(BACKEND, 'scripts', 'start.mjs'), 'server']],
  tsx: [join(ROOT, 'node_modules', '.bin', 'tsx'), [join(BACKEND, 'src', 'server.ts')]],
} as const
type Kind = keyof typeof KINDS

/** Resident memory of a process and its descendants (tsx runs the server in a child process). */
function treeRssMb(pid: number): number {
  const children = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      // Fields after the command name (which may hold spaces): state, ppid, ...
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)])
    } catch {
      // The process ended while the table was read.
    }
  }
  let kb = 0
  const visit = (p: number) => {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0)
    } catch {}
    for (const c of children.get(p) ?? []) visit(c)
  }
  visit(pid)
  return kb / 1024
}

async function startOnce(kind: Kind, env: Record<string, string>): Promise<{ ms: number; rssMb: number }> {
  const port = await freePort()
  const [command, args] = KINDS[kind]
  let output = ''
  const started = performance.now()
  const child: ChildProcess = spawn(command, [...args], {
    cwd: BACKEND,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, PORT: String(port) },
  })
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${kind} server exited:\n${output}`)
      if (performance.now() - started > 60_000) throw new Error(`${kind} server not up in 60 s:\n${output}`)
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
      if (ok) break
      await new Promise((r) => setTimeout(r, 10))
    }
    const ms = performance.now() - started
    // Memory once start-up work settles (migration check, model warm-up, first worker ticks).
    await new Promise((r) => setTimeout(r, 1000))
    return { ms, rssMb: treeRssMb(child.pid as number) }
  } finally {
    child.kill('SIGTERM')
    await exited
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'scrm-bench-start-'))
const pgName = 'scrm_bench_start'
const env: Record<string, string> = {
  ...BENCH_SECRETS,
  LOG_LEVEL: 'warn',
  DATA_DIR: dataDir,
  ...(DB === 'postgres' ? { DATABASE_URL: await recreateDatabase(pgName) } : {}),
}
try {
  if (buildNeeded()) {
    process.stdout.write('Compiling the backend first (not timed)...\n')
    await build()
  }
  process.stdout.write(`Node ${process.version}, database ${DB}, ${RUNS} starts of each kind\n`)
  // The warm-ups migrate the database and fill the OS file cache, so every timed start finds the same state.
  for (const kind of ['tsx', 'compiled'] as const) await startOnce(kind, env)
  const results: Record<Kind, { ms: number[]; rssMb: number[] }> = {
    compiled: { ms: [], rssMb: [] },
    tsx: { ms: [], rssMb: [] },
  }
  for (let i = 0; i < RUNS; i++) {
    for (const kind of ['tsx', 'compiled'] as const) {
      const r = await startOnce(kind, env)
      results[kind].ms.push(r.ms)
      results[kind].rssMb.push(r.rssMb)
      process.stdout.write(
        `  ${kind.padEnd(8)} run ${i + 1}: ${round(r.ms, 0)} ms to /healthz, ${round(r.rssMb)} MB RSS\n`,
      )
    }
  }
  const median = (xs: number[]) => percentile(sortedCopy(xs), 0.5)
  const figures = {
    bench: 'start',
    node: process.version,
    db: DB,
    runs: RUNS,
    compiledStartMs: round(median(results.compiled.ms), 0),
    tsxStartMs: round(median(results.tsx.ms), 0),
    startRatio: round(median(results.compiled.ms) / median(results.tsx.ms), 2),
    compiledRssMb: round(median(results.compiled.rssMb)),
    tsxRssMb: round(median(results.tsx.rssMb)),
    rssRatio: round(median(results.compiled.rssMb) / median(results.tsx.rssMb), 2),
  }
  process.stdout.write(
    `median start to /healthz: compiled ${figures.compiledStartMs} ms, tsx ${figures.tsxStartMs} ms ` +
      `(compiled/tsx ${figures.startRatio}; target <= 0.5)\n` +
      `median RSS: compiled ${figures.compiledRssMb} MB, tsx ${figures.tsxRssMb} MB (compiled/tsx ${figures.rssRatio})\n`,
  )
  process.stdout.write(`${JSON.stringify(figures)}\n`)
} finally {
  rmSync(dataDir, { recursive: true, force: true })
  if (DB === 'postgres') await dropDatabase(pgName)
}
