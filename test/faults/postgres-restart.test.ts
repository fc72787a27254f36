import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CloudApiSimulator } from '../simulators/whatsapp/cloud-api'
import { freePort } from '../support/free-port'
import {
  type AppProcess,
  appEnv,
  deliveryStream,
  expectStoredOnce,
  HEAVY,
  httpOk,
  registerNumber,
  sleep,
  spawnApp,
  sql,
  startMeta,
  waitFor,
} from './support/fault-app'
import { canRunPrivatePostgres, type PrivatePostgres, startPrivatePostgres } from './support/private-postgres'

/**
 * Postgres restarted under a stream of webhook deliveries, on a cluster of this test's own. Before
 * the fix the server died of an unhandled 57P01 'error' on a checked-out client.
 */
describe.skipIf(!canRunPrivatePostgres())('Postgres restart under load', () => {
  let cluster: PrivatePostgres
  let server: AppProcess | undefined
  let url: string
  let meta: CloudApiSimulator

  beforeAll(async () => {
    cluster = await startPrivatePostgres()
    await sql(cluster.url(), 'create database scrm')
    url = cluster.url('scrm')
    meta = await startMeta()
  }, 60_000)
  afterAll(async () => {
    await server?.kill('SIGKILL')
    cluster?.destroy()
    await meta?.close()
  })

  it('keeps the server up, stores every acknowledged delivery once, and is ready again within 10 s', async () => {
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    server = spawnApp(
      'server',
      appEnv(url, port, { INGEST_WORKER: 'inline', SENDER: 'inline', WHATSAPP_GRAPH_URL: meta.url }),
    )
    const app = server
    await waitFor('server up', () => httpOk(`${base}/healthz`), 60_000, 200).catch((e) => {
      throw new Error(`${e.message}\n${app.output()}`)
    })
    await registerNumber(base)

    const stream = deliveryStream(base, 8)
    const restarts = HEAVY ? 3 : 1
    const figures: { downMs: number; readyAfterBackMs: number; notReadyReason: string }[] = []
    for (let i = 0; i < restarts; i++) {
      const before = stream.acked()
      await waitFor(
        'deliveries acknowledged before the restart',
        () => stream.acked() >= before + 100,
        30_000,
      )
      const down = Date.now()
      cluster.stop('fast')
      // While the database is away: alive, and saying why it is not ready.
      const during = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(5_000) }).catch(() => null)
      // Before the fix the first 57P01 on a checked-out client ended the process here.
      expect(app.alive() && during !== null, app.output().slice(-3000)).toBe(true)
      if (!during) return
      expect(during.status).toBe(503)
      const body = (await during.json()) as { checks: { database: boolean }; reason: string }
      expect(body.checks.database).toBe(false)
      await sleep(HEAVY ? 3_000 : 1_500)
      expect(app.alive(), app.output()).toBe(true)
      cluster.start()
      const back = Date.now()
      const readyAfterBackMs = await waitFor(
        'ready again',
        async () =>
          (await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(5_000) }).catch(() => null))
            ?.status === 200,
        10_000,
        100,
      )
      figures.push({ downMs: back - down, readyAfterBackMs, notReadyReason: body.reason })
      expect(readyAfterBackMs).toBeLessThanOrEqual(10_000)
    }
    const after = stream.acked()
    await waitFor('deliveries acknowledged after the restart', () => stream.acked() >= after + 100, 30_000)
    const report = await stream.stop()

    expect(app.alive(), app.output()).toBe(true)
    expect(await httpOk(`${base}/healthz`)).toBe(true)
    const { missing, duplicated } = await expectStoredOnce(url, report.acked, 60_000)
    console.log(
      `postgres restart under load: ${report.acked.length} acknowledged, ${report.refused} refused while away, ` +
        `${missing.length} lost, ${duplicated.length} duplicated; ` +
        figures
          .map((f) => `down ${f.downMs} ms → ready ${f.readyAfterBackMs} ms after the database was back`)
          .join('; '),
    )
    expect(missing).toEqual([])
    expect(duplicated).toEqual([])
    expect(figures[0]?.notReadyReason).toMatch(/database/)
    expect(app.output()).not.toMatch(/Unhandled 'error' event|uncaughtException/)
  }, 240_000)
})
