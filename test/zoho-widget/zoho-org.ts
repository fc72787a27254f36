import { accountByCardKey } from '../../backend/src/crm/card-keys'
import type { CrmContext, CrmProvider } from '../../backend/src/crm/provider'
import { DomainError } from '../../backend/src/lib/errors'
import { FakeCrm } from '../crm/fake-provider/fake-crm'
import { fakeProvider } from '../crm/fake-provider/fake-provider'
import type { TestRuntime } from '../support/test-runtime'

/** What the admin put in the Zoho connection: the headers Zoho adds to each call, and a stale one. */
export interface ZohoOrgCredential {
  headers: Record<string, string>
  wrongHeaders: Record<string, string>
  /** What the backend's refusal of `wrongHeaders` says. */
  refusalPattern: RegExp
}

const HEADER = 'x-scrm-zoho-org-key'

/** INTERIM: a `zoho` provider whose card auth is the Salesforce card's org key (crm/card-keys.ts). */
export const interimZohoProvider = (ctx: CrmContext): CrmProvider => ({
  ...fakeProvider(new FakeCrm(), { afterInstall: [] }),
  name: 'zoho',
  label: 'Zoho CRM',
  accountLabel: (id) => `Zoho CRM org ${id}`,
  cardAuth: {
    issuedKeyHeader: HEADER,
    recognises: (header) => Boolean(header(HEADER)),
    async verify(request) {
      const key = request.header(HEADER)?.trim() ?? ''
      const org = key ? await accountByCardKey(ctx.db, 'zoho', key) : null
      if (!org)
        throw new DomainError(
          'unauthorized',
          'X-Scrm-Zoho-Org-Key is not a valid key for a connected Zoho CRM org.',
        )
      return org
    },
  },
})

export async function connectZohoOrg(rt: TestRuntime): Promise<ZohoOrgCredential> {
  const linked = await rt.api('/api/v1/connections', {
    method: 'POST',
    json: { provider: 'zoho', account_id: '60012345678' },
  })
  if (linked.status !== 201 && linked.status !== 200)
    throw new Error(`link answered ${linked.status}: ${await linked.text()}`)
  const issued = await rt.api(`/api/v1/connections/${(await linked.json()).id}/card-key`, { method: 'POST' })
  const { key, header } = await issued.json()
  return {
    headers: { [header]: key },
    wrongHeaders: { [header]: `scrm_card_${'x'.repeat(43)}` },
    refusalPattern: /not a valid key/,
  }
}
