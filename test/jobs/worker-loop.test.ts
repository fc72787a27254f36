import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { LoopRegistry, type PassOutcome, WorkerLoop } from '../../backend/src/jobs/worker-loop'
import { createLogger } from '../../backend/src/lib/logger'

const silent = createLogger('silent')
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Resolves once `check` holds, polling every few ms; fails after `ms`. */
async function until(check: () => boolean, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time')
    await sleep(5)
  }
}

/** A pass the test releases by hand (every pass waiting at once), to wake or stop the loop mid-pass. */
function gatedPass(outcome: PassOutcome = 'idle') {
  const waiting: (() => void)[] = []
  const state = {
    passes: 0,
    release: () => {
      for (const resolve of waiting.splice(0)) resolve()
    },
  }
  const pass = async (): Promise<PassOutcome> => {
    state.passes += 1
    await new Promise<void>((resolve) => waiting.push(resolve))
    return outcome
  }
  return { state, pass }
}

describe('worker loop', () => {
  it('coalesces wakes during a pass into exactly one more pass', async () => {
    const { state, pass } = gatedPass()
    const loop = new WorkerLoop({ name: 'coalesce', pollMs: 60_000, logger: silent, pass })
    loop.start()
    await until(() => state.passes === 1)
    loop.wake()
    loop.wake()
    loop.wake()
    state.release()
    await until(() => state.passes === 2)
    state.release()
    await sleep(50)
    expect(state.passes).toBe(2)
    // A wake while it sleeps starts a pass at once, not after the minute.
    loop.wake()
    await until(() => state.passes === 3)
    state.release()
    await loop.stop()
  })

  it('passes again at once while batches are full and waits the poll interval when idle', async () => {
    const times: number[] = []
    let left = 3
    const loop = new WorkerLoop({
      name: 'busy-idle',
      pollMs: 150,
      logger: silent,
      pass: async () => {
        times.push(Date.now())
        left -= 1
        return left > 0 ? 'busy' : 'idle'
      },
    })
    loop.start()
    await until(() => times.length === 4, 3000)
    await loop.stop()
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number))
    expect(gaps[0]).toBeLessThan(50)
    expect(gaps[1]).toBeLessThan(50)
    expect(gaps[2]).toBeGreaterThanOrEqual(140)
  })

  it('backs off after failures with growing, capped waits, warns of them, and recovers', async () => {
    const logged: { msg: string; level: number; failures: number; retryInMs: number }[] = []
    const logger = createLogger('warn', { write: (line: string) => void logged.push(JSON.parse(line)) })
    const times: number[] = []
    let failing = 4
    const loop = new WorkerLoop({
      name: 'flaky',
      pollMs: 60_000,
      logger,
      errorBackoff: { baseMs: 20, maxMs: 60 },
      pass: async () => {
        times.push(Date.now())
        if (failing-- > 0) throw new Error('database unreachable')
        return 'idle'
      },
    })
    loop.start()
    await until(() => times.length === 5, 3000)
    await sleep(20)
    expect(loop.health()).toMatchObject({ consecutiveFailures: 0, lastError: null, running: true })
    await loop.stop()
    // Warnings (pino level 40): a failed pass is retried, it is not the process failing.
    expect(logged.map((l) => [l.msg, l.level, l.failures, l.retryInMs])).toEqual([
      ['flaky pass failed; retrying', 40, 1, 20],
      ['flaky pass failed; retrying', 40, 2, 40],
      ['flaky pass failed; retrying', 40, 3, 60],
      ['flaky pass failed; retrying', 40, 4, 60],
    ])
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number))
    expect(gaps[0]).toBeGreaterThanOrEqual(18)
    expect(gaps[1]).toBeGreaterThanOrEqual(38)
    expect(gaps[2]).toBeGreaterThanOrEqual(58)
  })

  it('a wake does not cut an error back-off short', async () => {
    let passes = 0
    const loop = new WorkerLoop({
      name: 'no-hammer',
      pollMs: 60_000,
      logger: silent,
      errorBackoff: { baseMs: 300 },
      pass: async () => {
        passes += 1
        throw new Error('down')
      },
    })
    loop.start()
    await until(() => passes === 1)
    loop.wake()
    await sleep(100)
    expect(passes).toBe(1)
    await loop.stop()
  })

  it('stop waits for the pass in progress, then no pass starts', async () => {
    const { state, pass } = gatedPass('busy')
    const loop = new WorkerLoop({ name: 'shutdown', pollMs: 10, logger: silent, pass, concurrency: 2 })
    loop.start()
    await until(() => state.passes === 2)
    let stopped = false
    const stopping = loop.stop().then(() => {
      stopped = true
    })
    await sleep(50)
    expect(stopped).toBe(false)
    state.release()
    await stopping
    expect(stopped).toBe(true)
    const passes = state.passes
    await sleep(50)
    expect(state.passes).toBe(passes)
    expect(loop.health().running).toBe(false)
  })

  it('records when it last ticked; the registry lists stale loops', async () => {
    const registry = new LoopRegistry()
    const ticking = new WorkerLoop({ name: 'ticking', pollMs: 20, logger: silent, pass: async () => 'idle' })
    const stuck = gatedPass()
    const blocked = new WorkerLoop({ name: 'blocked', pollMs: 20, logger: silent, pass: stuck.pass })
    registry.add(ticking, blocked)
    ticking.start()
    blocked.start()
    await sleep(120)
    expect(ticking.lastTickAt?.getTime()).toBeGreaterThan(Date.now() - 100)
    expect(blocked.lastTickAt).toBeNull()
    expect(registry.stale(100).map((h) => h.name)).toEqual(['blocked'])
    expect(registry.list().map((l) => l.name)).toEqual(['ticking', 'blocked'])
    stuck.state.release()
    await ticking.stop()
    await blocked.stop()
  })

  it('never keeps a process alive: a started, never stopped loop lets node exit', () => {
    const script = fileURLToPath(new URL('./fixtures/idle-loop.ts', import.meta.url))
    const started = Date.now()
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], {
      encoding: 'utf8',
      timeout: 20_000,
    })
    expect(child.error).toBeUndefined()
    expect(child.status).toBe(0)
    expect(child.stdout).toBe('pass\n')
    expect(Date.now() - started).toBeLessThan(20_000)
  })
})
