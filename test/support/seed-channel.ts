import type { ChannelRoute } from '../../backend/src/channels/channel-route'
import type { Executor } from '../../backend/src/db/client'
import { whatsappChannels, workspaces } from '../../backend/src/db/schema'
import type { MessageRecord } from '../../backend/src/messages/message-record'

let numbers = 0

/** A workspace with one channel, written straight to the tables, for tests that call one step. */
export async function seedChannel(
  db: Executor,
  settings: Record<string, unknown> = {},
): Promise<ChannelRoute> {
  const [workspace] = await db.insert(workspaces).values({ name: 'Step test', settings }).returning()
  numbers += 1
  const [channel] = await db
    .insert(whatsappChannels)
    .values({
      workspaceId: workspace!.id,
      phoneNumberId: `step-${process.pid}-${numbers}-${Date.now()}`,
      displayPhoneNumber: '+55 11 4000-0000',
      defaultRegion: 'BR',
    })
    .returning()
  return {
    id: channel!.id,
    workspaceId: workspace!.id,
    phoneNumberId: channel!.phoneNumberId,
    wabaId: null,
    defaultRegion: 'BR',
  }
}

/** A customer's text message as the ingest extracts it. */
export function textRecord(
  channel: ChannelRoute,
  wamid: string,
  text: string,
  overrides: Partial<MessageRecord> = {},
): MessageRecord {
  return {
    eventId: 1,
    channel,
    wamid,
    direction: 'inbound',
    sender: 'customer',
    identity: {
      phone: '+5511900000001',
      waId: '5511900000001',
      bsuid: null,
      parentBsuid: null,
      username: null,
      profileName: null,
    },
    sentAt: new Date('2026-03-01T12:00:00Z'),
    content: { type: 'text', text, payload: {}, media: null, relatedWamid: null, threadVisible: true },
    error: null,
    identityChange: null,
    ...overrides,
  }
}
