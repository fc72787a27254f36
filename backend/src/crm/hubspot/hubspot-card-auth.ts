import type { Config } from '../../config'
import { DomainError, NotConfiguredError } from '../../lib/errors'
import type { CrmCardAuth } from '../provider'
import { checkHubspotSignatureV3 } from './request-signature'

const SIGNATURE = 'x-hubspot-signature-v3'

/**
 * Card calls from HubSpot UI extensions (`hubspot.fetch`) carry X-HubSpot-Signature-v3 over
 * method, URL, body and timestamp. The portal id is part of the signed URL, so it is trusted.
 */
export function hubspotCardAuth(config: Config): CrmCardAuth {
  return {
    recognises: (header) => Boolean(header(SIGNATURE)),
    async verify(request) {
      if (!config.HUBSPOT_CLIENT_SECRET)
        throw new NotConfiguredError('HUBSPOT_CLIENT_SECRET is not set on this server.')
      const body = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.body()
      const check = checkHubspotSignatureV3({
        secret: config.HUBSPOT_CLIENT_SECRET,
        method: request.method,
        url: request.url,
        body,
        timestamp: request.header('x-hubspot-request-timestamp'),
        signature: request.header(SIGNATURE),
      })
      if (check === 'stale')
        throw new DomainError('unauthorized', 'The HubSpot signature is older than 5 minutes.')
      if (check === 'invalid')
        throw new DomainError('invalid_signature', 'X-HubSpot-Signature-v3 does not match this request.')
      const portalId = request.query('portal_id')
      if (!portalId) throw new DomainError('bad_request', 'Signed card requests must carry portal_id.')
      return portalId
    },
  }
}
