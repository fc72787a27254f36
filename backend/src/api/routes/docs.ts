import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { swaggerUI } from '@hono/swagger-ui'
import { Hono } from 'hono'
import { NotFoundError } from '../../lib/errors'

/** Where the page asks for Swagger UI's files: served from our own install, so /docs works offline. */
export const DOCS_ASSETS_BASE = '/docs/assets'

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
}

const distDir = () => dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))

/**
 * `/docs`: Swagger UI over /openapi.json, its two files read from the installed `swagger-ui-dist`
 * (the default page loads them from a CDN and shows a blank page without internet). `/` leads to
 * the admin console (admin-console.ts), which links here.
 */
export function docsRoutes() {
  const app = new Hono()
  const cache = new Map<string, Buffer>()
  app.get('/docs', swaggerUI({ url: '/openapi.json', baseUrl: DOCS_ASSETS_BASE }))
  app.get(`${DOCS_ASSETS_BASE}/swagger-ui-dist/:file`, async (c) => {
    const file = c.req.param('file')
    const type = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined
    if (!type) throw new NotFoundError(`No documentation asset "${file}".`)
    let body = cache.get(file)
    if (!body) {
      body = await readFile(join(distDir(), file))
      cache.set(file, body)
    }
    return c.body(new Uint8Array(body), 200, {
      'content-type': type,
      'cache-control': 'public, max-age=86400',
    })
  })
  return app
}
