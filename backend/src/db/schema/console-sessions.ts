import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { apiKeys } from './api-keys'
import { createdAt, tstz } from './columns'
import { workspaces } from './workspaces'

/**
 * Signed-in admin console browsers: the cookie holds a random token, the row its hash and the API
 * key it was exchanged for. Revoking that key (cascade) ends every console session it opened.
 * Expired rows stay until the next sign-in prunes them, so a stale cookie is told "expired", not "unknown".
 */
export const consoleSessions = pgTable(
  'console_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** SHA-256 of the cookie's token; the token itself is never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    apiKeyId: uuid('api_key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    expiresAt: tstz('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('console_sessions_expires_idx').on(t.expiresAt)],
)

export type ConsoleSession = typeof consoleSessions.$inferSelect
