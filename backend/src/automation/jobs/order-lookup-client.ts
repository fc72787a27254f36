import { createHmac } from 'node:crypto'
import { z } from 'zod'
import type { Contact } from '../../db/schema'
import { JobError } from './job-error'
import { httpUrlSchema, type OrderLookupConfig } from './order-lookup-settings'

/** An order as the reply needs it, whichever source it came from. */
export interface Order {
  id: string
  status: string
  eta: string | null
  trackingUrl: string | null
}

const text = (max: number) => z.string().trim().min(1).max(max)

/** The answer the workspace's order service must give (documented in the README). */
export const orderLookupAnswerSchema = z.object({
  order: z
    .object({
      id: z.union([text(100), z.number().int().nonnegative()]).transform(String),
      status: text(100),
      eta: text(100).nullish(),
      tracking_url: httpUrlSchema.nullish(),
    })
    .nullable(),
})

export const SIGNATURE_HEADER = 'x-scrm-signature'
export const TIMESTAMP_HEADER = 'x-scrm-timestamp'
/** Far more than an answer with one order needs; a bigger body is not what we asked for. */
const MAX_ANSWER_BYTES = 64 * 1024

/**
 * Asks the workspace's own order service for the contact's latest order. With a secret, the
 * request carries `X-Scrm-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">` and
 * `X-Scrm-Timestamp` (unix seconds), so the service can check who sent it and refuse replays.
 * Errors are typed: a timeout, a refused connection or a 5xx/429 may pass (retryable); a 4xx or an
 * answer that breaks the contract will not.
 */
export async function lookUpOrder(
  config: OrderLookupConfig,
  contact: Pick<Contact, 'id' | 'phoneE164' | 'email' | 'attributes'>,
  now: Date,
): Promise<Order | null> {
  if (!httpUrlSchema.safeParse(config.url).success) {
    throw new JobError('order_lookup_invalid_url', 'The order-lookup URL is not an http(s) URL.', false)
  }
  const body = JSON.stringify({
    contact: {
      id: contact.id,
      phone: contact.phoneE164,
      email: contact.email,
      attributes: contact.attributes,
    },
  })
  const timestamp = String(Math.floor(now.getTime() / 1000))
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
    [TIMESTAMP_HEADER]: timestamp,
  }
  if (config.secret) headers[SIGNATURE_HEADER] = `sha256=${signOrderLookup(config.secret, timestamp, body)}`

  let response: Response
  let raw: string
  try {
    response = await fetch(config.url, {
      method: 'POST',
      headers,
      body,
      // A redirect would send the contact's data somewhere the admin did not configure: a 3xx is
      // answered as an error below.
      redirect: 'manual',
      signal: AbortSignal.timeout(config.timeoutMs),
    })
    raw = await readCapped(response)
  } catch (error) {
    if (error instanceof JobError) throw error
    const name = (error as Error).name
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new JobError(
        'order_lookup_timeout',
        `The order service did not answer within ${config.timeoutMs} ms.`,
        true,
      )
    }
    throw new JobError(
      'order_lookup_unreachable',
      `The order service could not be reached: ${(error as Error).message}`,
      true,
    )
  }
  if (!response.ok) {
    const passing = response.status >= 500 || response.status === 429 || response.status === 408
    throw new JobError(
      'order_lookup_http_error',
      `The order service answered HTTP ${response.status}.`,
      passing,
    )
  }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    throw new JobError('order_lookup_invalid_answer', 'The order service did not answer with JSON.', false)
  }
  const parsed = orderLookupAnswerSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new JobError(
      'order_lookup_invalid_answer',
      `The order service's answer does not match { order: { id, status, eta?, tracking_url? } | null }: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim(),
      false,
    )
  }
  const order = parsed.data.order
  if (!order) return null
  return {
    id: order.id,
    status: order.status,
    eta: order.eta ?? null,
    trackingUrl: order.tracking_url ?? null,
  }
}

export function signOrderLookup(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')
}

/** Reads the body but stops at the cap, so a misbehaving service cannot fill our memory. */
async function readCapped(response: Response): Promise<string> {
  const tooLarge = () =>
    new JobError('order_lookup_invalid_answer', 'The order service answered with too large a body.', false)
  if (Number(response.headers.get('content-length') ?? '0') > MAX_ANSWER_BYTES) {
    await response.body?.cancel()
    throw tooLarge()
  }
  if (!response.body) return ''
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of response.body) {
    size += chunk.byteLength
    if (size > MAX_ANSWER_BYTES) throw tooLarge()
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}
