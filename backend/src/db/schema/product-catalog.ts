import { jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, updatedAt } from './columns'
import { workspaces } from './workspaces'

/** A workspace's products: the standard code and the ways customers write its name. */
export const productCatalog = pgTable(
  'product_catalog',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('product_catalog_sku_uq').on(t.workspaceId, t.sku)],
)

export type CatalogProduct = typeof productCatalog.$inferSelect
