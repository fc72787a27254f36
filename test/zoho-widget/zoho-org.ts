import { installZohoOrg, issueZohoCardKey, ZOHO_KEY_HEADER, zohoEnv } from '../crm/zoho/zoho-support'
import { type DATA_CENTRES, startZohoSimulator, type ZohoSimulator } from '../simulators/zoho'
import type { TestRuntime } from '../support/test-runtime'

/** What the admin put in the Zoho connection: the header Zoho adds to each call, and a stale one. */
export interface ZohoOrgCredential {
  headers: Record<string, string>
  /** The key before the admin rotated it. */
  wrongHeaders: Record<string, string>
  /** What the backend's refusal of `wrongHeaders` says. */
  refusalPattern: RegExp
}

export { zohoEnv }

/** Zoho's side for the browser tests: the simulator's accounts servers and v8 API (install only). */
export const startZoho = (): Promise<ZohoSimulator> => startZohoSimulator()

/**
 * An org in the given data centre installed the way an admin does it (OAuth against the simulator),
 * then given its widget key (`POST /api/v1/connections/{id}/card-key`), which the admin pastes into
 * the Zoho connection. Issuing again rotates it: the first key is the stale one.
 */
export async function connectZohoOrg(
  rt: TestRuntime,
  sim: ZohoSimulator,
  dc: (typeof DATA_CENTRES)[number] = 'com',
): Promise<ZohoOrgCredential> {
  const { orgId } = sim.org({ dc })
  const { res } = await installZohoOrg(rt, sim, orgId)
  if (res.status !== 200) throw new Error(`install answered ${res.status}: ${await res.text()}`)
  const connectionId = (await res.json()).connection_id as string
  const stale = await issueZohoCardKey(rt, connectionId)
  const key = await issueZohoCardKey(rt, connectionId)
  return {
    headers: { [ZOHO_KEY_HEADER]: key },
    wrongHeaders: { [ZOHO_KEY_HEADER]: stale },
    refusalPattern: /not a valid key for a connected Zoho CRM org/,
  }
}
