import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './columns'
import { contacts } from './contacts'
import { workspaces } from './workspaces'

/**
 * Each contact's way through the funnel, kept by the `analytics_rollup` trigger on `messages`:
 * first contact, first buying intent (price/discount, product inquiry, quote, purchase intent) and
 * first order evidence (a WhatsApp cart order, or a question about an order's status).
 */
export const analyticsFunnel = pgTable(
  'analytics_funnel',
  {
    contactId: uuid('contact_id')
      .primaryKey()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    firstContactAt: tstz('first_contact_at').notNull(),
    qualifiedAt: tstz('qualified_at'),
    /** The intent that qualified the contact. */
    qualifiedIntent: text('qualified_intent'),
    orderedAt: tstz('ordered_at'),
    /** The first payment method the contact mentioned (`intelligence/payment-methods.ts`), set by ingest. */
    paymentMethod: text('payment_method'),
    /** The click-to-WhatsApp ad (referral `source_id`) of the contact's first message that had one. */
    campaign: text('campaign'),
  },
  (t) => [index('analytics_funnel_first_idx').on(t.workspaceId, t.firstContactAt)],
)
