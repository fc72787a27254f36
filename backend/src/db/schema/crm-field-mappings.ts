import { boolean, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, updatedAt } from './columns'
import { crmConnections } from './crm-connections'

/**
 * Which CRM property holds each of our contact fields on one connection. `managed` properties
 * were created by us in the WhatsApp group; the others are the admin's existing properties.
 * `default_value` is written when the CRM's value is empty, so the record still syncs.
 */
export const crmFieldMappings = pgTable(
  'crm_field_mappings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => crmConnections.id, { onDelete: 'cascade' }),
    field: text('field').notNull(),
    property: text('property').notNull(),
    managed: boolean('managed').notNull().default(true),
    enabled: boolean('enabled').notNull().default(true),
    /** The CRM property's type as last read (type, fieldType, options), to validate values before sending. */
    propertySpec: jsonb('property_spec').$type<{ type: string; fieldType?: string; options?: string[] }>(),
    defaultValue: jsonb('default_value').$type<string | number | boolean | null>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('crm_field_mappings_field_uq').on(t.connectionId, t.field),
    uniqueIndex('crm_field_mappings_property_uq').on(t.connectionId, t.property),
  ],
)

export type CrmFieldMapping = typeof crmFieldMappings.$inferSelect
