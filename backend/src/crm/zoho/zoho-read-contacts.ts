import type { CrmRecord } from '../port'
import { PERSON_MODULES } from './settings'
import type { ZohoConnector } from './zoho-connector'
import { rawOfZoho } from './zoho-fields'

/**
 * Records by id, whichever person module holds them (Contacts first, then Leads), with the asked
 * properties that module has, and both phones under the names the sync reads.
 */
export async function readZohoContacts(
  connector: ZohoConnector,
  ids: string[],
  properties: string[],
): Promise<CrmRecord[]> {
  const out: CrmRecord[] = []
  // Found in this call, not "module known": a record learnt earlier may have moved module since
  // (a converted Lead) or be asked for again from a fresh read.
  const found = new Set<string>()
  let left = [...new Set(ids)]
  for (const module of PERSON_MODULES) {
    if (left.length === 0) break
    const have = new Set((await connector.fields(module)).map((f) => f.api_name))
    const wanted = [...new Set([...properties, 'Phone', 'Mobile', 'Modified_Time'])].filter(
      (p) => have.has(p) || p === 'Modified_Time',
    )
    for (let i = 0; i < left.length; i += connector.batchLimit) {
      const answer = await connector.http.call<{ data?: Record<string, unknown>[] }>({
        method: 'GET',
        path: `/${module}?ids=${left.slice(i, i + connector.batchLimit).join(',')}&fields=${wanted.join(',')}`,
      })
      for (const r of answer.body?.data ?? []) {
        const id = String(r.id)
        connector.moduleOf.set(id, module)
        found.add(id)
        const props: Record<string, string | null> = {}
        for (const p of wanted) props[p] = rawOfZoho(r[p], p)
        props.phone = rawOfZoho(r.Phone, 'Phone')
        props.mobilephone = rawOfZoho(r.Mobile, 'Mobile')
        out.push({ id, properties: props })
      }
    }
    left = left.filter((id) => !found.has(id))
  }
  return out
}
