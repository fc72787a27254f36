import { date, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { workspaces } from './workspaces'

/**
 * What customers say about each catalogue product: the keywords of customer messages that name
 * the product (per the catalogue matcher), per workspace and local month, with how many of those
 * messages were complaints or negative. Kept beside `analytics_keywords` by the same counting, and
 * read by the monthly product suggestions report.
 */
export const analyticsProductKeywords = pgTable(
  'analytics_product_keywords',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** First day of the local month. */
    month: date('month').notNull(),
    sku: text('sku').notNull(),
    /** `word`, `phrase`, or `mention` (term '') counting the messages that name the product. */
    kind: text('kind').notNull(),
    term: text('term').notNull(),
    messages: integer('messages').notNull(),
    /** Of those, messages with intent `complaint` or a sentiment below 0.3. */
    negative: integer('negative').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.month, t.sku, t.kind, t.term] })],
)
