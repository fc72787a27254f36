import { jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, updatedAt } from './columns'
import { workspaces } from './workspaces'

/** A workspace's shops, for "nearest store" in quick replies and the store-location rule. */
export const stores = pgTable('stores', {
  id: uuid('id').primaryKey().defaultRandom(),
  workspaceId: uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  address: text('address').notNull(),
  city: text('city'),
  region: text('region'),
  /** ISO 3166 alpha-2. */
  country: text('country'),
  hours: text('hours'),
  mapsUrl: text('maps_url'),
  /** Extra matching keys (neighbourhoods, postcode prefixes) in any language. */
  aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})

export type Store = typeof stores.$inferSelect
