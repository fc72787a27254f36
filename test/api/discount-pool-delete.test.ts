import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { discountCodes } from '../../backend/src/db/schema'
import { ENGINES } from '../support/test-db'
import { startTestRuntime, type TestRuntime } from '../support/test-runtime'

/** DELETE /api/v1/discount-pools/{pool}: a whole pool goes, unless a rule hands out its codes. */
describe.each(ENGINES)('discount pool delete on %s', (engine) => {
  let rt: TestRuntime
  const ws: { id: string; key: string }[] = []

  const load = (key: string, pool: string, codes: string[]) =>
    rt.api(`/api/v1/discount-pools/${pool}/codes`, { method: 'POST', key, json: { codes } })
  const remove = (key: string, pool: string) =>
    rt.api(`/api/v1/discount-pools/${pool}`, { method: 'DELETE', key })
  const codesIn = (workspaceId: string, pool: string) =>
    rt.db.db
      .select()
      .from(discountCodes)
      .where(and(eq(discountCodes.workspaceId, workspaceId), eq(discountCodes.pool, pool)))

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    for (const name of ['Loja A', 'Loja B']) {
      const { id, api_key: key } = await (
        await rt.api('/api/v1/workspaces', { method: 'POST', json: { name } })
      ).json()
      ws.push({ id, key })
    }
  })
  afterAll(async () => rt?.close())

  it('removes every code of a pool no rule uses, and answers 404 for a pool with no codes', async () => {
    const [a] = ws as [{ id: string; key: string }]
    expect((await load(a.key, 'summer', ['S1', 'S2', 'S3'])).status).toBe(200)
    const res = await remove(a.key, 'summer')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ removed: 3 })
    expect(await codesIn(a.id, 'summer')).toEqual([])
    const again = await remove(a.key, 'summer')
    expect(again.status).toBe(404)
    expect((await again.json()).error.message).toBe('There is no pool "summer" in this workspace.')
  })

  it('refuses with 409 naming the rule while a rule hands out codes from the pool', async () => {
    const [a] = ws as [{ id: string; key: string }]
    // The default pack's discount rule hands out codes from discount_10.
    expect((await load(a.key, 'discount_10', ['TEN1'])).status).toBe(200)
    const res = await remove(a.key, 'discount_10')
    expect(res.status).toBe(409)
    const { error } = await res.json()
    expect(error.code).toBe('conflict')
    expect(error.message).toMatch(
      /^Pool "discount_10" is used by rules? .+; change or delete th(at|ose) rules? first\.$/,
    )
    expect(await codesIn(a.id, 'discount_10')).toHaveLength(1)
  })

  it("another workspace cannot remove a workspace's pool (404, as for a pool nobody has)", async () => {
    const [a, b] = ws as [{ id: string; key: string }, { id: string; key: string }]
    expect((await load(a.key, 'autumn', ['A1'])).status).toBe(200)
    expect((await remove(b.key, 'autumn')).status).toBe(404)
    expect(await codesIn(a.id, 'autumn')).toHaveLength(1)
    const pools = await (await rt.api('/api/v1/discount-pools', { key: b.key })).json()
    expect(pools.pools).toEqual([])
  })
})
