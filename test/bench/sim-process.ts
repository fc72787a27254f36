import { type ChildProcess, fork } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { SETTINGS } from '../simulators/whatsapp/cloud-api/cli-options'
import type { SentRecord, SimulatorOptions, SimulatorStats } from '../simulators/whatsapp/cloud-api/types'

/**
 * The Cloud API simulator in its own process (its standalone `main.ts`), driven over its
 * `/__sim/*` control routes. Meta's servers do not share our event loop, so neither does this.
 */
export interface SimProcess {
  url: string
  pid: number
  stats(): Promise<SimulatorStats>
  sent(): Promise<SentRecord[]>
  reset(): Promise<void>
  configure(patch: Partial<SimulatorOptions> | Record<string, unknown>): Promise<void>
  customerWrote(phoneNumberId: string, waId: string, deliver?: boolean): Promise<void>
  /** Resolves when no status webhook is scheduled or in flight (or after `timeoutMs`: false). */
  idle(timeoutMs: number): Promise<boolean>
  /** CPU milliseconds the simulator process has used so far. */
  cpuMs(): number
  stop(): Promise<void>
}

const MAIN = fileURLToPath(new URL('../simulators/whatsapp/cloud-api/main.ts', import.meta.url))

/** `settings` are main.ts's environment variables (README: "Start it"); nothing else leaks in. */
export async function startSimProcess(settings: Record<string, string>): Promise<SimProcess> {
  const env: Record<string, string | undefined> = { ...process.env }
  for (const name of Object.keys(SETTINGS)) delete env[name]
  Object.assign(env, settings)
  // The child inherits tsx's loader through process.execArgv.
  const child: ChildProcess = fork(MAIN, [], { env, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('simulator did not start within 30 s')), 30_000)
    child.once('exit', (code) => reject(new Error(`simulator exited before listening (code ${code})`)))
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
    lines.on('line', (line) => {
      try {
        const event = JSON.parse(line) as { event?: string; url?: string }
        if (event.event === 'listening' && event.url) {
          clearTimeout(timer)
          resolve(event.url)
        }
      } catch {
        process.stdout.write(`[simulator] ${line}\n`)
      }
    })
  })
  const control = async <T>(path: string, init?: { body?: unknown; method?: string }): Promise<T> => {
    const res = await fetch(`${url}/__sim${path}`, {
      method: init?.method ?? (init?.body === undefined ? 'GET' : 'POST'),
      headers: init?.body === undefined ? undefined : { 'content-type': 'application/json' },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
    })
    if (!res.ok) throw new Error(`simulator ${path}: ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }
  const pid = child.pid as number
  return {
    url,
    pid,
    stats: () => control<SimulatorStats>('/stats'),
    sent: () => control<SentRecord[]>('/sent'),
    reset: async () => {
      await control('/reset', { method: 'POST', body: {} })
    },
    configure: async (patch) => {
      await control('/configure', { body: patch })
    },
    customerWrote: async (phoneNumberId, waId, deliver = false) => {
      await control('/customer-wrote', { body: { phoneNumberId, waId, deliver } })
    },
    idle: (timeoutMs) =>
      Promise.race([
        control('/idle').then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), timeoutMs).unref()),
      ]),
    cpuMs: () => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
        return (Number(fields[11]) + Number(fields[12])) * 10
      } catch {
        return Number.NaN
      }
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise<void>((r) => child.once('exit', () => r()))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    },
  }
}
