import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { customFields, DEFAULT, field, filesUnder, metadata, PROJECT, parseXml, read, rel } from './sfdx'

const METADATA_NS = 'http://soap.sforce.com/2006/04/metadata'
const xmlFiles = filesUnder(join(PROJECT, 'force-app'), (p) => p.endsWith('.xml'))

/** The fields agreed with the backend (briefs/salesforce-fields.md): name → type. */
const PERSON_FIELDS: Record<string, string> = {
  WA_Phone__c: 'Text',
  WA_Last_Inbound_At__c: 'DateTime',
  WA_Last_Outbound_At__c: 'DateTime',
  WA_Messages_30d__c: 'Number',
  WA_Inquiry_Frequency__c: 'Number',
  WA_Tags__c: 'MultiselectPicklist',
  WA_Segment__c: 'Picklist',
  WA_Priority__c: 'Picklist',
  WA_Last_Intent__c: 'Picklist',
  WA_Sentiment__c: 'Number',
  WA_Activity_Score__c: 'Number',
  WA_Churn_Risk__c: 'Checkbox',
  WA_Opt_In_Status__c: 'Picklist',
  WA_Median_Response_Seconds__c: 'Number',
  WA_Window_Open_Until__c: 'DateTime',
  WA_Customer_Level__c: 'Text',
  WA_Erasure_Requested_At__c: 'DateTime',
}
const MESSAGE_FIELDS: Record<string, string> = {
  WA_Message_Key__c: 'Text',
  WA_Contact__c: 'Lookup',
  WA_Lead__c: 'Lookup',
  WA_Direction__c: 'Picklist',
  WA_Body__c: 'LongTextArea',
  WA_Sent_At__c: 'DateTime',
  WA_Media_URL__c: 'Url',
  WA_Status__c: 'Picklist',
}
const picklistValues = (f: ReturnType<typeof field>) =>
  (f.valueSet.valueSetDefinition.value as { fullName: string }[]).map((v) => v.fullName)

describe('metadata XML', () => {
  it.each(xmlFiles.map((f) => [rel(f), f]))('%s is well-formed Salesforce metadata', (_name, file) => {
    const text = readFileSync(file, 'utf8')
    expect(XMLValidator.validate(text)).toBe(true)
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true)
    expect(text).toContain(`xmlns="${METADATA_NS}"`)
  })

  it('would reject broken XML (the check can fail)', () => {
    expect(XMLValidator.validate('<CustomField><label>x</CustomField>')).not.toBe(true)
  })

  it('targets API 66.0 everywhere', () => {
    const project = JSON.parse(read(join(PROJECT, 'sfdx-project.json')))
    expect(project.sourceApiVersion).toBe('66.0')
    expect(project.packageDirectories.map((d: { path: string }) => d.path)).toEqual(['force-app'])
    for (const file of xmlFiles) {
      const version = read(file).match(/<apiVersion>([^<]+)<\/apiVersion>/)?.[1]
      if (version) expect(version, rel(file)).toBe('66.0')
    }
  })

  it('keeps Jest inside force-app and the CLI away from tests', () => {
    // Read as text: loading sfdx-lwc-jest's config needs the SFDX project as working directory.
    const config = read(join(PROJECT, 'jest.config.js'))
    expect(config).toMatch(/^\s+roots: \['<rootDir>\/force-app'\],$/m)
    expect(config).toContain("'/__tests__/data/'")
    expect(read(join(PROJECT, '.forceignore'))).toMatch(/^\*\*\/__tests__\/\*\*$/m)
  })
})

