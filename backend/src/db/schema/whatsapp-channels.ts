import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, updatedAt } from './columns'
import { workspaces } from './workspaces'

export const whatsappChannels = pgTable(
  'whatsapp_channels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** Meta's id of the sending number; webhooks are routed on it, so it is unique platform-wide. */
    phoneNumberId: text('phone_number_id').notNull().unique(),
    wabaId: text('waba_id'),
    displayPhoneNumber: text('display_phone_number').notNull(),
    /** ISO 3166 region used to read numbers written without a country code. */
    defaultRegion: text('default_region').notNull(),
    /** AES-256-GCM sealed Cloud API token (see lib/crypto.ts). */
    accessTokenEnc: text('access_token_enc'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('whatsapp_channels_workspace_idx').on(t.workspaceId)],
)

export type WhatsappChannel = typeof whatsappChannels.$inferSelect
