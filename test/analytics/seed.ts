import type { ChannelRoute } from '../../backend/src/channels/channel-route'
import type { Executor } from '../../backend/src/db/client'
import { contacts, messageStatusEvents, messages } from '../../backend/src/db/schema'

export interface SeedMessage {
  contact: number
  direction: 'inbound' | 'outbound'
  sender: 'customer' | 'agent' | 'business_app' | 'automation' | 'api'
  at: Date
  agentId?: string | null
  intent?: string | null
  type?: string
  visible?: boolean
}

/** Contacts of one channel, written straight to the table (the rollups do not care who wrote). */
let phones = 0

export async function seedContacts(db: Executor, channel: ChannelRoute, n: number): Promise<string[]> {
  const first = phones
  phones += n
  const rows = await db
    .insert(contacts)
    .values(
      Array.from({ length: n }, (_, i) => ({
        workspaceId: channel.workspaceId,
        waId: `55119${String(first + i).padStart(8, '0')}`,
        phoneE164: `+55119${String(first + i).padStart(8, '0')}`,
      })),
    )
    .returning({ id: contacts.id })
  return rows.map((r) => r.id)
}

let wamids = 0

/** Messages in the order given (arrival order), as ingest and the sender write them. */
export async function seedMessages(
  db: Executor,
  channel: ChannelRoute,
  contactIds: string[],
  list: SeedMessage[],
): Promise<void> {
  for (let i = 0; i < list.length; i += 500) {
    await db.insert(messages).values(
      list.slice(i, i + 500).map((m) => {
        wamids += 1
        return {
          workspaceId: channel.workspaceId,
          channelId: channel.id,
          contactId: contactIds[m.contact] as string,
          wamid: `wamid.seed.${process.pid}.${wamids}`,
          direction: m.direction,
          type: m.type ?? 'text',
          text: 'x',
          status: m.direction === 'inbound' ? 'received' : 'sent',
          sender: m.sender,
          agentId: m.agentId ?? null,
          sentAt: m.at,
          intent: m.intent ?? null,
          threadVisible: m.visible ?? true,
        }
      }),
    )
  }
}

/** A status webhook row as ingest stores it, with Meta's pricing object. */
export async function seedStatus(
  db: Executor,
  channel: ChannelRoute,
  wamid: string,
  status: string,
  at: Date,
  pricing: Record<string, unknown> | null,
): Promise<void> {
  await db.insert(messageStatusEvents).values({
    workspaceId: channel.workspaceId,
    channelId: channel.id,
    wamid,
    status,
    occurredAt: at,
    pricing,
  })
}

/** A small deterministic PRNG (mulberry32), so a failing stream can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
