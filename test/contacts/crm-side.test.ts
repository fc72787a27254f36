import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { type Sender, singleText } from '../simulators/whatsapp/envelopes'
import { metaDelivery } from '../simulators/whatsapp/webhook-sender'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../support/test-runtime'

/**
 * What number changes and merges leave for the CRM sync (run separately; CRM_SYNC is off here so
 * the queue can be read): the contact queued for a write, and a CRM merge queued where a CRM holds
 * two records for one person.
 */
describe.each(ENGINES)('number changes and merges towards the CRM, on %s', (engine) => {
  let rt: TestRuntime
  let workspaceId: string
  let connectionId: string
  const say = async (sender: Sender, body: string) => {
    const d = metaDelivery(singleText(NUMBER_A, sender, body), rt.config.WHATSAPP_APP_SECRET as string)
    expect(
      (await rt.request('/webhooks/whatsapp', { method: 'POST', body: d.body, headers: d.headers })).status,
    ).toBe(200)
    await rt.worker.drain()
  }
  const idOf = async (phone: string) =>
    (await queryRows<{ id: string }>(rt.db.db, sql`select id from contacts where phone_e164 = ${phone}`))[0]
      ?.id as string

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
    workspaceId = (await queryRows<{ id: string }>(rt.db.db, sql`select id from workspaces limit 1`))[0]
      ?.id as string
    connectionId = (
      await queryRows<{ id: string }>(
        rt.db.db,
        sql`insert into crm_connections (workspace_id, provider, account_id) values (${workspaceId}, 'hubspot', '4242') returning id`,
      )
    )[0]?.id as string
  }, 60_000)
  afterAll(async () => rt?.close())

  it('queues the contact for the CRM when its number changes', async () => {
    await say({ waId: '5511955551001', userId: 'BR.20000000000000000001', name: 'Téo' }, 'old')
    const id = await idOf('+5511955551001')
    await rt.db.db.execute(sql`delete from crm_outbox`)
    await say({ waId: '5511955551002', userId: 'BR.20000000000000000001', name: 'Téo' }, 'new')
    const queued = await queryRows<{ subject_id: string }>(
      rt.db.db,
      sql`select subject_id from crm_outbox where kind = 'contact' and connection_id = ${connectionId}`,
    )
    expect(queued.map((q) => q.subject_id)).toContain(id)
  })

  it('queues a merge of two CRM records of one person for the sync; an undo before it ran takes it back', async () => {
    await say({ waId: '5511955551011', name: 'Rosa Lima' }, 'a')
    await say({ waId: '5511955551012', name: 'Rosa Lima' }, 'b')
    const [a, b] = [await idOf('+5511955551011'), await idOf('+5511955551012')]
    await rt.db.db.execute(sql`update contacts set email = 'rosa@example.com' where id in (${a}, ${b})`)
    for (const [contact, record] of [
      [a, '901'],
      [b, '902'],
    ] as const) {
      await rt.db.db.execute(sql`
        insert into crm_record_links (workspace_id, connection_id, object_type, record_id, contact_id, role)
        values (${workspaceId}, ${connectionId}, 'contact', ${record}, ${contact}, 'primary')`)
    }
    await rt.api('/api/v1/duplicates/scan', { method: 'POST' })
    const list = (await (await rt.api(`/api/v1/duplicates?contact_id=${a}`)).json()).duplicates
    expect(list[0].reasons.map((r: { code: string }) => r.code).sort()).toEqual([
      'name_similar',
      'same_email',
    ])
    const merge = await (
      await rt.api(`/api/v1/duplicates/${list[0].id}/merge`, { method: 'POST', json: { survivor_id: a } })
    ).json()
    const items = async () =>
      queryRows<{ local_value: string; remote_value: string; reason: string }>(
        rt.db.db,
        sql`select local_value #>> '{}' as local_value, remote_value #>> '{}' as remote_value, detail->>'reason' as reason
              from crm_review_items where connection_id = ${connectionId} and field = 'record' order by created_at, reason`,
      )
    // Nothing is asked of a person inside the merge: the CRM merge waits in the queue.
    expect(await items()).toEqual([])
    const queued = async () =>
      queryRows<{ subject_id: string }>(
        rt.db.db,
        sql`select subject_id from crm_outbox where connection_id = ${connectionId} and kind = 'merge'`,
      )
    expect(await queued()).toEqual([{ subject_id: merge.id }])
    const links = await queryRows<{ contact_id: string; record_id: string }>(
      rt.db.db,
      sql`select contact_id, record_id from crm_record_links where connection_id = ${connectionId} and record_id in ('901', '902')`,
    )
    expect(links).toEqual([{ contact_id: a, record_id: '901' }])

    expect((await rt.api(`/api/v1/merges/${merge.id}/undo`, { method: 'POST' })).status).toBe(200)
    // Undone before the sync sent it: the queued merge is withdrawn and the CRM never hears of it.
    expect(await queued()).toEqual([])
    expect(await items()).toEqual([])
    const back = await queryRows<{ contact_id: string; record_id: string }>(
      rt.db.db,
      sql`select contact_id, record_id from crm_record_links where connection_id = ${connectionId} and record_id in ('901', '902') order by record_id`,
    )
    expect(back).toEqual([
      { contact_id: a, record_id: '901' },
      { contact_id: b, record_id: '902' },
    ])
  })
})
