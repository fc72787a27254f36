/**
 * The CRM object types the simulator knows, with the names HubSpot accepts for each in URLs
 * (`contacts`, `contact`, `0-1`), their system properties and the scopes a token needs.
 */

export type ObjectTypeName = 'contacts' | 'communications' | 'tasks'

export interface ObjectTypeDef {
  name: ObjectTypeName
  /** Singular, as in `communication_to_contact` and error messages. */
  singular: string
  /** HubSpot's object type id (`0-1` for contacts). */
  typeId: string
  label: string
  createdProperty: string
  modifiedProperty: string
  /** Properties a read without `properties=` returns. */
  defaultProperties: string[]
  /** Properties a create must carry. */
  requiredOnCreate: string[]
  readScopes: string[]
  writeScopes: string[]
}

const CONTACT_READ = ['crm.objects.contacts.read']
const CONTACT_WRITE = ['crm.objects.contacts.write']

export const OBJECT_TYPES: Record<ObjectTypeName, ObjectTypeDef> = {
  contacts: {
    name: 'contacts',
    singular: 'contact',
    typeId: '0-1',
    label: 'Contact',
    createdProperty: 'createdate',
    modifiedProperty: 'lastmodifieddate',
    defaultProperties: ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'],
    requiredOnCreate: [],
    readScopes: CONTACT_READ,
    writeScopes: CONTACT_WRITE,
  },
  communications: {
    name: 'communications',
    singular: 'communication',
    typeId: '0-18',
    label: 'Communication',
    createdProperty: 'hs_createdate',
    modifiedProperty: 'hs_lastmodifieddate',
    defaultProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
    requiredOnCreate: ['hs_communication_channel_type', 'hs_communication_logged_from'],
    readScopes: CONTACT_READ,
    writeScopes: CONTACT_WRITE,
  },
  tasks: {
    name: 'tasks',
    singular: 'task',
    typeId: '0-27',
    label: 'Task',
    createdProperty: 'hs_createdate',
    modifiedProperty: 'hs_lastmodifieddate',
    defaultProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
    requiredOnCreate: ['hs_timestamp'],
    readScopes: CONTACT_READ,
    writeScopes: CONTACT_WRITE,
  },
}

const ALIASES = new Map<string, ObjectTypeDef>()
for (const def of Object.values(OBJECT_TYPES)) {
  for (const alias of [def.name, def.singular, def.typeId]) ALIASES.set(alias, def)
}

/** `contacts`, `contact`, `CONTACTS` and `0-1` all name the contact type, as in HubSpot's URLs. */
export function resolveObjectType(name: string): ObjectTypeDef | undefined {
  return ALIASES.get(name.toLowerCase())
}

/** Scopes that allow editing property definitions and groups. */
export const SCHEMA_READ_SCOPES = ['crm.schemas.contacts.read', 'crm.objects.contacts.read']
export const SCHEMA_WRITE_SCOPES = ['crm.schemas.contacts.write']

/** Names a read returns: the asked-for ones (or the type's defaults) plus the system properties. */
export function readNames(def: ObjectTypeDef, requested: string[] | undefined): string[] {
  const system = ['hs_object_id', def.createdProperty, def.modifiedProperty]
  return [...new Set([...(requested?.length ? requested : def.defaultProperties), ...system])]
}
