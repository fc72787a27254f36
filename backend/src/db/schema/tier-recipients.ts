import { pgTable, primaryKey, text } from 'drizzle-orm/pg-core'
import { tstz } from './columns'

/**
 * Unique recipients of business-initiated messages per business portfolio, for the messaging
 * tier (250 / 2,000 / 10,000 / 100,000 per rolling 24 h). `lastAt` renews a recipient's slot.
 */
export const tierRecipients = pgTable(
  'tier_recipients',
  {
    portfolioId: text('portfolio_id').notNull(),
    recipient: text('recipient').notNull(),
    lastAt: tstz('last_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.portfolioId, t.recipient] })],
)
