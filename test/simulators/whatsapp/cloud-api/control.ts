/**
 * Control routes under `/__sim` for a simulator run standalone (main.ts): the same operations the
 * in-process handle offers (stats, sent log, reset, configure, customer messages, media, idle).
 * No bearer token is needed for them.
 */
import { Hono } from 'hono'
import { customerWrote } from './inbound'
import type { SimulatorState } from './state'
import type { SimulatorOptions } from './types'

export function controlRoutes(state: SimulatorState): Hono {
  const app = new Hono()
  app.get('/stats', (c) => c.json(state.stats.snapshot()))
  app.get('/sent', (c) => c.json(state.sent))
  app.post('/reset', (c) => {
    state.reset()
    return c.json({ ok: true })
  })
  app.post('/configure', async (c) => {
    state.configure((await c.req.json()) as Partial<SimulatorOptions>)
    return c.json({ ok: true })
  })
  app.post('/customer-wrote', async (c) => {
    const b = (await c.req.json()) as {
      phoneNumberId: string
      waId: string
      at?: string
      text?: string
      name?: string
      deliver?: boolean
    }
    try {
      const at = b.at ? new Date(b.at) : undefined
      return c.json(await customerWrote(state, b.phoneNumberId, b.waId, at, b))
    } catch (e) {
      return c.json({ error: (e as Error).message }, 400)
    }
  })
  app.post('/media', async (c) => {
    const mime = c.req.query('type') ?? c.req.header('content-type') ?? 'application/octet-stream'
    const id = state.media.put(
      c.req.query('phone_number_id'),
      new Uint8Array(await c.req.arrayBuffer()),
      mime,
    )
    return c.json({ id })
  })
  app.get('/idle', async (c) => {
    await state.dispatcher.idle()
    return c.json({ idle: true })
  })
  return app
}
