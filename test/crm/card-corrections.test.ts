import { threadViewSchema } from '@scrm/shared'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { type SalesforceSimulator, startSalesforceSimulator } from '../simulators/salesforce'
import { startZohoSimulator, type ZohoSimulator } from '../simulators/zoho'
import { customerWrites } from '../support/conversation'
import { ENGINES } from '../support/test-db'
import {
  NUMBER_A,
  NUMBER_B,
  registerChannel,
  startTestRuntime,
  type TestRuntime,
} from '../support/test-runtime'
import { installOrg, salesforceEnv } from './salesforce/sf-support'
import { installZohoOrg, issueZohoCardKey, ZOHO_KEY_HEADER, zohoEnv } from './zoho/zoho-support'

/**
 * The Salesforce and Zoho cards correct an intent through the same route as every caller
 * (POST /api/v1/messages/{id}/corrections); the org's card key alone names the workspace, so a card
 * corrects its own workspace's messages and another workspace's message id is a 404 that changes
 * nothing.
 */
describe.each(ENGINES)('intent corrections from the Salesforce and Zoho cards (%s)', (engine) => {
  let sf: SalesforceSimulator
  let zoho: ZohoSimulator
  let rt: TestRuntime
  let keyB: string
  const cards: Record<'salesforce' | 'zoho', { headers: Record<string, string>; connectionId: string }> =
    {} as never
  let n = 0

  /** A customer of workspace A (admin key) or B writes; answers the stored message's id and the phone. */
  async function inbound(workspace: 'A' | 'B', text: string): Promise<{ id: string; phone: string }> {
    n += 1
    const waId = `5511976${workspace === 'A' ? '1' : '2'}${String(n).padStart(5, '0')}`
    await customerWrites(rt, workspace === 'A' ? NUMBER_A : NUMBER_B, { waId, name: 'Cliente' }, text)
    const res = await rt.api(`/api/v1/thread?phone=%2B${waId}`, { key: workspace === 'A' ? undefined : keyB })
    const view = threadViewSchema.parse(await res.json())
    const m = view.messages.at(-1)
    if (!m?.intent) throw new Error(`no intent on ${text}`)
    return { id: m.id, phone: `+${waId}` }
  }

  const rowsOf = (messageId: string) =>
    queryRows<{ workspace_id: string; value: string; corrected_by: string; rep: string | null }>(
      rt.db.db,
      sql`select workspace_id, value, corrected_by, rep from message_corrections where message_id = ${Number(messageId)} and field = 'intent'`,
    )

  beforeAll(async () => {
    sf = await startSalesforceSimulator()
    zoho = await startZohoSimulator()
    rt = await startTestRuntime(engine, { ...salesforceEnv(sf), ...zohoEnv(zoho) })
    expect((await registerChannel(rt, NUMBER_A, 'BR')).status).toBe(201)
    const created = await rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Loja B' } })
    keyB = (await created.json()).api_key
    expect((await registerChannel(rt, NUMBER_B, 'BR', keyB)).status).toBe(201)

    const { orgId: sfOrg } = sf.org()
    const sfInstall = await installOrg(rt, sf, sfOrg)
    expect(sfInstall.res.status).toBe(200)
    const sfConnection = (await sfInstall.res.json()).connection_id as string
    const issued = await rt.api(`/api/v1/connections/${sfConnection}/card-key`, { method: 'POST' })
    expect(issued.status).toBe(201)
    cards.salesforce = {
      headers: { 'x-scrm-org-key': (await issued.json()).key },
      connectionId: sfConnection,
    }

    const { orgId: zohoOrg } = zoho.org({ dc: 'com' })
    const zohoInstall = await installZohoOrg(rt, zoho, zohoOrg)
    expect(zohoInstall.res.status).toBe(200)
    const zohoConnection = (await zohoInstall.res.json()).connection_id as string
    cards.zoho = {
      headers: { [ZOHO_KEY_HEADER]: await issueZohoCardKey(rt, zohoConnection) },
      connectionId: zohoConnection,
    }
  }, 120_000)
  afterAll(async () => {
    await rt?.close()
    await sf?.close()
    await zoho?.close()
  })

  const correct = (card: 'salesforce' | 'zoho', messageId: string, body: unknown) =>
    rt.request(`/api/v1/messages/${messageId}/corrections`, {
      method: 'POST',
      headers: { ...cards[card].headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  it.each(['salesforce', 'zoho'] as const)(
    'the %s card corrects its own workspace’s message: stored with the card and rep, shown on the thread',
    async (card) => {
      const { id, phone } = await inbound('A', 'qual o horário da loja do centro?')
      const res = await correct(card, id, { field: 'intent', value: 'complaint', rep: 'Rita Rep' })
      expect(res.status, await res.clone().text()).toBe(200)
      expect((await res.json()).correction).toMatchObject({ message_id: Number(id), value: 'complaint' })

      const [row] = await rowsOf(id)
      const [workspaceA] = await queryRows<{ workspace_id: string }>(
        rt.db.db,
        sql`select workspace_id from crm_connections where id = ${cards[card].connectionId}`,
      )
      expect(row).toMatchObject({
        workspace_id: workspaceA?.workspace_id,
        value: 'complaint',
        corrected_by: `card:${cards[card].connectionId}`,
        rep: 'Rita Rep',
      })
      const thread = threadViewSchema.parse(
        await (await rt.api(`/api/v1/thread?phone=${encodeURIComponent(phone)}`)).json(),
      )
      expect(thread.messages.find((m) => m.id === id)?.intent).toMatchObject({ value: 'complaint' })
    },
  )

  it.each(['salesforce', 'zoho'] as const)(
    'the %s card gets a 404 for another workspace’s message id, and nothing is stored',
    async (card) => {
      const { id: other } = await inbound('B', 'quero um orçamento para 20 camisetas')
      const res = await correct(card, other, { field: 'intent', value: 'complaint' })
      expect(res.status).toBe(404)
      expect((await res.json()).error.code).toBe('not_found')
      expect(await rowsOf(other)).toEqual([])
    },
  )

  it('refuses an intent outside the contract before anything is stored', async () => {
    const { id } = await inbound('A', 'tem desconto?')
    const res = await correct('zoho', id, { field: 'intent', value: 'refund' })
    expect(res.status).toBe(400)
    expect(await rowsOf(id)).toEqual([])
  })
})
