import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { change, contactOf, envelope, inbound, type Sender, text } from '../simulators/whatsapp/envelopes'
import { metaDelivery } from '../simulators/whatsapp/webhook-sender'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../support/test-runtime'

type ThreadJson = {
  contact: { id: string; phone: string; bsuid: string | null } | null
  messages: { text: string | null; type: string }[]
  identity_changes?: { kind: string; from: string; to: string | null; reason: string }[]
}

describe.each(ENGINES)('a customer changing number, on %s', (engine) => {
  let rt: TestRuntime
  const deliver = async (messages: ReturnType<typeof text>[], senders: Sender[]) => {
    const payload = envelope([
      {
        wabaId: NUMBER_A.wabaId,
        changes: [change(NUMBER_A, { contacts: senders.map(contactOf), messages })],
      },
    ])
    const d = metaDelivery(payload, rt.config.WHATSAPP_APP_SECRET as string)
    expect(
      (await rt.request('/webhooks/whatsapp', { method: 'POST', body: d.body, headers: d.headers })).status,
    ).toBe(200)
    await rt.worker.drain()
  }
  const say = (sender: Sender, body: string, at?: Date) => deliver([text(sender, body, at)], [sender])
  const thread = async (phone: string): Promise<ThreadJson> =>
    (await rt.api(`/api/v1/thread?phone=${encodeURIComponent(phone)}`)).json()

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
  }, 60_000)
  afterAll(async () => rt?.close())

  it('moves a contact known by BSUID to the new number it writes from, keeping the old one in its history', async () => {
    const bsuid = 'BR.10000000000000000001'
    await say({ waId: '5511955550001', userId: bsuid, name: 'Lia' }, 'from the old number')
    const before = await thread('+5511955550001')
    const contactId = before.contact?.id as string
    const queued = await rt.api('/api/v1/messages', {
      method: 'POST',
      json: { contact_id: contactId, sender: 'agent', content: { type: 'text', text: 'queued reply' } },
    })
    expect(queued.status).toBe(202)

    await say({ waId: '5511955550002', userId: bsuid, name: 'Lia' }, 'from the new number')

    const rows = await queryRows<{ id: string; phone_e164: string; wa_id: string }>(
      rt.db.db,
      sql`select id, phone_e164, wa_id from contacts where bsuid = ${bsuid}`,
    )
    expect(rows).toEqual([{ id: contactId, phone_e164: '+5511955550002', wa_id: '5511955550002' }])
    const fresh = await thread('+5511955550002')
    expect(fresh.contact?.id).toBe(contactId)
    // Webhook times are whole seconds, so only the set is certain.
    expect(fresh.messages.map((m) => m.text).sort()).toEqual([
      'from the new number',
      'from the old number',
      'queued reply',
    ])
    expect(fresh.identity_changes).toEqual([
      expect.objectContaining({
        kind: 'phone',
        from: '+5511955550001',
        to: '+5511955550002',
        reason: 'number_change',
      }),
    ])
    // The old number's thread still finds the person, under the current number.
    const old = await thread('+5511955550001')
    expect(old.contact).toMatchObject({ id: contactId, phone: '+5511955550002' })
    // The reply still waiting goes to the number the person uses now.
    const jobs = await queryRows<{ recipient: string; state: string }>(
      rt.db.db,
      sql`select recipient, state from send_jobs where contact_id = ${contactId}`,
    )
    expect(jobs).toEqual([{ recipient: '5511955550002', state: 'queued' }])
  })

  it('does not move back when a message from before the change arrives late', async () => {
    const bsuid = 'BR.10000000000000000002'
    await say({ waId: '5511955550011', userId: bsuid, name: 'Ivo' }, 'old')
    await say({ waId: '5511955550012', userId: bsuid, name: 'Ivo' }, 'new')
    await say(
      { waId: '5511955550011', userId: bsuid, name: 'Ivo' },
      'late redelivery',
      new Date(Date.now() - 3_600_000),
    )
    const [row] = await queryRows<{ phone_e164: string; n: number }>(
      rt.db.db,
      sql`select c.phone_e164, (select count(*)::int from contact_identity_history h where h.contact_id = c.id) as n
            from contacts c where c.bsuid = ${bsuid}`,
    )
    expect(row).toEqual({ phone_e164: '+5511955550012', n: 1 })
    const current = await thread('+5511955550012')
    expect(current.messages.map((m) => m.text).sort()).toEqual(['late redelivery', 'new', 'old'])
  })

  it("follows Meta's user_changed_number system message and shows it in the thread", async () => {
    const old: Sender = { waId: '5511955550021', name: 'Rui' }
    await say(old, 'before')
    await deliver(
      [
        inbound(old, 'system', {
          system: {
            body: 'User Rui changed from 5511955550021 to 5511955550022',
            wa_id: '5511955550022',
            type: 'user_changed_number',
          },
        }),
      ],
      [old],
    )
    await say({ waId: '5511955550022', name: 'Rui' }, 'after')
    const now = await thread('+5511955550022')
    expect(now.messages.map((m) => m.text ?? m.type)).toEqual([
      'before',
      'User Rui changed from 5511955550021 to 5511955550022',
      'after',
    ])
    expect(now.identity_changes).toEqual([
      expect.objectContaining({ kind: 'phone', from: '+5511955550021', to: '+5511955550022' }),
    ])
    expect((await thread('+5511955550021')).contact?.id).toBe(now.contact?.id)
  })

  it('keeps the current number when the new number already had its own contact and the BSUID joins them', async () => {
    const bsuid = 'BR.10000000000000000003'
    await say({ waId: '5511955550031', userId: bsuid, name: 'Gil' }, 'known by bsuid and old number')
    await say({ waId: '5511955550032', name: 'Gil' }, 'new number, no bsuid yet')
    await say({ waId: '5511955550032', userId: bsuid, name: 'Gil' }, 'both')
    const rows = await queryRows<{ phone_e164: string }>(
      rt.db.db,
      sql`select phone_e164 from contacts where bsuid = ${bsuid} or phone_e164 in ('+5511955550031', '+5511955550032')`,
    )
    expect(rows).toEqual([{ phone_e164: '+5511955550032' }])
    const t = await thread('+5511955550031')
    expect(t.contact?.phone).toBe('+5511955550032')
    expect(t.messages).toHaveLength(3)
  })
})
