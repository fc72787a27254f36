/**
 * The sObjects an org holds, as `describe` presents them: standard Contact, Lead and Task fields
 * the connector touches, and the fields the WhatsApp package installs (names agreed in
 * /work/briefs/salesforce-fields.md). A test can remove one to play an org whose package is
 * incomplete.
 */

export type SfFieldType =
  | 'id'
  | 'string'
  | 'email'
  | 'phone'
  | 'picklist'
  | 'multipicklist'
  | 'datetime'
  | 'date'
  | 'double'
  | 'boolean'
  | 'reference'
  | 'textarea'
  | 'url'

export interface SfField {
  name: string
  label: string
  type: SfFieldType
  length?: number
  picklistValues?: string[]
  restrictedPicklist?: boolean
  externalId?: boolean
  unique?: boolean
  caseSensitive?: boolean
  referenceTo?: string[]
  /** Set only by Salesforce (system fields). */
  system?: boolean
  /** A formula field: Salesforce computes it (`calculated`, neither createable nor updateable). */
  formula?: string
  /** Required on create (createable and not nillable). */
  required?: boolean
  defaultValue?: string | boolean | null
}

const SEGMENTS = ['new', 'potential', 'high_intent', 'customer', 'at_risk', 'lost']
const PRIORITIES = ['low', 'normal', 'high']
const INTENTS = [
  'order_status',
  'price_discount',
  'product_inquiry',
  'store_location',
  'complaint',
  'quote',
  'human_request',
  'purchase_intent',
  'other',
]
const OPT_IN = ['unknown', 'opted_in', 'opted_out']

const sys = (name: string, type: SfFieldType, extra: Partial<SfField> = {}): SfField => ({
  name,
  label: name,
  type,
  system: true,
  ...extra,
})

const SYSTEM: SfField[] = [
  sys('Id', 'id'),
  sys('IsDeleted', 'boolean'),
  sys('CreatedDate', 'datetime'),
  sys('LastModifiedDate', 'datetime'),
  sys('LastModifiedById', 'reference', { referenceTo: ['User'] }),
  sys('SystemModstamp', 'datetime'),
]

/** The package's person fields, the same on Contact and Lead. */
export const PACKAGE_PERSON_FIELDS: SfField[] = [
  {
    name: 'WA_Phone__c',
    label: 'WhatsApp Phone',
    type: 'string',
    length: 40,
    externalId: true,
    unique: true,
  },
  { name: 'WA_Last_Inbound_At__c', label: 'Last WhatsApp Inbound', type: 'datetime' },
  { name: 'WA_Last_Outbound_At__c', label: 'Last WhatsApp Outbound', type: 'datetime' },
  { name: 'WA_Messages_30d__c', label: 'WhatsApp Messages (30 d)', type: 'double' },
  { name: 'WA_Inquiry_Frequency__c', label: 'WhatsApp Inquiry Frequency', type: 'double' },
  {
    name: 'WA_Tags__c',
    label: 'WhatsApp Tags',
    type: 'multipicklist',
    picklistValues: ['vip', 'follow_up', 'complaint'],
    restrictedPicklist: false,
  },
  {
    name: 'WA_Segment__c',
    label: 'WhatsApp Segment',
    type: 'picklist',
    picklistValues: SEGMENTS,
    restrictedPicklist: true,
  },
  {
    name: 'WA_Priority__c',
    label: 'WhatsApp Priority',
    type: 'picklist',
    picklistValues: PRIORITIES,
    restrictedPicklist: true,
  },
  {
    name: 'WA_Last_Intent__c',
    label: 'WhatsApp Last Intent',
    type: 'picklist',
    picklistValues: INTENTS,
    restrictedPicklist: true,
  },
  { name: 'WA_Sentiment__c', label: 'WhatsApp Sentiment', type: 'double' },
  { name: 'WA_Activity_Score__c', label: 'WhatsApp Activity Score', type: 'double' },
  { name: 'WA_Churn_Risk__c', label: 'WhatsApp Churn Risk', type: 'boolean', defaultValue: false },
  {
    name: 'WA_Opt_In_Status__c',
    label: 'WhatsApp Opt-In',
    type: 'picklist',
    picklistValues: OPT_IN,
    restrictedPicklist: true,
  },
  { name: 'WA_Median_Response_Seconds__c', label: 'WhatsApp Median Response (s)', type: 'double' },
  { name: 'WA_Window_Open_Until__c', label: 'WhatsApp Window Open Until', type: 'datetime' },
  { name: 'WA_Customer_Level__c', label: 'Customer Level', type: 'string', length: 255 },
  { name: 'WA_Erasure_Requested_At__c', label: 'WhatsApp Erasure Requested', type: 'datetime' },
]

