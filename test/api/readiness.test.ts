import { afterEach, describe, expect, it } from 'vitest'
import { WorkerLoop } from '../../backend/src/jobs/worker-loop'
import { createLogger } from '../../backend/src/lib/logger'
import { ENGINES } from '../support/test-db'
import { startTestRuntime, type TestRuntime } from '../support/test-runtime'

describe.each(ENGINES)('/readyz on %s', (engine) => {
  let rt: TestRuntime | undefined
  afterEach(async () => {
    await rt?.close()
    rt = undefined
  })

  it('is ready with the database, the migrations and every loop ticking; not ready once a loop stops ticking', async () => {
    rt = await startTestRuntime(engine, { INGEST_WORKER: 'inline', READY_MAX_LOOP_SILENCE_MS: '1000' })
    const ready = await rt.request('/readyz')
    expect(ready.status).toBe(200)
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: { database: true, migrations: true, workers: true },
      stalled_workers: [],
    })
    expect((await rt.request('/healthz')).status).toBe(200)

    // A loop whose pass never ends (a hung call) stops ticking: readiness says which one.
    let release = () => {}
    const hung = new Promise<void>((resolve) => {
      release = resolve
    })
    const stuck = new WorkerLoop({
      name: 'stuck',
      pollMs: 50,
      logger: createLogger('silent'),
      pass: async () => {
        await hung
        return 'idle'
      },
    })
    rt.loops.add(stuck)
    stuck.start()
    await new Promise((r) => setTimeout(r, 1300))
    const stalled = await rt.request('/readyz')
    expect(stalled.status).toBe(503)
    expect(await stalled.json()).toMatchObject({
      status: 'not_ready',
      checks: { database: true, migrations: true, workers: false },
      stalled_workers: ['stuck'],
    })
    // Liveness is another question: the process still answers.
    expect((await rt.request('/healthz')).status).toBe(200)
    release()
    await new Promise((r) => setTimeout(r, 100))
    expect((await rt.request('/readyz')).status).toBe(200)
    await stuck.stop()
  })
})