describe('reportable fields', () => {
  it.each(['Contact', 'Lead'])('%s has every WhatsApp field with its agreed type', (object) => {
    expect(customFields(object)).toEqual(Object.keys(PERSON_FIELDS).sort())
    for (const [name, type] of Object.entries(PERSON_FIELDS)) {
      const f = field(object, name)
      expect(f.fullName, `${object}.${name}`).toBe(name)
      expect(f.type, `${object}.${name}`).toBe(type)
      expect(f.label, `${object}.${name}`).toBeTruthy()
    }
    const phone = field(object, 'WA_Phone__c')
    expect([phone.externalId, phone.unique, phone.caseSensitive]).toEqual(['true', 'true', 'false'])
    expect(field(object, 'WA_Tags__c').valueSet.restricted).toBeUndefined()
    expect(field(object, 'WA_Segment__c').valueSet.restricted).toBe('true')
    expect(picklistValues(field(object, 'WA_Segment__c'))).toEqual([
      'new',
      'potential',
      'high_intent',
      'customer',
      'at_risk',
      'lost',
    ])
    expect(picklistValues(field(object, 'WA_Last_Intent__c'))).toContain('purchase_intent')
    expect(picklistValues(field(object, 'WA_Opt_In_Status__c'))).toEqual(['unknown', 'opted_in', 'opted_out'])
    expect([field(object, 'WA_Sentiment__c').precision, field(object, 'WA_Sentiment__c').scale]).toEqual([
      '3',
      '2',
    ])
  })

  it('has WA_Message__c keyed by our message key with lookups to Contact and Lead', () => {
    const object = metadata('objects', 'WA_Message__c', 'WA_Message__c.object-meta.xml').CustomObject
    expect(object.label).toBe('WhatsApp Message')
    expect(object.enableReports).toBe('true')
    expect(object.nameField.type).toBe('AutoNumber')
    expect(customFields('WA_Message__c')).toEqual(Object.keys(MESSAGE_FIELDS).sort())
    for (const [name, type] of Object.entries(MESSAGE_FIELDS))
      expect(field('WA_Message__c', name).type).toBe(type)
    const key = field('WA_Message__c', 'WA_Message_Key__c')
    expect([key.externalId, key.unique, key.caseSensitive]).toEqual(['true', 'true', 'true'])
    for (const [name, target] of [
      ['WA_Contact__c', 'Contact'],
      ['WA_Lead__c', 'Lead'],
    ]) {
      const lookup = field('WA_Message__c', name as string)
      expect(lookup.referenceTo).toBe(target)
      expect(lookup.deleteConstraint).toBe('SetNull')
      expect(lookup.relationshipName).toBe('WA_Messages')
    }
    expect(picklistValues(field('WA_Message__c', 'WA_Status__c'))).toEqual([
      'received',
      'sent',
      'delivered',
      'read',
      'failed',
    ])
    expect(existsSync(join(DEFAULT, 'tabs', 'WA_Message__c.tab-meta.xml'))).toBe(true)
    const columns = metadata('objects', 'WA_Message__c', 'listViews', 'All.listView-meta.xml').ListView
      .columns
    for (const column of columns.filter((c: string) => c.endsWith('__c')))
      expect(customFields('WA_Message__c')).toContain(column)
  })

  it('has the task key on activities', () => {
    expect(field('Activity', 'WA_Task_Key__c').type).toBe('Text')
  })
})

describe('layouts', () => {
  const STANDARD: Record<string, string[]> = {
    Contact: ['Name', 'AccountId', 'Title', 'OwnerId', 'Email', 'MobilePhone', 'Phone'],
    Lead: ['Name', 'Company', 'Title', 'LeadSource', 'Status', 'Email', 'MobilePhone', 'Phone', 'OwnerId'],
    WA_Message__c: ['Name', 'CreatedById', 'LastModifiedById'],
  }
  const LAYOUTS: [string, string, string | null][] = [
    ['Contact', 'Contact-WhatsApp Contact Layout', 'WA_Message__c.WA_Contact__c'],
    ['Lead', 'Lead-WhatsApp Lead Layout', 'WA_Message__c.WA_Lead__c'],
    ['WA_Message__c', 'WA_Message__c-WhatsApp Message Layout', null],
  ]

  it.each(LAYOUTS)(
    '%s layout shows only existing fields and the messages related list',
    (object, name, related) => {
      const layout = metadata('layouts', `${name}.layout-meta.xml`).Layout
      const items = layout.layoutSections.flatMap(
        (s: { layoutColumns?: { layoutItems?: { field: string }[] }[] }) =>
          (s.layoutColumns ?? []).flatMap((c) => (c.layoutItems ?? []).map((i) => i.field)),
      )
      const known = [...(STANDARD[object] ?? []), ...customFields(object)]
      for (const item of items) expect(known, `${name}: ${item}`).toContain(item)
      if (object !== 'WA_Message__c') {
        for (const f of customFields(object)) expect(items, `${name} shows ${f}`).toContain(f)
      }
      if (related) {
        const list = layout.relatedLists.find((r: { relatedList: string }) => r.relatedList === related)
        expect(list, `${name} related list`).toBeTruthy()
        const [, lookup] = related.split('.') as [string, string]
        expect(field('WA_Message__c', lookup).referenceTo).toBe(object)
        for (const column of list.fields.filter((c: string) => c.endsWith('__c'))) {
          expect(customFields('WA_Message__c')).toContain(column)
        }
      }
    },
  )
})

