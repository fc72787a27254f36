import { signDelivery } from './signature'
import type { TargetPolicy } from './target-policy'
import { targetProblem } from './target-policy'

export type DeliveryOutcome =
  | { kind: 'delivered'; status: number }
  /** The receiver asked to stop (410 Gone, the REST-hook way to unsubscribe). */
  | { kind: 'gone'; status: number }
  | { kind: 'retry'; status: number | null; error: string }
  /** Never to be sent to this URL (its address is not allowed): retrying cannot help. */
  | { kind: 'refused'; error: string }

export interface DeliveryRequest {
  deliveryId: number
  eventId: string
  eventType: string
  url: string
  secret: string
  body: string
}

/**
 * One POST of an event: signed, no redirects followed (a redirect could lead to an address the
 * target check refused), answered within `timeoutMs`. Any 2xx is success; the answer's body is
 * never read beyond a short excerpt for the log.
 */
export async function deliverEvent(
  request: DeliveryRequest,
  options: { timeoutMs: number; policy: TargetPolicy; now?: Date },
): Promise<DeliveryOutcome> {
  const problem = await targetProblem(request.url, options.policy)
  if (problem) return { kind: 'refused', error: `url ${problem}` }
  const at = options.now ?? new Date()
  let res: Response
  try {
    res = await fetch(request.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'WhatsApp-SCRM-Webhooks/1',
        'x-scrm-event': request.eventType,
        'x-scrm-event-id': request.eventId,
        'x-scrm-delivery': String(request.deliveryId),
        'x-scrm-signature': signDelivery(request.secret, request.body, at),
      },
      body: request.body,
    })
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } }
    const reason =
      e.name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : (e.cause?.code ?? e.message)
    return { kind: 'retry', status: null, error: `could not reach the receiver: ${reason}` }
  }
  const excerpt = (await res.text().catch(() => '')).slice(0, 200)
  if (res.status >= 200 && res.status < 300) return { kind: 'delivered', status: res.status }
  if (res.status === 410) return { kind: 'gone', status: res.status }
  return {
    kind: 'retry',
    status: res.status,
    error: `the receiver answered ${res.status}${excerpt ? `: ${excerpt}` : ''}`,
  }
}
