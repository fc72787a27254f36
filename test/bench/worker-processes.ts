import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, buildNeeded } from '../../backend/scripts/build.mjs'

/**
 * `npm run worker` processes for the scale benchmark: the compiled worker (as deployed), each
 * its own Node process on the benchmark's database.
 */

const DIST_WORKER = join(fileURLToPath(new URL('../../backend/dist', import.meta.url)), 'worker.js')

export async function ensureBuilt(log: (line: string) => void): Promise<void> {
  const why = buildNeeded()
  if (!why) return
  log(`compiling the backend (${why})...`)
  await build()
}

export interface WorkerGroup {
  processes: ChildProcess[]
  stop(): Promise<void>
}

/** Starts `count` worker processes and resolves once each has logged "worker started". */
export async function startWorkers(count: number, env: Record<string, string>): Promise<WorkerGroup> {
  const processes: ChildProcess[] = []
  const started = Array.from({ length: count }, () => {
    const child = spawn(process.execPath, [DIST_WORKER], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', MIGRATE_ON_START: 'false', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    processes.push(child)
    return new Promise<void>((resolve, reject) => {
      let buffered = ''
      child.stdout?.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8')
        if (buffered.includes('"msg":"worker started"')) resolve()
        if (buffered.length > 64_000) buffered = buffered.slice(-1_000)
      })
      child.once('exit', (code) => reject(new Error(`worker process exited with ${code} before it started`)))
    })
  })
  const group: WorkerGroup = {
    processes,
    async stop() {
      await Promise.all(
        processes.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve()
              const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
              child.once('exit', () => {
                clearTimeout(timer)
                resolve()
              })
              child.kill('SIGTERM')
            }),
        ),
      )
    },
  }
  try {
    await Promise.all(started)
  } catch (error) {
    await group.stop()
    throw error
  }
  return group
}
