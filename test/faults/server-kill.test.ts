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
  spawnApp,
  sql,
  startMeta,
  waitFor,
} from './support/fault-app'
import { canRunPrivatePostgres, type PrivatePostgres, startPrivatePostgres } from './support/private-postgres'

/**
 * kill -9 of the API process in the middle of a webhook stream, then a restart: what it
 * acknowledged was already in Postgres (the ack follows the insert), and the restarted process
 * takes over the events the dead one had claimed once their lease runs out.
 */
describe.skipIf(!canRunPrivatePostgres() || !HEAVY)('kill -9 of the server under load', () => {
  let cluster: PrivatePostgres
  const apps: AppProcess[] = []
  let url: string
  let meta: CloudApiSimulator

  beforeAll(async () => {
    cluster = await startPrivatePostgres()
    await sql(cluster.url(), 'create database scrm')
    url = cluster.url('scrm')
    meta = await startMeta()
  }, 60_000)
  afterAll(async () => {
    for (const app of apps) await app.kill('SIGKILL')
    cluster?.destroy()
    await meta?.close()
  })

  it('stores every acknowledged delivery exactly once across the crash and comes back up', async () => {
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    const env = appEnv(url, port, { INGEST_WORKER: 'inline', WHATSAPP_GRAPH_URL: meta.url })
    const boot = async () => {
      const app = spawnApp('server', env)
      apps.push(app)
      const ms = await waitFor('server up', () => httpOk(`${base}/healthz`), 60_000, 100).catch((e) => {
        throw new Error(`${e.message}\n${app.output()}`)
      })
      return { app, ms }
    }
    const first = await boot()
    await registerNumber(base)
    const stream = deliveryStream(base, 8)
    const kills = 2
    const restarts: number[] = []
    let current = first.app
    for (let i = 0; i < kills; i++) {
      const before = stream.acked()
      await waitFor('deliveries acknowledged before the kill', () => stream.acked() >= before + 200, 60_000)
      await current.kill('SIGKILL')
      const next = await boot()
      restarts.push(next.ms)
      current = next.app
    }
    const after = stream.acked()
    await waitFor('deliveries acknowledged after the restart', () => stream.acked() >= after + 100, 60_000)
    const report = await stream.stop()
    const { missing, duplicated } = await expectStoredOnce(url, report.acked, 60_000)
    const ready = await fetch(`${base}/readyz`)
    console.log(
      `server kill -9 under load: ${report.acked.length} acknowledged, ${report.refused} refused while down, ` +
        `${missing.length} lost, ${duplicated.length} duplicated; back up in ${restarts.join(', ')} ms`,
    )
    expect(missing).toEqual([])
    expect(duplicated).toEqual([])
    expect(ready.status).toBe(200)
    expect(current.alive()).toBe(true)
  }, 300_000)
})
