import { boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, tstz } from './columns'
import { workspaces } from './workspaces'

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** SHA-256 of the key; the key itself is shown once and never stored. */
    keyHash: text('key_hash').notNull().unique(),
    /** First characters, so an admin can tell keys apart. */
    keyPrefix: text('key_prefix').notNull(),
    /** `admin` manages one workspace; `platform` may also see what belongs to no workspace yet. */
    scope: text('scope', { enum: ['admin', 'platform'] })
      .notNull()
      .default('admin'),
    /** The platform key seeded from ADMIN_API_KEY: a start with another configured key revokes it. */
    fromConfig: boolean('from_config').notNull().default(false),
    createdAt: createdAt(),
    /** Written at most once a minute per key, so authenticating stays a read. */
    lastUsedAt: tstz('last_used_at'),
    revokedAt: tstz('revoked_at'),
  },
  (t) => [index('api_keys_workspace_idx').on(t.workspaceId)],
)

export type ApiKey = typeof apiKeys.$inferSelect
