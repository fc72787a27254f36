/**
 * The demo's own pages, served by the demo process (not the backend): the customer phone and the
 * card preview play Meta's and the CRMs' side of the product, so they need the simulators' handles
 * and have no place in what `npm start` ships. The backend is reached over HTTP like any client.
 */
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import type { DemoContext } from './demo-context'
import { phoneRoutes } from './phone-routes'
import type { WebAssets } from './web-assets'
import { zohoRoutes } from './zoho-routes'

export interface DemoPages {
  url: string
  close(): Promise<void>
}

export async function startDemoServer(ctx: DemoContext, assets: WebAssets, port: number): Promise<DemoPages> {
  const app = new Hono()
  app.get('/', (c) => c.redirect('/phone'))
  app.get('/phone', (c) => c.html(assets.page('phone')))
  app.get('/cards', (c) => c.html(assets.page('cards')))
  app.get('/assets/:file', (c) => {
    const file = assets.file(c.req.param('file'))
    return file ? c.body(file.body, 200, { 'content-type': file.contentType }) : c.notFound()
  })
  app.route('/', phoneRoutes(ctx))
  app.route('/', zohoRoutes(ctx, assets.zohoAppDir))

  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' })
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve())
    server.once('error', reject)
  })
  const address = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        if ('closeAllConnections' in server) server.closeAllConnections()
      }),
  }
}
