import type { ZohoPersonModule } from './settings'
import type { ZohoConnector, ZohoElement } from './zoho-connector'
import { ZohoApiError } from './zoho-http'

/**
 * Zoho's Merge Records (`POST /{module}/{master}/actions/merge`): the master keeps its id and
 * values, the child's related records (notes, tasks, tags) move to it and the child is deleted.
 * Both must be in one module; a Lead and a Contact cannot be merged (that is a conversion).
 */
export async function mergeZohoRecords(
  connector: ZohoConnector,
  primaryId: string,
  mergedId: string,
): Promise<{ recordId: string }> {
  const [module, childModule] = [
    await connector.moduleOfRecord(primaryId),
    await connector.moduleOfRecord(mergedId),
  ]
  if (!module || !childModule)
    throw new ZohoApiError(400, 'INVALID_DATA', `record ${module ? mergedId : primaryId} does not exist`)
  if (module !== childModule)
    throw new ZohoApiError(
      400,
      'NOT_ALLOWED',
      `${childModule} ${mergedId} cannot be merged into ${module} ${primaryId}: Zoho merges within one module`,
    )
  const answer = await connector.http.call<{ merge?: ZohoElement[] }>({
    method: 'POST',
    path: `/${module}/${primaryId}/actions/merge`,
    body: { merge: [{ data: [{ id: mergedId }] }] },
  })
  const [element] = answer.body?.merge ?? []
  if (element?.status !== 'success')
    throw new ZohoApiError(
      answer.status,
      element?.code ?? `HTTP_${answer.status}`,
      element?.message ?? 'Zoho did not merge the records',
      element?.details ?? {},
    )
  connector.moduleOf.delete(mergedId)
  return { recordId: String(element.details?.id ?? primaryId) }
}

/**
 * The live record (Contacts first, then Leads) whose unique `property` holds `value`, other
 * than `exceptId`: where a deleted record's person lives on after a merge or a conversion.
 */
export async function findZohoByUnique(
  connector: ZohoConnector,
  modules: ZohoPersonModule[],
  property: string,
  value: string,
  exceptId: string,
): Promise<string | null> {
  const criteria = `(${property}:equals:${value.replace(/[(),\\]/g, (ch) => `\\${ch}`)})`
  for (const module of modules) {
    if (!(await connector.fields(module)).some((f) => f.api_name === property)) continue
    const answer = await connector.http.call<{ data?: { id: string }[] }>({
      method: 'GET',
      path: `/${module}/search?criteria=${encodeURIComponent(criteria)}&fields=id`,
    })
    const hit = (answer.body?.data ?? []).find((r) => String(r.id) !== exceptId)
    if (hit) {
      connector.moduleOf.set(String(hit.id), module)
      return String(hit.id)
    }
  }
  return null
}
