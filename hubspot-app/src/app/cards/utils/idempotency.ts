/**
 * A key for one draft: HubSpot retries a failed proxied call once, and a rep may click Send again
 * after a timeout; the backend answers the second attempt with the first message instead of
 * sending twice.
 */
export function newIdempotencyKey(recordId: string): string {
  const random = Math.random().toString(36).slice(2, 10)
  return `hubspot:${recordId}:${Date.now().toString(36)}:${random}`
}
