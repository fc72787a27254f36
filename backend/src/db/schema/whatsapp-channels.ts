import { boolean, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, tstz, updatedAt } from './columns'
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
    /**
     * When the Graph API last confirmed that the stored token can read this number (proof of
     * ownership at registration); null for numbers registered without that proof (before it
     * existed, or with WHATSAPP_NUMBER_PROOF=off in development).
     */
    ownershipProvenAt: tstz('ownership_proven_at'),
    /** The business name Meta shows for the number, as the proof read it. */
    verifiedName: text('verified_name'),
    /** Business portfolio the number belongs to: the messaging tier is shared across it. */
    portfolioId: text('portfolio_id'),
    /** Throughput cap in messages/second: 80 by default, 1,000 when upgraded, 20 for coexistence. */
    mps: integer('mps').notNull().default(80),
    /** Unique business-initiated recipients per rolling 24 h; null = unlimited. */
    tierLimit: integer('tier_limit').default(250),
    coexistence: boolean('coexistence').notNull().default(false),
    /** Sending stops until then (spam or policy block, 131048 / 368), with the reason. */
    pausedUntil: tstz('paused_until'),
    pausedReason: text('paused_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('whatsapp_channels_workspace_idx').on(t.workspaceId)],
)

export type WhatsappChannel = typeof whatsappChannels.$inferSelect
