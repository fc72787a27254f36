import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, tstz, updatedAt } from './columns'
import { workspaces } from './workspaces'

/**
 * An installed CRM account and the workspace it belongs to. Card calls are trusted for a
 * workspace only through an active connection.
 */
export const crmConnections = pgTable(
  'crm_connections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** A registered `CrmProvider` name (checked by the registry, not by the database). */
    provider: text('provider').notNull(),
    /** The CRM's own id of the account (portal, org ...). */
    accountId: text('account_id').notNull(),
    state: text('state', { enum: ['active', 'disconnected'] })
      .notNull()
      .default('active'),
    /** AES-256-GCM sealed OAuth tokens (lib/crypto.ts). */
    accessTokenEnc: text('access_token_enc'),
    refreshTokenEnc: text('refresh_token_enc'),
    tokenExpiresAt: tstz('token_expires_at'),
    /** Scopes the CRM granted (required plus the optional ones the account allowed). */
    scopes: jsonb('scopes').$type<string[]>().notNull().default([]),
    /** Property group, properties and enumeration options are in place in the CRM. */
    schemaReadyAt: tstz('schema_ready_at'),
    installedAt: tstz('installed_at'),
    disconnectedAt: tstz('disconnected_at'),
    /** Why the connection cannot sync right now (revoked refresh token ...); null when healthy. */
    lastError: text('last_error'),
    lastSyncedAt: tstz('last_synced_at'),
    /** What only the provider reads and writes (Salesforce: instance and login URLs, poll cursors). */
    providerState: jsonb('provider_state').$type<Record<string, unknown>>().notNull().default({}),
    /** The account's API allocation as the CRM last reported it, and whether sync stopped for it. */
    apiUsage: jsonb('api_usage').$type<CrmApiUsage>(),
    /** SHA-256 of the key a CRM card sends (Salesforce Apex: X-Scrm-Org-Key); null = none issued. */
    cardKeyHash: text('card_key_hash'),
    cardKeyCreatedAt: tstz('card_key_created_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('crm_connections_account_uq').on(t.provider, t.accountId),
    index('crm_connections_workspace_idx').on(t.workspaceId),
    uniqueIndex('crm_connections_card_key_uq').on(t.cardKeyHash),
  ],
)

export type CrmConnection = typeof crmConnections.$inferSelect

/** A CRM's request allocation (Salesforce: daily API requests from `Sforce-Limit-Info`). */
export interface CrmApiUsage {
  used: number
  limit: number
  /** When the CRM reported it (ISO). */
  at: string
  /** Set while sync is stopped because usage reached the configured share, or the CRM refused. */
  stoppedAt: string | null
  /** Writes and polls wait until then (ISO); null when running. */
  resumeAt: string | null
  /** Why it stopped, for the connection view. */
  reason: string | null
}
