import { pgTable, text } from 'drizzle-orm/pg-core'
import { tstz } from './columns'

/**
 * Limiter state shared by every backend process: for a key (`number:<channel>`,
 * `pair:<channel>:<recipient>`), the earliest time the next send may start. Reserving a slot is
 * one atomic UPDATE, so several processes obey one budget.
 */
export const rateSlots = pgTable('rate_slots', {
  key: text('key').primaryKey(),
  nextAt: tstz('next_at').notNull(),
})
