import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChannelRoute } from '../../backend/src/channels/channel-route'
import { updateContactInsights } from '../../backend/src/contacts/contact-insights'
import { recordInterests } from '../../backend/src/contacts/contact-interests'
import type { Identity } from '../../backend/src/contacts/identity'
import { applyIdentityChanges } from '../../backend/src/contacts/identity-changes'
import { applyMarketingPreferences } from '../../backend/src/contacts/marketing-preferences'
import { identityKey, resolveIdentities } from '../../backend/src/contacts/resolve-identities'
import { touchContacts } from '../../backend/src/contacts/touch-contacts'
import type { DbHandle } from '../../backend/src/db/client'
import { contactInterests, contacts } from '../../backend/src/db/schema'
import { seedChannel } from '../support/seed-channel'
import { openTestDb } from '../support/test-db'

const identity = (phone: string | null, bsuid: string | null): Identity => ({
  phone,
  waId: phone ? phone.slice(1) : null,
  bsuid,
  parentBsuid: null,
  username: null,
  profileName: null,
})

describe('contact steps (called directly)', () => {
  let handle: DbHandle
  let channel: ChannelRoute
  const newContact = async (phone: string | null, bsuid: string | null = null) => {
    const [row] = await handle.db
      .insert(contacts)
      .values({ workspaceId: channel.workspaceId, phoneE164: phone, bsuid })
      .returning()
    return row!
  }
  const contact = async (id: string) =>
    (await handle.db.select().from(contacts).where(eq(contacts.id, id)))[0]!

  beforeAll(async () => {
    handle = await openTestDb('pglite')
    channel = await seedChannel(handle.db)
  })
  afterAll(async () => handle?.close())

  it('merges the phone contact and the BSUID contact when one identity carries both', async () => {
    await newContact('+5511911110001')
    await newContact(null, 'BR.111')
    const both = identity('+5511911110001', 'BR.111')
    const ids = await resolveIdentities(handle.db, channel.workspaceId, [both], new Date())
    const merged = await handle.db
      .select()
      .from(contacts)
      .where(eq(contacts.workspaceId, channel.workspaceId))
    expect(merged.filter((c) => c.phoneE164 === '+5511911110001' || c.bsuid === 'BR.111')).toEqual([
      expect.objectContaining({ phoneE164: '+5511911110001', bsuid: 'BR.111' }),
    ])
    expect(ids.get(identityKey(channel.workspaceId, both))).toBe(merged.find((c) => c.bsuid === 'BR.111')?.id)
  })

  it('moves activity times forward only and ignores our own reactions', async () => {
    const c = await newContact('+5511911110002')
    await touchContacts(handle.db, [
      { contactId: c.id, direction: 'inbound', type: 'text', sentAt: new Date('2026-03-01T12:00:00Z') },
      { contactId: c.id, direction: 'outbound', type: 'reaction', sentAt: new Date('2026-03-01T13:00:00Z') },
    ])
    await touchContacts(handle.db, [
      { contactId: c.id, direction: 'inbound', type: 'text', sentAt: new Date('2026-03-01T11:00:00Z') },
    ])
    expect(await contact(c.id)).toMatchObject({
      lastInboundAt: new Date('2026-03-01T12:00:00Z'),
      lastOutboundAt: null,
    })
  })

  it('moves a contact to a new number unless another contact owns it', async () => {
    const mover = await newContact('+5511911110003')
    await newContact('+5511911110004')
    await applyIdentityChanges(handle.db, [
      { contactId: mover.id, newPhone: '+5511911110004', newBsuid: null },
    ])
    expect((await contact(mover.id)).phoneE164).toBe('+5511911110003')
    await applyIdentityChanges(handle.db, [
      { contactId: mover.id, newPhone: '+5511911110005', newBsuid: 'BR.555' },
    ])
    expect(await contact(mover.id)).toMatchObject({
      phoneE164: '+5511911110005',
      waId: '5511911110005',
      bsuid: 'BR.555',
    })
  })

  it('lets the newer marketing preference win, whatever order they arrive in', async () => {
    const c = await newContact('+5511911110006')
    const stop = {
      contactId: c.id,
      category: 'marketing_messages',
      value: 'stop',
      at: new Date('2026-03-01T10:00:00Z'),
    }
    const resume = { ...stop, value: 'resume', at: new Date('2026-03-01T11:00:00Z') }
    await applyMarketingPreferences(handle.db, [resume])
    await applyMarketingPreferences(handle.db, [stop])
    expect((await contact(c.id)).marketingOptOutAt).toBeNull()
    await applyMarketingPreferences(handle.db, [{ ...stop, at: new Date('2026-03-01T12:00:00Z') }])
    expect((await contact(c.id)).marketingOptOutAt).toEqual(new Date('2026-03-01T12:00:00Z'))
  })

  it('keeps the latest specific intent, averages sentiment and counts product interest', async () => {
    const c = await newContact('+5511911110007')
    const scored = (
      messageId: number,
      at: string,
      intent: string,
      sentiment: number,
      products: string[],
    ) => ({
      messageId,
      contactId: c.id,
      workspaceId: channel.workspaceId,
      sentAt: new Date(at),
      insights: { intent, confidence: 0.9, sentiment, language: 'pt', products },
    })
    const batch = [
      scored(1, '2026-03-01T10:00:00Z', 'purchase', 0.8, ['SKU-1']),
      scored(2, '2026-03-01T11:00:00Z', 'other', 0.2, ['SKU-1']),
    ]
    await updateContactInsights(handle.db, batch)
    await recordInterests(handle.db, batch)
    const row = await contact(c.id)
    expect(row).toMatchObject({ lastIntent: 'purchase', lastIntentMessageId: 1, sentimentMessages: 2 })
    // A first batch starts the average: the weighted scores (newest weighted most) over their weights.
    expect(row.sentiment).toBeCloseTo((0.3 * 0.7 * 0.8 + 0.3 * 0.2) / (1 - 0.7 * 0.7), 5)
    const interests = await handle.db
      .select()
      .from(contactInterests)
      .where(eq(contactInterests.contactId, c.id))
    expect(interests).toEqual([expect.objectContaining({ sku: 'SKU-1', mentions: 2 })])
  })
})
