/**
 * The Graph API surface of the simulator as a Hono app: Graph-like headers on every answer, bearer
 * auth, the send / media / template routes, injected faults, and Graph's answers for unknown ids and
 * paths. Control routes for a standalone run live in control.ts.
 */
import type { HttpBindings } from '@hono/node-server'
import { type Context, Hono } from 'hono'
import { controlRoutes } from './control'
import { DOWNLOAD_PATH } from './media'
import { invalidToken, metaError, traceId, unknownPath, unsupportedRequest } from './meta-errors'
import { phoneNumberFields, phoneNumberPage } from './phone-numbers'
import { chance } from './random'
import { handleSend } from './send'
import type { SimulatorState } from './state'
import { DEFAULTS } from './types'

type Env = { Bindings: HttpBindings; Variables: { trace: string; token: string | undefined } }
type Ctx = Context<Env>

const VERSION = /^v\d+\.\d+$/

/** A JSON answer the way Graph writes it. */
function json(c: Ctx, status: number, body: unknown): Response {
  return c.body(JSON.stringify(body), status as 200, { 'content-type': 'application/json; charset=UTF-8' })
}

export function createApp(state: SimulatorState): Hono<Env> {
  const app = new Hono<Env>()

  app.use('*', async (c, next) => {
    const trace = traceId()
    c.set('trace', trace)
    await next()
    const version = c.req.path.split('/')[1]
    c.header('x-fb-trace-id', trace)
    c.header('x-fb-request-id', `A${traceId()}${traceId()}`)
    c.header('x-fb-rev', '1019544279')
    c.header('facebook-api-version', VERSION.test(version) ? version : 'v23.0')
    c.header('access-control-allow-origin', '*')
    c.header('cache-control', 'private, no-cache, no-store, must-revalidate')
    c.header('pragma', 'no-cache')
    c.header('expires', 'Sat, 01 Jan 2000 00:00:00 GMT')
    c.header('strict-transport-security', 'max-age=15552000; preload')
    c.header('vary', 'Accept-Encoding')
    c.header('x-app-usage', '{"call_count":0,"total_cputime":0,"total_time":0}')
  })

  app.route('/__sim', controlRoutes(state))

  app.use('*', async (c, next) => {
    const auth = c.req.header('authorization') ?? ''
    const token = auth.match(/^Bearer\s+(.+)$/i)?.[1]?.trim()
    c.set('token', token)
    const tokens = state.options.accessTokens
    if (!tokens?.length) return next()
    if (token && tokens.includes(token)) return next()
    const { status, body } = invalidToken(c.get('trace'))
    c.header('www-authenticate', `OAuth "Facebook Platform" "invalid_token" "${body.error.message}"`)
    return json(c, status, body)
  })

  app.get(DOWNLOAD_PATH, (c) => {
    const query = new URL(c.req.url).searchParams
    const faultStatus = state.media.takeDownloadFault(query.get('mid') ?? '')
    if (faultStatus)
      return json(c, faultStatus, {
        error: { message: 'An unknown error occurred', code: 1, fbtrace_id: c.get('trace') },
      })
    const media = state.media.resolveDownload(query)
    if (!media)
      return json(c, 404, {
        error: { message: 'URL signature expired or invalid', code: 404, fbtrace_id: c.get('trace') },
      })
    return c.body(media.bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': media.mimeType,
      'content-length': String(media.bytes.byteLength),
      'content-disposition': `attachment; filename=${media.id}`,
    })
  })

  app.post('/:version/:id/messages', async (c) => {
    const { version, id } = c.req.param()
    if (!VERSION.test(version)) return json(c, ...answer(unknownPath(c.req.path)))
    const faults = state.options.faults ?? {}
    if (chance(state.rng, faults.timeoutRate)) {
      state.stats.fault('timeouts')
      await hang(state, faults.timeoutHangMs ?? DEFAULTS.timeoutHangMs)
      c.env.incoming.socket.destroy()
      return c.body(null, 504)
    }
    if (chance(state.rng, faults.http5xxRate)) {
      state.stats.fault('http5xx')
      const code = state.rng() < 0.5 ? 131000 : 131016
      state.stats.rejected(code)
      return json(c, ...answer(metaError(code, undefined, c.get('trace'))))
    }
    if (chance(state.rng, faults.http429Rate)) {
      state.stats.fault('http429')
      state.stats.rejected(130429)
      return json(c, ...answer(metaError(130429, undefined, c.get('trace'))))
    }
    if (chance(state.rng, faults.garbageRate)) {
      state.stats.fault('garbage')
      return c.body('<html><body><h1>502 Bad Gateway</h1></body></html>', 502, {
        'content-type': 'text/html',
      })
    }
    const number = state.number(id)
    if (!number || !state.canAccess(c.get('token'), number.wabaId))
      return json(c, ...answer(unsupportedRequest('post', id, c.get('trace'))))
    let body: unknown
    try {
      body = JSON.parse(await c.req.text())
    } catch {
      state.stats.rejected(100)
      return json(c, ...answer(metaError(100, 'The request body is not valid JSON.', c.get('trace'))))
    }
    const result = handleSend(state, version, number, body)
    // Accepted, statuses on their way, but the answer never reaches the caller: the case a
    // sender must reconcile through the status webhooks instead of sending again.
    if (result.status === 200 && chance(state.rng, faults.lostAnswerRate)) {
      state.stats.fault('lostAnswers')
      c.env.incoming.socket.destroy()
      return c.body(null, 504)
    }
    c.header(
      'x-business-use-case-usage',
      usageHeader(state, number.wabaId, number.phoneNumberId, state.mps(number)),
    )
    return json(c, result.status, withTrace(result.body, c.get('trace')))
  })

  app.post('/:version/:id/media', async (c) => {
    const { version, id } = c.req.param()
    if (!VERSION.test(version)) return json(c, ...answer(unknownPath(c.req.path)))
    if (!state.number(id)) return json(c, ...answer(unsupportedRequest('post', id, c.get('trace'))))
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
    const file = form.file
    const trace = c.get('trace')
    if (form.messaging_product !== 'whatsapp') {
      return json(
        c,
        ...answer(metaError(100, 'The parameter messaging_product is required and must be whatsapp.', trace)),
      )
    }
    if (!(file instanceof File))
      return json(c, ...answer(metaError(100, 'The parameter file is required.', trace)))
    const mime = typeof form.type === 'string' && form.type ? form.type : file.type
    const result = state.media.upload(id, new Uint8Array(await file.arrayBuffer()), mime)
    if (!result.ok) return json(c, ...answer(metaError(result.code, result.details, trace)))
    return json(c, 200, { id: result.id })
  })

  app.get('/:version/:id/message_templates', (c) => {
    const { version, id } = c.req.param()
    if (!VERSION.test(version)) return json(c, ...answer(unknownPath(c.req.path)))
    if (!state.isWaba(id)) return json(c, ...answer(unsupportedRequest('get', id, c.get('trace'))))
    return json(c, 200, state.templates.page(id, c.req.query(), c.req.url))
  })

  app.get('/:version/:id/phone_numbers', (c) => {
    const { version, id } = c.req.param()
    if (!VERSION.test(version)) return json(c, ...answer(unknownPath(c.req.path)))
    if (!state.isWaba(id) || !state.canAccess(c.get('token'), id))
      return json(c, ...answer(unsupportedRequest('get', id, c.get('trace'))))
    const numbers = [...state.numbers.values()].filter((n) => n.wabaId === id)
    const page = phoneNumberPage(numbers, c.req.query(), c.req.url)
    if ('error' in page) return json(c, ...answer(page.error))
    return json(c, 200, page.page)
  })

  app.get('/:version/:id', async (c) => {
    const { version, id } = c.req.param()
    if (!VERSION.test(version)) return json(c, ...answer(unknownPath(c.req.path)))
    const number = state.number(id)
    if (number) {
      const latency = state.options.faults?.readLatencyMs ?? 0
      if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency))
      if (!state.canAccess(c.get('token'), number.wabaId))
        return json(c, ...answer(unsupportedRequest('get', id, c.get('trace'))))
      const fields = phoneNumberFields(number, c.req.query('fields'))
      if ('error' in fields) return json(c, ...answer(fields.error))
      return json(c, 200, fields.node)
    }
    const media = state.media.get(id)
    const owner = c.req.query('phone_number_id')
    if (!media || (owner && media.phoneNumberId && owner !== media.phoneNumberId)) {
      return json(c, ...answer(unsupportedRequest('get', id, c.get('trace'))))
    }
    return json(c, 200, {
      messaging_product: 'whatsapp',
      url: state.media.downloadUrl(state.baseUrl || new URL(c.req.url).origin, id),
      mime_type: media.mimeType,
      sha256: media.sha256,
      file_size: media.bytes.byteLength,
      id,
    })
  })

  app.delete('/:version/:id', (c) => {
    const { version, id } = c.req.param()
    if (!VERSION.test(version)) return json(c, ...answer(unknownPath(c.req.path)))
    if (!state.media.delete(id)) return json(c, ...answer(unsupportedRequest('delete', id, c.get('trace'))))
    return json(c, 200, { success: true })
  })

  app.notFound((c) => json(c, ...answer(unknownPath(c.req.path, c.get('trace')))))
  return app
}

/** Graph's per-WABA usage header; `call_count` = percent of this number's throughput used in the last second. */
function usageHeader(state: SimulatorState, wabaId: string, phoneNumberId: string, mps: number): string {
  const percent = Math.min(100, Math.round((100 * state.throughput.used(phoneNumberId, Date.now())) / mps))
  const usage = { call_count: percent, total_cputime: 1, total_time: 1, estimated_time_to_regain_access: 0 }
  return JSON.stringify({ [wabaId]: [{ type: 'whatsapp', ...usage }] })
}

const answer = (a: { status: number; body: unknown }): [number, unknown] => [a.status, a.body]

/** Error bodies built before the trace id was known get the request's one. */
function withTrace(body: unknown, trace: string): unknown {
  const error = (body as { error?: { fbtrace_id?: string } } | null)?.error
  if (error?.fbtrace_id) error.fbtrace_id = trace
  return body
}

/** Holds a request until `ms` pass or the simulator closes. */
function hang(state: SimulatorState, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      state.hanging.delete(done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    state.hanging.add(done)
  })
}
