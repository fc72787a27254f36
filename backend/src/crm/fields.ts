import { intentSchema } from '@scrm/shared'
import { PRIORITIES, SEGMENTS } from '../db/schema'

/**
 * The contact fields the product keeps in a CRM, whatever the CRM. Connectors map each to one of
 * their properties (created by us, or an admin's existing one); `both` fields also flow back.
 */

export type CrmFieldType = 'string' | 'number' | 'datetime' | 'enumeration' | 'multi_enumeration' | 'bool'

export interface CrmFieldSpec {
  key: string
  label: string
  description: string
  type: CrmFieldType
  /** Allowed values; `tags` = the workspace's tag keys, kept in sync as tags are created. */
  options?: readonly string[] | 'tags'
  direction: 'push' | 'both'
  /** The upsert key: unique in the CRM, written on every create. */
  unique?: boolean
  /** Written only when we create the record (lead source). */
  onCreateOnly?: boolean
}

export const OPT_IN_VALUES = ['unknown', 'opted_in', 'opted_out'] as const

export const CRM_FIELDS: readonly CrmFieldSpec[] = [
  {
    key: 'wa_phone',
    label: 'WhatsApp phone (E.164)',
    description: 'The WhatsApp number in E.164; unique, used to match records.',
    type: 'string',
    direction: 'push',
    unique: true,
  },
  {
    key: 'first_name',
    label: 'First name',
    description: 'First name.',
    type: 'string',
    direction: 'both',
  },
  {
    key: 'last_name',
    label: 'Last name',
    description: 'Last name.',
    type: 'string',
    direction: 'both',
  },
  {
    key: 'email',
    label: 'Email',
    description: 'Email address.',
    type: 'string',
    direction: 'both',
  },
  {
    key: 'last_inbound_at',
    label: 'Last WhatsApp message from contact',
    description: 'When the contact last wrote on WhatsApp.',
    type: 'datetime',
    direction: 'push',
  },
  {
    key: 'last_outbound_at',
    label: 'Last WhatsApp message to contact',
    description: 'When we last wrote to the contact on WhatsApp.',
    type: 'datetime',
    direction: 'push',
  },
  {
    key: 'messages_30d',
    label: 'WhatsApp messages (30 days)',
    description: 'Messages both ways in the last 30 days.',
    type: 'number',
    direction: 'push',
  },
  {
    key: 'inquiry_frequency',
    label: 'WhatsApp inquiry frequency (per week)',
    description: 'Conversations per week over the last 30 days.',
    type: 'number',
    direction: 'push',
  },
  {
    key: 'tags',
    label: 'WhatsApp tags',
    description: 'Tags set on the WhatsApp conversation, by rules or people.',
    type: 'multi_enumeration',
    options: 'tags',
    direction: 'both',
  },
  {
    key: 'segment',
    label: 'WhatsApp segment',
    description: 'Where the contact is in the funnel, from the conversation.',
    type: 'enumeration',
    options: SEGMENTS,
    direction: 'both',
  },
  {
    key: 'priority',
    label: 'WhatsApp priority',
    description: 'How urgently the contact needs a person.',
    type: 'enumeration',
    options: PRIORITIES,
    direction: 'both',
  },
  {
    key: 'last_intent',
    label: 'WhatsApp last intent',
    description: 'What the latest message asked for.',
    type: 'enumeration',
    options: intentSchema.options,
    direction: 'push',
  },
  {
    key: 'sentiment',
    label: 'WhatsApp sentiment (0-1)',
    description: '0 negative, 0.5 neutral, 1 positive; moving average of the contact messages.',
    type: 'number',
    direction: 'push',
  },
  {
    key: 'activity_score',
    label: 'WhatsApp activity score',
    description: '0-100 from how recently and how often the contact writes.',
    type: 'number',
    direction: 'push',
  },
  {
    key: 'churn_risk',
    label: 'WhatsApp churn risk',
    description: 'Interaction rate dropped and the mood is negative.',
    type: 'bool',
    direction: 'push',
  },
  {
    key: 'opt_in_status',
    label: 'WhatsApp opt-in status',
    description: 'Whether the contact agreed to receive WhatsApp messages.',
    type: 'enumeration',
    options: OPT_IN_VALUES,
    direction: 'both',
  },
  {
    key: 'median_response_seconds',
    label: 'WhatsApp median response time (s)',
    description: 'Median seconds until a customer message got an answer, last 30 days.',
    type: 'number',
    direction: 'push',
  },
  {
    key: 'window_open_until',
    label: 'WhatsApp 24 h window open until',
    description: 'Until when free-text replies are allowed.',
    type: 'datetime',
    direction: 'push',
  },
  {
    key: 'customer_level',
    label: 'Customer level',
    description: 'Customer level; empty CRM values get the configured default.',
    type: 'string',
    direction: 'both',
  },
  {
    key: 'lead_source',
    label: 'Lead source',
    description: 'Set to WhatsApp when the record is created from a WhatsApp conversation.',
    type: 'string',
    direction: 'push',
    onCreateOnly: true,
  },
]

export const CRM_FIELD_KEYS = CRM_FIELDS.map((f) => f.key)

export function fieldSpec(key: string): CrmFieldSpec | undefined {
  return CRM_FIELDS.find((f) => f.key === key)
}
