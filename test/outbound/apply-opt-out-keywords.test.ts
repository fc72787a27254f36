import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChannelRoute } from '../../backend/src/channels/channel-route'
import type { DbHandle } from '../../backend/src/db/client'
import { contacts } from '../../backend/src/db/schema'
import { applyOptOutKeywords, type KeywordCandidate } from '../../backend/src/outbound/apply-opt-out-keywords'
import { seedChannel } from '../support/seed-channel'
import { openTestDb } from '../support/test-db'

describe('opt-out keywords step (called directly)', () => {
  let handle: DbHandle
  let channel: ChannelRoute
  const candidate = async (text: string, direction: KeywordCandidate['direction'] = 'inbound') => {
    const [c] = await handle.db.insert(contacts).values({ workspaceId: channel.workspaceId }).returning()
    return {
      contactId: c!.id,
      workspaceId: channel.workspaceId,
      direction,
      type: 'text',
      text,
      sentAt: new Date(),
    }
  }
  const optIn = async (id: string) =>
    (await handle.db.select().from(contacts).where(eq(contacts.id, id)))[0]?.optInStatus

  beforeAll(async () => {
    handle = await openTestDb('pglite')
    channel = await seedChannel(handle.db, { sending_policy: { opt_out_keywords: ['stop', 'CHEGA'] } })
  })
  afterAll(async () => handle?.close())

  it("opts out a customer who writes only one of the workspace's keywords, in any case", async () => {
    const stop = await candidate('Stop!')
    const own = await candidate('chega')
    const sentence = await candidate('please do not stop sending me offers')
    const ours = await candidate('STOP', 'outbound')
    const defaultOnly = await candidate('baixa')
    await applyOptOutKeywords(handle.db, [stop, own, sentence, ours, defaultOnly])
    expect(await optIn(stop.contactId)).toBe('opted_out')
    expect(await optIn(own.contactId)).toBe('opted_out')
    expect(await optIn(sentence.contactId)).toBe('unknown')
    expect(await optIn(ours.contactId)).toBe('unknown')
    // The workspace's list replaces the default one.
    expect(await optIn(defaultOnly.contactId)).toBe('unknown')
  })
})
