/**
 * The property definitions and groups a fresh HubSpot portal has for the object types we use: the
 * ones the sync reads or writes (contact identity, communication and task fields) plus the system
 * properties every record carries.
 */
import type { ObjectTypeName } from './object-types'
import type { SimProperty, SimPropertyGroup, SimPropertyOption } from './types'

type Seed = Pick<SimProperty, 'name' | 'label' | 'type' | 'fieldType'> &
  Partial<Pick<SimProperty, 'groupName' | 'hasUniqueValue' | 'options' | 'externalOptions'>> & {
    readOnly?: boolean
    /** HubSpot computes the value (rollups, counts): `calculated` and read-only. */
    calculated?: boolean
  }

const options = (values: string[]): SimPropertyOption[] =>
  values.map((value, displayOrder) => ({
    value,
    label: value
      .toLowerCase()
      .split('_')
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(' '),
    displayOrder,
    hidden: false,
  }))

const SYSTEM: Record<ObjectTypeName, Seed[]> = {
  contacts: [
    { name: 'hs_object_id', label: 'Record ID', type: 'number', fieldType: 'number', readOnly: true },
    { name: 'createdate', label: 'Create Date', type: 'datetime', fieldType: 'date' },
    {
      name: 'lastmodifieddate',
      label: 'Last Modified Date',
      type: 'datetime',
      fieldType: 'date',
      readOnly: true,
    },
    {
      name: 'hs_merged_object_ids',
      label: 'Merged Contact IDs',
      type: 'enumeration',
      fieldType: 'checkbox',
      externalOptions: true,
      readOnly: true,
    },
  ],
  communications: [
    { name: 'hs_object_id', label: 'Record ID', type: 'number', fieldType: 'number', readOnly: true },
    { name: 'hs_createdate', label: 'Create Date', type: 'datetime', fieldType: 'date' },
    {
      name: 'hs_lastmodifieddate',
      label: 'Last Modified Date',
      type: 'datetime',
      fieldType: 'date',
      readOnly: true,
    },
  ],
  tasks: [
    { name: 'hs_object_id', label: 'Record ID', type: 'number', fieldType: 'number', readOnly: true },
    { name: 'hs_createdate', label: 'Create Date', type: 'datetime', fieldType: 'date' },
    {
      name: 'hs_lastmodifieddate',
      label: 'Last Modified Date',
      type: 'datetime',
      fieldType: 'date',
      readOnly: true,
    },
  ],
}

const OWNER: Seed = {
  name: 'hubspot_owner_id',
  label: 'Owner',
  type: 'enumeration',
  fieldType: 'select',
  externalOptions: true,
}

