import type { Config } from '../../config'
import { DomainError, NotConfiguredError } from '../../lib/errors'
import type { CrmChangeNotifications } from '../provider'
import { checkHubspotSignatureV3 } from './request-signature'
import { hubspotDeliverySchema } from './webhook-events'

/**
 * HubSpot change notifications: a JSON array of up to 100 events per delivery, signed with the
 * v3 signature (at most 5 min old). Redeliveries carry the same event ids.
 */
export function hubspotChangeNotifications(config: Config): CrmChangeNotifications {
  return {
    // HubSpot batches up to 100 events per delivery; this leaves room for large property values.
    maxBytes: 2 * 1024 * 1024,
    verify(request, body) {
      const secret = config.HUBSPOT_CLIENT_SECRET
      if (!secret) throw new NotConfiguredError('HUBSPOT_CLIENT_SECRET is not set on this server.')
      const check = checkHubspotSignatureV3({
        secret,
        method: 'POST',
        url: request.url,
        body,
        timestamp: request.header('x-hubspot-request-timestamp'),
        signature: request.header('x-hubspot-signature-v3'),
      })
      if (check === 'stale')
        throw new DomainError('unauthorized', 'The HubSpot signature is older than 5 minutes.')
      if (check === 'invalid')
        throw new DomainError(
          'invalid_signature',
          'X-HubSpot-Signature-v3 is missing or does not match this request.',
        )
    },
    parse(body) {
      let json: unknown
      try {
        json = JSON.parse(body)
      } catch (error) {
        throw new DomainError('invalid_json', `Body is not JSON: ${(error as Error).message}`)
      }
      const parsed = hubspotDeliverySchema.safeParse(json)
      if (!parsed.success)
        throw new DomainError(
          'bad_request',
          'Not a HubSpot webhook event array.',
          parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })),
        )
      return parsed.data.map((e) => ({
        accountId: e.portalId,
        eventId: e.eventId,
        occurredAt: new Date(e.occurredAt),
        payload: e,
      }))
    },
  }
}
