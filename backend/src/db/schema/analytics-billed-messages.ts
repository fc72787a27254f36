import { pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { whatsappChannels } from './whatsapp-channels'

/** The messages already counted in `analytics_billable`, so a repeated pricing object counts once. */
export const analyticsBilledMessages = pgTable(
  'analytics_billed_messages',
  {
    channelId: uuid('channel_id')
      .notNull()
      .references(() => whatsappChannels.id, { onDelete: 'cascade' }),
    wamid: text('wamid').notNull(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.wamid] })],
)
