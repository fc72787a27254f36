import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ChannelEventRecord, insertChannelEvents } from '../../backend/src/channels/channel-events'
import type { ChannelRoute } from '../../backend/src/channels/channel-route'
import type { DbHandle } from '../../backend/src/db/client'
import { channelEvents } from '../../backend/src/db/schema'
import { seedChannel } from '../support/seed-channel'
import { openTestDb } from '../support/test-db'

describe('channel events step (called directly)', () => {
  let handle: DbHandle
  let channel: ChannelRoute
  beforeAll(async () => {
    handle = await openTestDb('pglite')
    channel = await seedChannel(handle.db)
  })
  afterAll(async () => handle?.close())

  it('stores an event once per dedupe key, however often Meta repeats it', async () => {
    const event: ChannelEventRecord = {
      eventId: 7,
      channel,
      field: 'phone_number_quality_update',
      kind: 'quality_update',
      errorCode: null,
      payload: { current_limit: 'TIER_1K' },
      occurredAt: new Date('2026-03-01T12:00:00Z'),
      dedupeKey: 'quality|TIER_1K|2026-03-01T12:00:00Z',
    }
    await insertChannelEvents(handle.db, [event])
    await insertChannelEvents(handle.db, [event, { ...event, dedupeKey: 'quality|TIER_10K', payload: {} }])
    const rows = await handle.db.select().from(channelEvents).where(eq(channelEvents.channelId, channel.id))
    expect(rows.map((r) => r.dedupeKey).sort()).toEqual([
      'quality|TIER_10K',
      'quality|TIER_1K|2026-03-01T12:00:00Z',
    ])
  })
})
