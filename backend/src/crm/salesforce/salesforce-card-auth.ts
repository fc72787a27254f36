import type { Database } from '../../db/client'
import { DomainError } from '../../lib/errors'
import { accountByCardKey } from '../card-keys'
import type { CrmCardAuth } from '../provider'

/** The header the packaged Named Credential adds to every Apex callout (`{!$Credential.WhatsApp_Backend_Key.OrgKey}`). */
export const ORG_KEY_HEADER = 'x-scrm-org-key'

/**
 * Card calls from the package's Apex controller: the org's key, issued by an admin and stored
 * hashed, names the org (18-char id). Nothing in the request body or query can choose another.
 */
export function salesforceCardAuth(db: Database): CrmCardAuth {
  return {
    issuedKeyHeader: ORG_KEY_HEADER,
    recognises: (header) => Boolean(header(ORG_KEY_HEADER)),
    async verify(request) {
      const key = request.header(ORG_KEY_HEADER)?.trim() ?? ''
      const orgId = key ? await accountByCardKey(db, 'salesforce', key) : null
      if (!orgId)
        throw new DomainError(
          'unauthorized',
          'X-Scrm-Org-Key is not a valid key for a connected Salesforce org (rotated, or the org was disconnected). An admin can issue a new one.',
        )
      return orgId
    },
  }
}
