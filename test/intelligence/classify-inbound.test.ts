import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChannelRoute } from '../../backend/src/channels/channel-route'
import type { DbHandle } from '../../backend/src/db/client'
import { productCatalog } from '../../backend/src/db/schema'
import { classifyInbound } from '../../backend/src/intelligence/classify-inbound'
import { seedChannel, textRecord } from '../support/seed-channel'
import { openTestDb } from '../support/test-db'

describe('classification step (called directly)', () => {
  let handle: DbHandle
  let channel: ChannelRoute

  beforeAll(async () => {
    handle = await openTestDb('pglite')
    channel = await seedChannel(handle.db)
    await handle.db.insert(productCatalog).values({
      workspaceId: channel.workspaceId,
      sku: 'TEN-42',
      name: 'Tênis Corrida',
      aliases: ['tenis de corrida'],
    })
  })
  afterAll(async () => handle?.close())

  it("classifies customers' words with the workspace's products, and nothing of ours", async () => {
    const asks = textRecord(channel, 'wamid.c.1', 'quanto custa o tenis de corrida?')
    const ours = textRecord(channel, 'wamid.c.2', 'O tênis corrida custa 300', { direction: 'outbound' })
    const insights = await classifyInbound(handle.db, [asks, ours])
    expect(insights.get(asks)).toMatchObject({ language: 'pt', products: ['TEN-42'] })
    expect(insights.get(ours)).toBeNull()
  })
})