const PERSON_STANDARD: SfField[] = [
  { name: 'FirstName', label: 'First Name', type: 'string', length: 40 },
  { name: 'LastName', label: 'Last Name', type: 'string', length: 80, required: true },
  { name: 'Email', label: 'Email', type: 'email', length: 80 },
  { name: 'Phone', label: 'Phone', type: 'phone', length: 40 },
  { name: 'MobilePhone', label: 'Mobile Phone', type: 'phone', length: 40 },
  {
    name: 'LeadSource',
    label: 'Lead Source',
    type: 'picklist',
    picklistValues: ['Web', 'Phone Inquiry', 'Partner Referral', 'Other', 'WhatsApp'],
    restrictedPicklist: false,
  },
  sys('MasterRecordId', 'reference'),
]

export function defaultSchema(): Map<string, SfField[]> {
  return new Map<string, SfField[]>([
    [
      'Contact',
      [
        ...SYSTEM,
        ...PERSON_STANDARD,
        { name: 'AccountId', label: 'Account ID', type: 'reference', referenceTo: ['Account'] },
        // Contact's compound name: read-only, built from FirstName and LastName.
        sys('Name', 'string', { label: 'Full Name', length: 121 }),
        // An admin's own formula field, as orgs have them.
        {
          name: 'Days_Since_WhatsApp__c',
          label: 'Days Since WhatsApp',
          type: 'double',
          formula: 'TODAY() - DATEVALUE(WA_Last_Inbound_At__c)',
        },
        ...PACKAGE_PERSON_FIELDS,
      ],
    ],
    [
      'Lead',
      [
        ...SYSTEM,
        ...PERSON_STANDARD,
        { name: 'Company', label: 'Company', type: 'string', length: 255, required: true },
        {
          name: 'Status',
          label: 'Lead Status',
          type: 'picklist',
          picklistValues: ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted'],
          restrictedPicklist: true,
          defaultValue: 'Open - Not Contacted',
        },
        sys('IsConverted', 'boolean'),
        sys('ConvertedContactId', 'reference', { referenceTo: ['Contact'] }),
        sys('ConvertedDate', 'date'),
        ...PACKAGE_PERSON_FIELDS,
      ],
    ],
    [
      'Task',
      [
        ...SYSTEM,
        { name: 'WhoId', label: 'Name ID', type: 'reference', referenceTo: ['Contact', 'Lead'] },
        { name: 'Subject', label: 'Subject', type: 'string', length: 255 },
        { name: 'Description', label: 'Description', type: 'textarea', length: 32000 },
        { name: 'ActivityDate', label: 'Due Date Only', type: 'date' },
        {
          name: 'Status',
          label: 'Status',
          type: 'picklist',
          picklistValues: ['Not Started', 'In Progress', 'Completed'],
          restrictedPicklist: true,
          defaultValue: 'Not Started',
        },
        {
          name: 'Priority',
          label: 'Priority',
          type: 'picklist',
          picklistValues: ['High', 'Normal', 'Low'],
          restrictedPicklist: true,
          defaultValue: 'Normal',
        },
        { name: 'WA_Task_Key__c', label: 'WhatsApp Task Key', type: 'string', length: 255 },
      ],
    ],
    [
      'WA_Message__c',
      [
        ...SYSTEM,
        sys('Name', 'string'),
        {
          name: 'WA_Message_Key__c',
          label: 'Message Key',
          type: 'string',
          length: 255,
          externalId: true,
          unique: true,
          caseSensitive: true,
        },
        { name: 'WA_Contact__c', label: 'Contact', type: 'reference', referenceTo: ['Contact'] },
        { name: 'WA_Lead__c', label: 'Lead', type: 'reference', referenceTo: ['Lead'] },
        {
          name: 'WA_Direction__c',
          label: 'Direction',
          type: 'picklist',
          picklistValues: ['inbound', 'outbound'],
          restrictedPicklist: true,
        },
        { name: 'WA_Body__c', label: 'Body', type: 'textarea', length: 32768 },
        { name: 'WA_Sent_At__c', label: 'Sent At', type: 'datetime' },
        { name: 'WA_Media_URL__c', label: 'Media URL', type: 'url', length: 255 },
        {
          name: 'WA_Status__c',
          label: 'Status',
          type: 'picklist',
          picklistValues: ['received', 'sent', 'delivered', 'read', 'failed'],
          restrictedPicklist: true,
        },
      ],
    ],
  ])
}

/** A field as `GET /sobjects/{type}/describe` lists it (the attributes the connector reads, and a few more). */
export function describeField(f: SfField) {
  return {
    name: f.name,
    label: f.label,
    type: f.type,
    length: f.length ?? 0,
    externalId: f.externalId ?? false,
    unique: f.unique ?? false,
    caseSensitive: f.caseSensitive ?? false,
    createable: !f.system && !f.formula,
    updateable: !f.system && !f.formula,
    calculated: Boolean(f.formula),
    calculatedFormula: f.formula ?? null,
    nillable: !f.required && f.type !== 'boolean' && !f.system,
    custom: f.name.endsWith('__c'),
    referenceTo: f.referenceTo ?? [],
    restrictedPicklist: f.restrictedPicklist ?? false,
    defaultValue: f.defaultValue ?? null,
    picklistValues: (f.picklistValues ?? []).map((value) => ({
      active: true,
      defaultValue: f.defaultValue === value,
      label: value,
      validFor: null,
      value,
    })),
  }
}
