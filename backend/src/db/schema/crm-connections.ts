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
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('crm_connections_account_uq').on(t.provider, t.accountId),
    index('crm_connections_workspace_idx').on(t.workspaceId),
  ],
)

export type CrmConnection = typeof crmConnections.$inferSelect
