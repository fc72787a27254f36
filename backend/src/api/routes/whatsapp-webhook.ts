import type { HttpBindings } from '@hono/node-server'
import type { Context } from 'hono'
import { envelopeSchema, phoneNumberIdsOf } from '../../whatsapp/envelope'
import { verifyMetaSignature } from '../../whatsapp/signature'
import type { AppDeps } from '../app-env'
import { ApiError, zodDetails } from '../errors'
import { errorResponse, newRouter, z } from '../openapi'

/** Meta's documented ceiling for one webhook POST. */
export const WEBHOOK_MAX_BYTES = 3 * 1024 * 1024

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Meta's verification handshake and deliveries. A delivery is answered 200 only after its exact
 * bytes are committed to `webhook_events`; any failure before that is a 5xx so Meta redelivers.
 */
export function whatsappWebhookRoutes(deps: AppDeps) {
  const app = newRouter()
  describeInOpenApi(app)
  const { WHATSAPP_APP_SECRET: appSecret, WHATSAPP_VERIFY_TOKEN: verifyToken } = deps.config

  app.get('/webhooks/whatsapp', (c) => {
    if (!verifyToken) throw new ApiError('not_configured', 'WHATSAPP_VERIFY_TOKEN is not set on this server.')
    const mode = c.req.query('hub.mode')
    const token = c.req.query('hub.verify_token')
    const challenge = c.req.query('hub.challenge')
    if (mode !== 'subscribe' || token !== verifyToken || !challenge) {
      throw new ApiError('forbidden', 'Verification failed: hub.mode or hub.verify_token does not match.')
    }
    return c.text(challenge, 200)
  })

  app.post('/webhooks/whatsapp', async (c) => {
    if (!appSecret) throw new ApiError('not_configured', 'WHATSAPP_APP_SECRET is not set on this server.')
    const raw = await readBody(c)
    if (!verifyMetaSignature(raw, c.req.header('x-hub-signature-256'), appSecret)) {
      throw new ApiError('invalid_signature', 'X-Hub-Signature-256 is missing or does not match the body.')
    }
    let text: string
    let json: unknown
    try {
      text = utf8.decode(raw)
      json = JSON.parse(text)
    } catch (error) {
      throw new ApiError('invalid_json', `Body is not UTF-8 JSON: ${(error as Error).message}`)
    }
    const envelope = envelopeSchema.safeParse(json)
    if (!envelope.success) {
      const details = zodDetails(envelope.error)
      const first = details[0]
      throw new ApiError(
        'invalid_envelope',
        `Not a WhatsApp Business Account envelope: ${first ? `${first.path}: ${first.message}` : 'unexpected shape'}`,
        details,
      )
    }
    try {
      await deps.eventWriter.append({
        source: 'whatsapp',
        rawBody: text,
        routingKeys: phoneNumberIdsOf(envelope.data),
      })
    } catch (error) {
      deps.logger.error({ err: (error as Error).message }, 'could not store a webhook delivery')
      throw new ApiError('unavailable', 'The delivery could not be stored; Meta will redeliver it.')
    }
    return c.json({ received: true }, 200)
  })
  return app
}

function describeInOpenApi(app: ReturnType<typeof newRouter>): void {
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/webhooks/whatsapp',
    tags: ['webhooks'],
    summary: "Meta's verification handshake",
    request: {
      query: z.object({
        'hub.mode': z.literal('subscribe'),
        'hub.verify_token': z.string(),
        'hub.challenge': z.string(),
      }),
    },
    responses: {
      200: { description: 'The challenge, echoed', content: { 'text/plain': { schema: z.string() } } },
      403: errorResponse('Token mismatch'),
    },
  })
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/webhooks/whatsapp',
    tags: ['webhooks'],
    summary: 'WhatsApp Cloud API webhook delivery (signed with X-Hub-Signature-256)',
    request: {
      headers: z.object({ 'x-hub-signature-256': z.string() }),
      body: {
        content: {
          'application/json': {
            schema: z.object({ object: z.literal('whatsapp_business_account'), entry: z.array(z.unknown()) }),
          },
        },
      },
    },
    responses: {
      200: {
        description: 'Stored; processed asynchronously',
        content: { 'application/json': { schema: z.object({ received: z.boolean() }) } },
      },
      400: errorResponse('Not JSON or not a WhatsApp envelope'),
      401: errorResponse('Missing or wrong signature'),
      413: errorResponse('Body above 3 MB'),
      503: errorResponse('Could not be stored (Meta redelivers) or not configured'),
    },
  })
}

const tooLarge = () => new ApiError('payload_too_large', 'Webhook bodies are limited to 3 MB.')

/**
 * The raw bytes, read straight from node's IncomingMessage when served by @hono/node-server
 * (its documented `HttpBindings`): going through c.req builds a web Request, a ReadableStream and
 * an AbortSignal per delivery, about a sixth of the ack path's CPU under load. In-process calls
 * (`app.request`) have no incoming message and read the body the standard way.
 */
async function readBody(c: Context): Promise<Uint8Array> {
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming
  if (!incoming) {
    const buf = new Uint8Array(await c.req.arrayBuffer())
    if (buf.length > WEBHOOK_MAX_BYTES) throw tooLarge()
    return buf
  }
  if (Number(incoming.headers['content-length'] ?? 0) > WEBHOOK_MAX_BYTES) throw tooLarge()
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= WEBHOOK_MAX_BYTES) {
        chunks.push(chunk)
        return
      }
      // Stop keeping bytes but let the rest drain, so the 413 answer reaches the sender
      // instead of a reset connection.
      incoming.off('data', onData)
      incoming.resume()
      chunks.length = 0
      reject(tooLarge())
    }
    incoming.on('data', onData)
    incoming.on('end', () =>
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)),
    )
    incoming.on('error', reject)
  })
}
