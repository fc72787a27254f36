import { describe, expect, it } from 'vitest'
import type { CrmConnector, CrmPropertyInfo } from '../../../backend/src/crm/port'
import { CrmPropertyCatalog, PROPERTY_LIST_TTL_MS } from '../../../backend/src/crm/property-catalog'
import type { CrmConnection } from '../../../backend/src/db/schema'

/** A connector that only lists: counts its calls, fails while `failing` is set. */
function lister() {
  const state = { calls: 0, failing: false, names: ['b_prop', 'a_prop'] }
  const connector = {
    provider: 'fake',
    async listProperties(): Promise<CrmPropertyInfo[]> {
      state.calls += 1
      await new Promise((r) => setTimeout(r, 5))
      if (state.failing) throw new Error('portal is read-only today')
      return state.names.map((name) => ({
        name,
        label: name.toUpperCase(),
        type: 'string',
        crmType: 'text',
        writable: true,
      }))
    },
    classifyError: (e: unknown) => ({
      kind: 'permanent',
      code: 'MISSING_SCOPES',
      message: (e as Error).message,
    }),
  } as unknown as CrmConnector
  return { state, connector }
}

const connection = (id: string) => ({ id, provider: 'fake' }) as CrmConnection

describe('CRM property catalogue', () => {
  it('keeps one answer per connection for the TTL, shares concurrent calls and sorts by label', async () => {
    let now = 1_000_000
    const { state, connector } = lister()
    const catalog = new CrmPropertyCatalog(
      () => connector,
      () => 'Fake',
      PROPERTY_LIST_TTL_MS,
      () => now,
    )
    const [a, b] = await Promise.all([catalog.list(connection('c1')), catalog.list(connection('c1'))])
    expect(state.calls).toBe(1)
    expect(a).toBe(b)
    expect(a.properties.map((p) => p.name)).toEqual(['a_prop', 'b_prop'])
    now += PROPERTY_LIST_TTL_MS - 1
    await catalog.list(connection('c1'))
    expect(state.calls).toBe(1)
    await catalog.list(connection('c2'))
    expect(state.calls).toBe(2)
    now += 1
    await catalog.list(connection('c1'))
    expect(state.calls).toBe(3)
    await catalog.list(connection('c1'), { fresh: true })
    expect(state.calls).toBe(4)
  })

  it('turns a refusal into crm_unavailable with the CRM’s message and does not keep it', async () => {
    const { state, connector } = lister()
    const catalog = new CrmPropertyCatalog(
      () => connector,
      () => 'Fake',
    )
    state.failing = true
    await expect(catalog.list(connection('c1'))).rejects.toMatchObject({
      code: 'crm_unavailable',
      reason: 'MISSING_SCOPES',
      message: 'Fake did not list its contact properties: portal is read-only today',
    })
    state.failing = false
    expect((await catalog.list(connection('c1'))).properties).toHaveLength(2)
    expect(state.calls).toBe(2)
  })
})
