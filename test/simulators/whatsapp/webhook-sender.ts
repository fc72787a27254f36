import { createHmac } from 'node:crypto'
import { metaJson } from './meta-json'

export interface Delivery {
  body: string
  headers: Record<string, string>
}

/** Signs a body exactly as Meta does: HMAC-SHA256 of the bytes sent, keyed by the app secret. */
export function signBody(body: string | Uint8Array, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`
}

/** A delivery of `payload` as Meta would POST it: Meta-escaped JSON with its signature header. */
export function metaDelivery(payload: unknown, appSecret: string): Delivery {
  const body = metaJson(payload)
  return {
    body,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, appSecret) },
  }
}

export interface SenderOptions {
  baseUrl: string
  appSecret: string
  /** Deliver every envelope this many times (Meta's at-least-once delivery). */
  duplicates?: number
  /** Shuffle the order deliveries go out in. */
  reorder?: boolean
  /** Retry a non-2xx answer like Meta does (we keep it to a few quick tries in tests). */
  retries?: number
}

/**
 * Meta's side of the webhook: posts envelopes to our endpoint with the same bytes, headers,
 * duplication and reordering Meta shows in production.
 */
export async function deliverAll(payloads: unknown[], options: SenderOptions): Promise<number[]> {
  const copies = payloads.flatMap((p) =>
    Array.from({ length: options.duplicates ?? 1 }, () => metaDelivery(p, options.appSecret)),
  )
  if (options.reorder) copies.sort(() => Math.random() - 0.5)
  return Promise.all(copies.map((d) => post(d, options)))
}

async function post(delivery: Delivery, options: SenderOptions): Promise<number> {
  let attempt = 0
  for (;;) {
    const res = await fetch(`${options.baseUrl}/webhooks/whatsapp`, {
      method: 'POST',
      headers: delivery.headers,
      body: delivery.body,
    })
    await res.arrayBuffer()
    if (res.ok || attempt >= (options.retries ?? 0)) return res.status
    attempt += 1
  }
}