const OWN: Record<ObjectTypeName, Seed[]> = {
  contacts: [
    { name: 'email', label: 'Email', type: 'string', fieldType: 'text', hasUniqueValue: true },
    { name: 'firstname', label: 'First Name', type: 'string', fieldType: 'text' },
    { name: 'lastname', label: 'Last Name', type: 'string', fieldType: 'text' },
    { name: 'phone', label: 'Phone Number', type: 'string', fieldType: 'phonenumber' },
    { name: 'mobilephone', label: 'Mobile Phone Number', type: 'string', fieldType: 'phonenumber' },
    {
      name: 'lifecyclestage',
      label: 'Lifecycle Stage',
      type: 'enumeration',
      fieldType: 'radio',
      options: options([
        'subscriber',
        'lead',
        'marketingqualifiedlead',
        'salesqualifiedlead',
        'opportunity',
        'customer',
        'evangelist',
        'other',
      ]),
    },
    {
      name: 'hs_lead_status',
      label: 'Lead Status',
      type: 'enumeration',
      fieldType: 'radio',
      options: options([
        'NEW',
        'OPEN',
        'IN_PROGRESS',
        'OPEN_DEAL',
        'UNQUALIFIED',
        'ATTEMPTED_TO_CONTACT',
        'CONNECTED',
        'BAD_TIMING',
      ]),
    },
    {
      name: 'hs_analytics_source',
      label: 'Original Traffic Source',
      type: 'enumeration',
      fieldType: 'select',
      groupName: 'analyticsinformation',
      options: options([
        'ORGANIC_SEARCH',
        'PAID_SEARCH',
        'EMAIL_MARKETING',
        'SOCIAL_MEDIA',
        'REFERRALS',
        'OTHER_CAMPAIGNS',
        'DIRECT_TRAFFIC',
        'OFFLINE',
        'PAID_SOCIAL',
      ]),
    },
    {
      name: 'num_associated_deals',
      label: 'Number of Associated Deals',
      type: 'number',
      fieldType: 'number',
      groupName: 'contactinformation',
      readOnly: true,
      calculated: true,
    },
    OWNER,
  ],
  communications: [
    {
      name: 'hs_communication_channel_type',
      label: 'Channel type',
      type: 'enumeration',
      fieldType: 'select',
      options: options([
        'SMS',
        'WHATS_APP',
        'LINKEDIN_MESSAGE',
        'PHYSICAL_MAIL',
        'CUSTOM_CHANNEL_CONVERSATION',
      ]),
    },
    {
      name: 'hs_communication_logged_from',
      label: 'Logged from',
      type: 'enumeration',
      fieldType: 'select',
      options: options(['CRM']),
    },
    { name: 'hs_communication_body', label: 'Communication body', type: 'string', fieldType: 'html' },
    { name: 'hs_timestamp', label: 'Activity date', type: 'datetime', fieldType: 'date' },
    OWNER,
  ],
  tasks: [
    { name: 'hs_task_subject', label: 'Task Title', type: 'string', fieldType: 'text' },
    { name: 'hs_task_body', label: 'Notes', type: 'string', fieldType: 'html' },
    {
      name: 'hs_task_status',
      label: 'Task Status',
      type: 'enumeration',
      fieldType: 'select',
      options: options(['NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'COMPLETED', 'DEFERRED']),
    },
    {
      name: 'hs_task_priority',
      label: 'Priority',
      type: 'enumeration',
      fieldType: 'select',
      options: options(['LOW', 'MEDIUM', 'HIGH']),
    },
    {
      name: 'hs_task_type',
      label: 'Task Type',
      type: 'enumeration',
      fieldType: 'select',
      options: options(['TODO', 'CALL', 'EMAIL']),
    },
    { name: 'hs_timestamp', label: 'Due date', type: 'datetime', fieldType: 'date' },
    OWNER,
  ],
}

export const DEFAULT_GROUPS: Record<ObjectTypeName, Array<Pick<SimPropertyGroup, 'name' | 'label'>>> = {
  contacts: [
    { name: 'contactinformation', label: 'Contact information' },
    { name: 'analyticsinformation', label: 'Web analytics history' },
  ],
  communications: [{ name: 'communication', label: 'Communication information' }],
  tasks: [{ name: 'task', label: 'Task information' }],
}

/** Fresh definitions (new objects each call, so portals never share them). */
export function defaultProperties(type: ObjectTypeName, at: string): SimProperty[] {
  const group = DEFAULT_GROUPS[type][0].name
  return [...SYSTEM[type], ...OWN[type]].map((seed, displayOrder) => ({
    name: seed.name,
    label: seed.label,
    type: seed.type,
    fieldType: seed.fieldType,
    groupName: seed.groupName ?? group,
    description: '',
    options: seed.options?.map((o) => ({ ...o })) ?? [],
    displayOrder,
    hasUniqueValue: seed.hasUniqueValue ?? false,
    hidden: false,
    formField: !seed.readOnly,
    calculated: seed.calculated ?? false,
    externalOptions: seed.externalOptions ?? false,
    hubspotDefined: true,
    createdAt: at,
    updatedAt: at,
    archived: false,
    modificationMetadata: {
      archivable: false,
      readOnlyDefinition: true,
      readOnlyValue: seed.readOnly ?? false,
    },
  }))
}

/** `hs_object_id` is the unique id property every object type has. */
export function isUniqueIdProperty(p: SimProperty): boolean {
  return p.hasUniqueValue || p.name === 'hs_object_id'
}
