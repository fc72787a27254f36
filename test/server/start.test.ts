import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort } from '../support/free-port'
import { runProcess } from '../support/run-process'

const ROOT = join(import.meta.dirname, '..', '..')
const SERVER = join(ROOT, 'backend', 'src', 'server.ts')

const run = (env: Record<string, string>) =>
  runProcess(process.execPath, ['--import', 'tsx', SERVER], { cwd: ROOT, env })

describe('the backend process', () => {
  const dirs: string[] = []
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  })

  it('starts on the embedded default with no configuration and serves /healthz within 20 s', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'scrm-start-'))
    dirs.push(dataDir)
    const port = await freePort()
    const metricsPort = await freePort()
    const started = Date.now()
    const server = run({ PORT: String(port), DATA_DIR: dataDir, METRICS_PORT: String(metricsPort) })
    try {
      let body: unknown = null
      while (Date.now() - started < 20_000 && body === null) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/healthz`)
          body = await res.json()
        } catch {
          await new Promise((r) => setTimeout(r, 200))
        }
      }
      expect(body, server.output()).toEqual({ status: 'ok' })
      expect(Date.now() - started).toBeLessThan(20_000)
      const ready = await (await fetch(`http://127.0.0.1:${port}/readyz`)).json()
      expect(ready).toMatchObject({ status: 'ready', driver: 'pglite' })
      // METRICS_PORT: the scrape is served there without a token, and not on the main port.
      const scrape = await fetch(`http://127.0.0.1:${metricsPort}/metrics`)
      expect(scrape.status).toBe(200)
      const text = await scrape.text()
      expect(text).toMatch(/^scrm_ingest_queue_depth/m)
      expect(text).toMatch(/^scrm_worker_last_tick_age_seconds\{worker="ingest"\}/m)
      expect((await fetch(`http://127.0.0.1:${metricsPort}/healthz`)).status).toBe(404)
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404)
    } finally {
      server.stop()
      await server.exit
    }
  }, 40_000)

  it('exits with code 1 and names the bad variable when the configuration is wrong', async () => {
    const server = run({ PORT: 'not-a-port', WHATSAPP_APP_SECRET: 'x' })
    const code = await server.exit
    expect(code).toBe(1)
    expect(server.output()).toMatch(/Invalid configuration/)
    expect(server.output()).toMatch(/PORT/)
    expect(server.output()).toMatch(/WHATSAPP_APP_SECRET must be at least 8 characters/)
  }, 20_000)
})
