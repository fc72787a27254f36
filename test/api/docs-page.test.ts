import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestRuntime, type TestRuntime } from '../support/test-runtime'

/** The documentation page must work on a machine without internet: every file it loads is ours. */
describe('/docs and /', () => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startTestRuntime('pglite')
  })
  afterAll(async () => rt?.close())

  it('leads from / to the admin console', async () => {
    const res = await rt.request('/')
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/admin')
  })

  it('loads Swagger UI from this server only, and serves each file it asks for', async () => {
    const page = await rt.request('/docs')
    expect(page.status).toBe(200)
    const html = await page.text()
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string)
    expect(urls.length).toBeGreaterThanOrEqual(2)
    expect(urls.filter((u) => /^(https?:)?\/\//.test(u))).toEqual([])
    expect(html).toContain('/openapi.json')
    for (const url of urls) {
      const asset = await rt.request(url)
      expect(asset.status, url).toBe(200)
      expect(asset.headers.get('content-type')).toMatch(url.endsWith('.css') ? /text\/css/ : /javascript/)
      expect((await asset.text()).length).toBeGreaterThan(10_000)
    }
  })

  it('answers an unknown asset with the error envelope, reading nothing else from the install', async () => {
    for (const file of ['package.json', '..%2F..%2Fpackage.json', 'swagger-ui-bundle.js.map']) {
      const res = await rt.request(`/docs/assets/swagger-ui-dist/${file}`)
      expect(res.status).toBe(404)
      expect((await res.json()).error.code).toBe('not_found')
    }
  })
})
