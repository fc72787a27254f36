import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { contacts } from '../../backend/src/db/schema'
import { change, contactOf, envelope, inbound, type Sender, text } from '../simulators/whatsapp/envelopes'
import { metaDelivery } from '../simulators/whatsapp/webhook-sender'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../support/test-runtime'

describe.each(ENGINES)('contact identity on %s', (engine) => {
  let rt: TestRuntime
  const send = async (sender: Sender, body: string) => {
    const payload = envelope([
      {
        wabaId: NUMBER_A.wabaId,
        changes: [change(NUMBER_A, { contacts: [contactOf(sender)], messages: [text(sender, body)] })],
      },
    ])
    const d = metaDelivery(payload, rt.config.WHATSAPP_APP_SECRET as string)
    expect(
      (await rt.request('/webhooks/whatsapp', { method: 'POST', body: d.body, headers: d.headers })).status,
    ).toBe(200)
    await rt.worker.drain()
  }

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
  })
  afterAll(async () => rt?.close())

  it('fills an empty name from the WhatsApp profile but never overwrites a name set since', async () => {
    await send({ waId: '5511966660001', name: 'Rafa' }, 'oi')
    const [first] = await rt.db.db.select().from(contacts).where(eq(contacts.phoneE164, '+5511966660001'))
    expect(first).toMatchObject({ name: 'Rafa', profileName: 'Rafa', waId: '5511966660001' })
    expect(first?.fieldVersions.name).toBeTypeOf('number')

    await rt.db.db
      .update(contacts)
      .set({ name: 'Rafael Souza (CRM)' })
      .where(eq(contacts.id, first?.id as string))
    await send({ waId: '5511966660001', name: 'Rafa 🚀' }, 'de novo')
    const [after] = await rt.db.db.select().from(contacts).where(eq(contacts.phoneE164, '+5511966660001'))
    expect(after).toMatchObject({ name: 'Rafael Souza (CRM)', profileName: 'Rafa 🚀' })
  })

  it('keys a username user on the BSUID alone, then merges when the phone appears with it', async () => {
    // Known first by phone (no BSUID yet) ...
    await send({ waId: '5511966660002', name: 'Bia' }, 'por telefone')
    // ... then a username user writes with only a BSUID: a second contact, since nothing links them yet.
    await send({ userId: 'BR.77712345678901234567', username: 'bia.s', name: 'Bia' }, 'por username')
    const split = await queryRows<{ phone_e164: string | null; bsuid: string | null }>(
      rt.db.db,
      sql`select phone_e164, bsuid from contacts where phone_e164 = '+5511966660002' or bsuid = 'BR.77712345678901234567' order by created_at`,
    )
    expect(split).toEqual([
      { phone_e164: '+5511966660002', bsuid: null },
      { phone_e164: null, bsuid: 'BR.77712345678901234567' },
    ])

    // A send queued for the BSUID-only contact must survive the merge.
    const bsuidContact = (await (await rt.api('/api/v1/thread?phone=%2B5511966660002')).json()).contact.id
    const [bsuidRow] = await queryRows<{ id: string }>(
      rt.db.db,
      sql`select id from contacts where bsuid = 'BR.77712345678901234567'`,
    )
    const queued = await rt.api('/api/v1/messages', {
      method: 'POST',
      json: {
        contact_id: bsuidRow?.id,
        sender: 'agent',
        content: { type: 'text', text: 'resposta na fila' },
      },
    })
    expect(queued.status).toBe(202)
    expect(bsuidContact).not.toBe(bsuidRow?.id)

    // A delivery carrying both ids proves they are one person: one contact with both histories.
    await send({ waId: '5511966660002', userId: 'BR.77712345678901234567', name: 'Bia' }, 'com os dois')
    const merged = await queryRows<{ id: string; phone_e164: string; bsuid: string; username: string }>(
      rt.db.db,
      sql`select id, phone_e164, bsuid, username from contacts where phone_e164 = '+5511966660002' or bsuid = 'BR.77712345678901234567'`,
    )
    expect(merged).toHaveLength(1)
    expect(merged[0]).toMatchObject({
      phone_e164: '+5511966660002',
      bsuid: 'BR.77712345678901234567',
      username: 'bia.s',
    })
    const thread = await (await rt.api('/api/v1/thread?phone=%2B5511966660002')).json()
    expect(thread.messages.map((m: { text: string }) => m.text)).toEqual([
      'por telefone',
      'por username',
      // Webhook times are whole seconds: the later delivery sorts before the queued reply.
      'com os dois',
      'resposta na fila',
    ])
    expect(thread.contact.bsuid).toBe('BR.77712345678901234567')
    const jobs = await queryRows<{ contact_id: string }>(rt.db.db, sql`select contact_id from send_jobs`)
    expect(jobs).toEqual([{ contact_id: merged[0]?.id }])
  })

  it('merges inside one envelope whose first message uses the BSUID alone and the next carries both ids', async () => {
    await send({ waId: '5511966660003', name: 'Caio' }, 'phone first')
    await send({ userId: 'BR.88812345678901234567', name: 'Caio' }, 'bsuid first')
    const bsuidOnly: Sender = { userId: 'BR.88812345678901234567', name: 'Caio' }
    const both: Sender = { waId: '5511966660003', userId: 'BR.88812345678901234567', name: 'Caio' }
    const payload = envelope([
      {
        wabaId: NUMBER_A.wabaId,
        changes: [
          change(NUMBER_A, {
            contacts: [contactOf(bsuidOnly), contactOf(both)],
            messages: [text(bsuidOnly, 'one'), text(both, 'two')],
          }),
        ],
      },
    ])
    const d = metaDelivery(payload, rt.config.WHATSAPP_APP_SECRET as string)
    expect(
      (await rt.request('/webhooks/whatsapp', { method: 'POST', body: d.body, headers: d.headers })).status,
    ).toBe(200)
    await rt.worker.drain()
    const states = await queryRows<{ state: string; last_error: string | null }>(
      rt.db.db,
      sql`select state, last_error from webhook_events order by id desc limit 1`,
    )
    expect(states[0]).toEqual({ state: 'processed', last_error: null })
    const thread = await (await rt.api('/api/v1/thread?phone=%2B5511966660003')).json()
    expect(thread.messages.map((m: { text: string }) => m.text)).toEqual([
      'phone first',
      'bsuid first',
      'one',
      'two',
    ])
  })

  it('gives a number change the same result whether its events are processed in one batch or apart', async () => {
    await send({ waId: '5511966660004', name: 'Duda' }, 'antes da troca')
    const oldNumber: Sender = { waId: '5511966660004' }
    const changed = envelope([
      {
        wabaId: NUMBER_A.wabaId,
        changes: [
          change(NUMBER_A, {
            messages: [
              inbound(oldNumber, 'system', {
                system: {
                  body: 'User Duda changed from 5511966660004 to 5511966660005',
                  wa_id: '5511966660005',
                  type: 'user_changed_number',
                },
              }),
            ],
          }),
        ],
      },
    ])
    const later = envelope([
      {
        wabaId: NUMBER_A.wabaId,
        changes: [
          change(NUMBER_A, {
            messages: [text({ waId: '5511966660004', name: 'Novo dono' }, 'sou o novo dono')],
          }),
        ],
      },
    ])
    for (const payload of [changed, later]) {
      const d = metaDelivery(payload, rt.config.WHATSAPP_APP_SECRET as string)
      expect(
        (await rt.request('/webhooks/whatsapp', { method: 'POST', body: d.body, headers: d.headers })).status,
      ).toBe(200)
    }
    expect(await rt.worker.runOnce()).toBe(2)
    const moved = await (await rt.api('/api/v1/thread?phone=%2B5511966660005')).json()
    expect(moved.contact.name).toBe('Duda')
    expect(moved.messages.map((m: { text: string | null; type: string }) => m.text ?? m.type)).toEqual([
      'antes da troca',
      'User Duda changed from 5511966660004 to 5511966660005',
    ])
    const newOwner = await (await rt.api('/api/v1/thread?phone=%2B5511966660004')).json()
    expect(newOwner.contact.id).not.toBe(moved.contact.id)
    expect(newOwner.messages.map((m: { text: string }) => m.text)).toEqual(['sou o novo dono'])
  })
})
