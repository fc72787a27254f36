import { inArray, or } from 'drizzle-orm'
import type { ChannelRoute } from '../channels/channel-route'
import type { Executor } from '../db/client'
import { whatsappChannels } from '../db/schema'
import { type Envelope, phoneNumberIdsOf } from '../whatsapp/envelope'

/** The channels a set of envelopes mention, by phone_number_id or by WABA id for account events. */
export async function loadRoutes(db: Executor, envelopes: Envelope[]): Promise<Map<string, ChannelRoute>> {
  const phoneIds = new Set(envelopes.flatMap(phoneNumberIdsOf))
  const wabaIds = new Set(envelopes.flatMap((e) => e.entry.map((entry) => entry.id)))
  const routes = new Map<string, ChannelRoute>()
  if (phoneIds.size === 0 && wabaIds.size === 0) return routes
  const rows = await db
    .select({
      id: whatsappChannels.id,
      workspaceId: whatsappChannels.workspaceId,
      phoneNumberId: whatsappChannels.phoneNumberId,
      wabaId: whatsappChannels.wabaId,
      defaultRegion: whatsappChannels.defaultRegion,
    })
    .from(whatsappChannels)
    .where(
      or(
        inArray(whatsappChannels.phoneNumberId, [...phoneIds, '']),
        inArray(whatsappChannels.wabaId, [...wabaIds]),
      ),
    )
  for (const row of rows) routes.set(row.phoneNumberId, row)
  return routes
}
