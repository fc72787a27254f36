import type { Database } from '../../db/client'
import { DomainError } from '../../lib/errors'
import { accountByCardKey } from '../card-keys'
import type { CrmCardAuth } from '../provider'

/**
 * The header the admin's Zoho CRM Connection ("API Key" custom service) adds to every
 * `ZOHO.CRM.CONNECTION.invoke` call. Zoho sends it from its servers; the widget never sees it.
 */
export const ZOHO_KEY_HEADER = 'x-scrm-zoho-key'

/**
 * Widget calls relayed by a Zoho Connection: the org's key, issued by an admin and stored hashed,
 * names the org. Nothing in the request (body, query, headers the widget sets) can choose another.
 */
export function zohoCardAuth(db: Database): CrmCardAuth {
  return {
    issuedKeyHeader: ZOHO_KEY_HEADER,
    recognises: (header) => Boolean(header(ZOHO_KEY_HEADER)),
    async verify(request) {
      const key = request.header(ZOHO_KEY_HEADER)?.trim() ?? ''
      const orgId = key ? await accountByCardKey(db, 'zoho', key) : null
      if (!orgId)
        throw new DomainError(
          'unauthorized',
          'X-Scrm-Zoho-Key is not a valid key for a connected Zoho CRM org (rotated, or the org was disconnected). An admin can issue a new one and paste it into the Zoho connection.',
        )
      return orgId
    },
  }
}
