import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppEnv } from '../../backend/src/api/app-env'
import { errorHandler } from '../../backend/src/api/errors'
import { adminConsoleRoutes } from '../../backend/src/api/routes/admin-console'
import { createLogger } from '../../backend/src/lib/logger'
import { startTestRuntime, type TestRuntime } from '../support/test-runtime'

/** /admin as the backend serves the built console: types, caching, the SPA fallback, nothing else read. */
describe('the admin console files at /admin', () => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startTestRuntime('pglite')
  })
  afterAll(async () => rt?.close())

  it('serves index.html (never cached) for /admin and any page, and / leads there', async () => {
    expect((await rt.request('/')).headers.get('location')).toBe('/admin')
    for (const path of ['/admin', '/admin/numbers', '/admin/some-page-reloaded']) {
      const res = await rt.request(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(res.headers.get('cache-control')).toBe('no-cache')
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
      expect(await res.text()).toContain('<div id="app"></div>')
    }
  })

  it('serves every asset the page names with its type, cached for a year', async () => {
    const html = await (await rt.request('/admin')).text()
    const assets = [...html.matchAll(/(?:src|href)="(\/admin\/assets\/[^"]+)"/g)].map((m) => m[1] as string)
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true)
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true)
    for (const asset of assets) {
      const res = await rt.request(asset)
      expect(res.status, asset).toBe(200)
      expect(res.headers.get('content-type')).toMatch(
        asset.endsWith('.css') ? /^text\/css/ : /^text\/javascript/,
      )
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    }
  })

  it('answers an unknown or escaping asset name with the envelope', async () => {
    for (const file of ['nope.js', '..%2F..%2Fpackage.json', 'index.html', 'build-info.json.exe']) {
      const res = await rt.request(`/admin/assets/${file}`)
      expect(res.status, file).toBe(404)
      expect((await res.json()).error.code).toBe('not_found')
    }
  })

  it('says how to build the console when it is not built, in the envelope', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'console-missing-'))
    try {
      const app = new Hono<AppEnv>()
      app.onError(errorHandler(createLogger('silent')))
      app.route('/', adminConsoleRoutes(empty))
      const res = await app.request('/admin')
      expect(res.status).toBe(503)
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
        'npm run build -w @scrm/admin-console',
      )
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })

  it('serves a built file from the directory it is given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-built-'))
    try {
      mkdirSync(join(dir, 'assets'))
      writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="app"></div>')
      writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)')
      const res = await adminConsoleRoutes(dir).request('/admin/assets/index-abc123.js')
      expect(await res.text()).toBe('console.log(1)')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
