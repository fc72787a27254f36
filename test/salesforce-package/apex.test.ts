import { existsSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  apexCode,
  apexSyntaxErrors,
  auraEnabledMethods,
  customFields,
  DEFAULT,
  filesUnder,
  lwcImports,
  parseXml,
  read,
} from './sfdx'

const CLASSES = join(DEFAULT, 'classes')
const classFiles = filesUnder(CLASSES, (p) => p.endsWith('.cls'))
const className = (path: string) => basename(path, '.cls')
const source = (name: string) => read(join(CLASSES, `${name}.cls`))
const isTest = (name: string) => /^\s*@IsTest/im.test(source(name))
const productionClasses = classFiles.map(className).filter((name) => !isTest(name))

/** Standard fields the Apex may read without the package creating them. */
const STANDARD_FIELDS: Record<string, string[]> = {
  Contact: ['Id', 'LastName', 'FirstName', 'Name', 'MobilePhone', 'Phone', 'Email'],
  Lead: ['Id', 'LastName', 'FirstName', 'Name', 'Company', 'MobilePhone', 'Phone', 'Email'],
}

describe('Apex parsed offline', () => {
  it('finds the controller, its callout class and their tests', () => {
    expect(classFiles.map(className)).toEqual([
      'WaBackend',
      'WaBackendMock',
      'WaBackendTest',
      'WaThreadController',
      'WaThreadControllerTest',
    ])
  })

  it.each(classFiles.map((f) => [className(f), f]))('%s has no syntax error', (_name, file) => {
    expect(apexSyntaxErrors(read(file))).toEqual([])
  })

  it('would report a syntax error (the check can fail)', () => {
    const errors = apexSyntaxErrors('public class Broken { void f() { Integer i = ; } }')
    expect(errors).toHaveLength(1)
    expect(errors[0]?.line).toBe(1)
  })

  it.each(classFiles.map((f) => [className(f), f]))('%s has its meta file at API 66.0', (_name, file) => {
    const metaPath = `${file}-meta.xml`
    expect(existsSync(metaPath)).toBe(true)
    const meta = parseXml(metaPath).ApexClass
    expect(meta.apiVersion).toBe('66.0')
    expect(meta.status).toBe('Active')
  })

  it('runs the controller with sharing, reads records WITH USER_MODE and makes no cacheable callout', () => {
    const code = apexCode(source('WaThreadController'))
    expect(code).toMatch(/public with sharing class WaThreadController/)
    const queries = [...code.matchAll(/\[\s*SELECT[\s\S]*?\]/gi)].map((m) => m[0])
    expect(queries.length).toBeGreaterThanOrEqual(2)
    for (const query of queries) expect(query).toMatch(/WITH USER_MODE/i)
    expect(code).not.toMatch(/cacheable\s*=\s*true/i)
    expect(apexCode(source('WaBackend'))).toMatch(/public with sharing class WaBackend/)
  })

  it('reads only fields that exist on the object it queries', () => {
    for (const name of productionClasses) {
      for (const match of apexCode(source(name)).matchAll(/\[\s*SELECT\s+([\s\S]*?)\s+FROM\s+(\w+)/gi)) {
        const object = match[2] as string
        const known = [
          ...(STANDARD_FIELDS[object] ?? ['Id']),
          ...(existsSync(join(DEFAULT, 'objects', object)) ? customFields(object) : []),
        ]
        for (const field of (match[1] as string).split(',').map((f) => f.trim())) {
          expect(known, `${name}: ${object}.${field}`).toContain(field)
        }
      }
    }
  })

  it('calls out only through the packaged named credential', () => {
    const backend = apexCode(source('WaBackend'))
    const credential = backend.match(/NAMED_CREDENTIAL\s*=\s*'(\w+)'/)?.[1]
    expect(credential).toBe('WhatsApp_Backend')
    expect(existsSync(join(DEFAULT, 'namedCredentials', `${credential}.namedCredential-meta.xml`))).toBe(true)
    expect(backend).toMatch(/'callout:'\s*\+\s*NAMED_CREDENTIAL/)
    for (const name of productionClasses) {
      const code = apexCode(source(name))
      expect(code, name).not.toMatch(/setEndpoint\(\s*'https?:/i)
      expect(code, name).not.toMatch(/X-Scrm-Org-Key/i)
    }
  })

  it('exposes every Apex method the components import as @AuraEnabled', () => {
    const imports = lwcImports('@salesforce/apex/')
    expect(imports.size).toBeGreaterThanOrEqual(8)
    for (const [target, users] of imports) {
      const [cls, method] = target.split('.') as [string, string]
      expect(existsSync(join(CLASSES, `${cls}.cls`)), `${target} used by ${users.join(', ')}`).toBe(true)
      expect(auraEnabledMethods(source(cls)), `${target} used by ${users.join(', ')}`).toContain(method)
    }
  })

  it('tests every production class with a callout mock', () => {
    const tests = classFiles.map(className).filter(isTest)
    for (const name of productionClasses) {
      expect(
        tests.some((test) => new RegExp(`\\b${name}\\.`).test(source(test))),
        name,
      ).toBe(true)
    }
    expect(source('WaBackendMock')).toMatch(/implements HttpCalloutMock/)
    expect(source('WaBackendMock')).toMatch(/Test\.setMock\(HttpCalloutMock\.class/)
  })
})
