import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Hono } from 'hono'
import { NotFoundError } from '../../lib/errors'
import { ApiError } from '../errors'

/** Where `npm run build -w @scrm/admin-console` writes the console (the same from src/ and from dist/). */
export const ADMIN_CONSOLE_DIST = fileURLToPath(new URL('../../../../admin-console/dist', import.meta.url))

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  woff2: 'font/woff2',
  json: 'application/json; charset=utf-8',
}
/** Vite names every asset by its content hash: a changed file is a new name, so it may be kept for a year. */
const ASSET_CACHE = 'public, max-age=31536000, immutable'
/** index.html names the current assets: always asked again, so a new build is seen at once. */
const PAGE_CACHE = 'no-cache'
/** What Vite writes: a name, a dash, a hash, an extension. Anything else (.., slashes) is not one of ours. */
const ASSET_NAME = /^[\w.-]+\.(\w+)$/

/**
 * `/admin`: the admin console, a single-page app. Its assets under /admin/assets; any other
 * /admin/<page> answers index.html so a reload or a shared link opens the same page. `/` leads here.
 */
export function adminConsoleRoutes(dir = ADMIN_CONSOLE_DIST) {
  const app = new Hono()
  const cache = new Map<string, Buffer>()
  const read = async (file: string) => {
    let body = cache.get(file)
    if (!body) {
      body = await readFile(join(dir, file))
      cache.set(file, body)
    }
    return body
  }
  const page = async () => {
    try {
      return await read('index.html')
    } catch {
      throw new ApiError(
        'not_configured',
        'The admin console is not built: run `npm run build -w @scrm/admin-console` (`npm start` builds it when missing).',
      )
    }
  }
  const html = async () =>
    new Response(new Uint8Array(await page()), {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': PAGE_CACHE,
        'x-frame-options': 'DENY',
        'content-security-policy':
          "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
      },
    })
  app.get('/', (c) => c.redirect('/admin', 302))
  app.get('/admin', html)
  app.get('/admin/:page', html)
  app.get('/admin/assets/:file', async (c) => {
    const file = c.req.param('file')
    const ext = ASSET_NAME.exec(file)?.[1]
    const type = ext ? TYPES[ext] : undefined
    if (!type) throw new NotFoundError(`No console asset "${file}".`)
    let body: Buffer
    try {
      body = await read(join('assets', file))
    } catch {
      throw new NotFoundError(`No console asset "${file}".`)
    }
    return c.body(new Uint8Array(body), 200, { 'content-type': type, 'cache-control': ASSET_CACHE })
  })
  return app
}
