import { inArray, or } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { whatsappChannels } from '../db/schema'
import type { Envelope } from '../whatsapp/envelope'
import type { ChannelRoute } from './records'

/** The channels a set of envelopes mention, by phone_number_id or by WABA id for account events. */
export async function loadRoutes(db: Executor, envelopes: Envelope[]): Promise<Map<string, ChannelRoute>> {
  const phoneIds = new Set<string>()
  const wabaIds = new Set<string>()
  for (const envelope of envelopes) {
    for (const entry of envelope.entry) {
      wabaIds.add(entry.id)
      for (const change of entry.changes) {
        const meta = change.value.metadata as { phone_number_id?: unknown } | undefined
        if (typeof meta?.phone_number_id === 'string') phoneIds.add(meta.phone_number_id)
      }
    }
  }
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
