import { expect } from 'vitest'
import type { TestRuntime } from '../../support/test-runtime'

export interface ListedProperty {
  name: string
  label: string
  type: string
  crm_type: string
  writable: boolean
}

/** GET /api/v1/connections/{id}/properties (`fresh`: past the cache), asserting a 200. */
export async function listProperties(
  rt: TestRuntime,
  connectionId: string,
  fresh = false,
): Promise<{ properties: ListedProperty[]; fetched_at: string }> {
  const res = await rt.api(`/api/v1/connections/${connectionId}/properties${fresh ? '?fresh=true' : ''}`)
  const text = await res.text()
  expect(res.status, text).toBe(200)
  return JSON.parse(text)
}

export const byName = (list: ListedProperty[], name: string) => list.find((p) => p.name === name)

/** Another workspace asks for this connection's properties: it must look as if there were none. */
export async function expectHiddenFromOtherWorkspace(rt: TestRuntime, connectionId: string): Promise<void> {
  const created = await rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Outra Loja' } })
  expect(created.status).toBe(201)
  const otherKey = (await created.json()).api_key as string
  const res = await rt.api(`/api/v1/connections/${connectionId}/properties`, { key: otherKey })
  expect(res.status).toBe(404)
  expect((await res.json()).error.code).toBe('not_found')
}
