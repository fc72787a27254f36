import { jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, tstz } from './columns'
import { workspaces } from './workspaces'

/** One-time `state` values of started installs (CSRF protection), and which workspace asked. */
export const oauthStates = pgTable('oauth_states', {
  state: text('state').primaryKey(),
  provider: text('provider').notNull(),
  workspaceId: uuid('workspace_id').references(() => workspaces.id, { onDelete: 'cascade' }),
  expiresAt: tstz('expires_at').notNull(),
  /** What the installer chose on the install URL that the callback needs (Salesforce: sandbox). */
  options: jsonb('options').$type<Record<string, string>>().notNull().default({}),
  createdAt: createdAt(),
})
