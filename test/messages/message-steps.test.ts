import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChannelRoute } from '../../backend/src/channels/channel-route'
import type { DbHandle } from '../../backend/src/db/client'
import { contacts, messages } from '../../backend/src/db/schema'
import { applyEditsAndRevokes } from '../../backend/src/messages/edits-and-revokes'
import { messageKey } from '../../backend/src/messages/message-record'
import { applyStoredStatuses, recordStatuses } from '../../backend/src/messages/record-statuses'
import type { StatusRecord } from '../../backend/src/messages/status-record'
import { insertMessages, withoutStored } from '../../backend/src/messages/store-messages'
import { seedChannel, textRecord } from '../support/seed-channel'
import { openTestDb } from '../support/test-db'

describe('message steps (called directly)', () => {
  let handle: DbHandle
  let channel: ChannelRoute
  let contactId: string
  const status = (wamid: string, value: string, at: string): StatusRecord => ({
    eventId: 2,
    channel,
    wamid,
    status: value,
    occurredAt: new Date(at),
    recipientId: '5511900000001',
    recipientUserId: null,
    error: null,
    pricing: null,
    conversation: null,
    bizOpaqueCallbackData: null,
  })
  const statusOf = async (wamid: string) =>
    (await handle.db.select().from(messages).where(eq(messages.wamid, wamid)))[0]?.status

  beforeAll(async () => {
    handle = await openTestDb('pglite')
    channel = await seedChannel(handle.db)
    const [contact] = await handle.db
      .insert(contacts)
      .values({ workspaceId: channel.workspaceId, phoneE164: '+5511900000001' })
      .returning()
    contactId = contact!.id
  })
  afterAll(async () => handle?.close())

  it('inserts a message once and reports only the new ones; withoutStored drops what is stored', async () => {
    const first = textRecord(channel, 'wamid.store.1', 'oi')
    const inserted = await insertMessages(handle.db, [{ record: first, contactId, insights: null }])
    expect([...inserted.keys()]).toEqual([messageKey(first)])
    const again = await insertMessages(handle.db, [{ record: first, contactId, insights: null }])
    expect(again.size).toBe(0)
    const second = textRecord(channel, 'wamid.store.2', 'tudo bem?')
    expect(await withoutStored(handle.db, [first, second])).toEqual([second])
  })

  it('moves a status forward only, whatever order the statuses arrive in', async () => {
    const sent = textRecord(channel, 'wamid.status.1', 'Olá!', {
      direction: 'outbound',
      sender: 'business_app',
    })
    await insertMessages(handle.db, [{ record: sent, contactId, insights: null }])
    await recordStatuses(handle.db, [status('wamid.status.1', 'read', '2026-03-01T12:02:00Z')])
    expect(await statusOf('wamid.status.1')).toBe('read')
    await recordStatuses(handle.db, [status('wamid.status.1', 'delivered', '2026-03-01T12:01:00Z')])
    expect(await statusOf('wamid.status.1')).toBe('read')
  })

  it('gives a message stored after its statuses the furthest one already recorded', async () => {
    await recordStatuses(handle.db, [
      status('wamid.late.1', 'delivered', '2026-03-01T12:01:00Z'),
      status('wamid.late.1', 'sent', '2026-03-01T12:00:30Z'),
    ])
    const late = textRecord(channel, 'wamid.late.1', 'Seu pedido saiu', {
      direction: 'outbound',
      sender: 'business_app',
    })
    await insertMessages(handle.db, [{ record: late, contactId, insights: null }])
    expect(await statusOf('wamid.late.1')).toBe('sent')
    await applyStoredStatuses(handle.db, [{ channelId: channel.id, wamid: 'wamid.late.1' }])
    expect(await statusOf('wamid.late.1')).toBe('delivered')
  })

  it('applies an edit that arrived before its original when the original is stored', async () => {
    const edit = textRecord(channel, 'wamid.edit.1', 'quero 3 caixas', {
      sentAt: new Date('2026-03-01T12:05:00Z'),
      content: {
        type: 'edit',
        text: 'quero 3 caixas',
        payload: {},
        media: null,
        relatedWamid: 'wamid.orig.1',
        threadVisible: false,
      },
    })
    const editKeys = await insertMessages(handle.db, [{ record: edit, contactId, insights: null }])
    await applyEditsAndRevokes(handle.db, [edit], editKeys)
    const original = textRecord(channel, 'wamid.orig.1', 'quero 2 caixas')
    const originalKeys = await insertMessages(handle.db, [{ record: original, contactId, insights: null }])
    await applyEditsAndRevokes(handle.db, [original], originalKeys)
    const [row] = await handle.db.select().from(messages).where(eq(messages.wamid, 'wamid.orig.1'))
    expect(row).toMatchObject({ text: 'quero 3 caixas', originalText: 'quero 2 caixas' })
  })
})