describe('credentials and permission sets', () => {
  const ec = metadata(
    'externalCredentials',
    'WhatsApp_Backend_Key.externalCredential-meta.xml',
  ).ExternalCredential
  const nc = metadata('namedCredentials', 'WhatsApp_Backend.namedCredential-meta.xml').NamedCredential

  it('sends the org key from the external credential as X-Scrm-Org-Key', () => {
    expect(ec.authenticationProtocol).toBe('Custom')
    const header = ec.externalCredentialParameters.find(
      (p: { parameterType: string }) => p.parameterType === 'AuthHeader',
    )
    expect(header.parameterName).toBe('X-Scrm-Org-Key')
    expect(header.parameterValue).toBe('{!$Credential.WhatsApp_Backend_Key.OrgKey}')
    const principal = ec.externalCredentialParameters.find(
      (p: { parameterType: string }) => p.parameterType === 'NamedPrincipal',
    )
    expect(principal.parameterName).toBe('OrgKey')
  })

  it('points the named credential at the external credential over https', () => {
    const params = nc.namedCredentialParameters as {
      parameterType: string
      parameterValue?: string
      externalCredential?: string
    }[]
    expect(params.find((p) => p.parameterType === 'Authentication')?.externalCredential).toBe(
      'WhatsApp_Backend_Key',
    )
    expect(params.find((p) => p.parameterType === 'Url')?.parameterValue).toMatch(/^https:\/\//)
    expect(nc.namedCredentialType).toBe('SecuredEndpoint')
    expect(nc.generateAuthorizationHeader).toBe('false')
  })

  const SETS = [
    ['WhatsApp_CRM_User', false],
    ['WhatsApp_CRM_Admin', true],
  ] as const

  it.each(SETS)('%s grants the fields, the object, the controller and the key', (name, admin) => {
    const set = metadata('permissionsets', `${name}.permissionset-meta.xml`).PermissionSet
    const granted = new Map<string, { readable: string; editable: string }>(
      set.fieldPermissions.map((p: { field: string; readable: string; editable: string }) => [p.field, p]),
    )
    const expected = [
      ...customFields('Contact').map((f) => `Contact.${f}`),
      ...customFields('Lead').map((f) => `Lead.${f}`),
      ...customFields('WA_Message__c').map((f) => `WA_Message__c.${f}`),
      ...(admin ? customFields('Activity').map((f) => `Task.${f}`) : []),
    ]
    for (const f of expected) {
      expect(granted.get(f)?.readable, `${name} reads ${f}`).toBe('true')
      expect(granted.get(f)?.editable, `${name} edits ${f}`).toBe(admin ? 'true' : 'false')
    }
    for (const f of granted.keys()) expect(expected, `${name} grants unknown ${f}`).toContain(f)

    const message = set.objectPermissions.find((p: { object: string }) => p.object === 'WA_Message__c')
    expect(message.allowRead).toBe('true')
    expect([message.allowCreate, message.allowEdit, message.allowDelete]).toEqual(
      admin ? ['true', 'true', 'true'] : ['false', 'false', 'false'],
    )
    expect(set.classAccesses).toEqual([{ apexClass: 'WaThreadController', enabled: 'true' }])
    expect(existsSync(join(DEFAULT, 'classes', 'WaThreadController.cls'))).toBe(true)

    const principal = ec.externalCredentialParameters.find(
      (p: { parameterType: string }) => p.parameterType === 'NamedPrincipal',
    )
    expect(set.externalCredentialPrincipalAccesses).toEqual([
      { enabled: 'true', externalCredentialPrincipal: `WhatsApp_Backend_Key-${principal.parameterName}` },
    ])
    for (const tab of set.tabSettings ?? [])
      expect(existsSync(join(DEFAULT, 'tabs', `${tab.tab}.tab-meta.xml`))).toBe(true)
  })

  it('has exactly the two permission sets', () => {
    expect(filesUnder(join(DEFAULT, 'permissionsets')).map((f) => parseXml(f).PermissionSet.label)).toEqual([
      'WhatsApp CRM Admin',
      'WhatsApp CRM User',
    ])
  })
})
