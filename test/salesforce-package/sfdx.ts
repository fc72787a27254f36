/**
 * Offline reading of the SFDX project in salesforce-package/: its metadata XML (fast-xml-parser),
 * its Apex (the @apexdevtools ANTLR parser) and its LWC sources, for the checks Salesforce would
 * otherwise only make at deploy time.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser'
import { XMLParser } from 'fast-xml-parser'

export const PROJECT = join(import.meta.dirname, '..', '..', 'salesforce-package')
export const DEFAULT = join(PROJECT, 'force-app', 'main', 'default')

/** Every file under `dir`, skipping Jest tests and fixtures (they are never deployed). */
export function filesUnder(dir: string, test: (path: string) => boolean = () => true): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) {
      if (name !== '__tests__') out.push(...filesUnder(path, test))
    } else if (test(path)) out.push(path)
  }
  return out.sort()
}

export const rel = (path: string) => relative(PROJECT, path)
export const read = (path: string) => readFileSync(path, 'utf8')

const ALWAYS_LISTS = new Set([
  'labels',
  'customLabels',
  'fieldPermissions',
  'objectPermissions',
  'classAccesses',
  'externalCredentialPrincipalAccesses',
  'externalCredentialParameters',
  'namedCredentialParameters',
  'layoutSections',
  'layoutColumns',
  'layoutItems',
  'relatedLists',
  'fields',
  'value',
  'targetConfig',
  'target',
  'property',
  'tabSettings',
])

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => ALWAYS_LISTS.has(name),
})

// biome-ignore lint/suspicious/noExplicitAny: metadata XML is read structurally and checked by the tests
export type Xml = Record<string, any>

export const parseXml = (path: string): Xml => parser.parse(read(path)) as Xml
export const metadata = (...parts: string[]) => parseXml(join(DEFAULT, ...parts))

/** Custom field API names of an object folder. */
export function customFields(object: string): string[] {
  return readdirSync(join(DEFAULT, 'objects', object, 'fields'))
    .filter((f) => f.endsWith('.field-meta.xml'))
    .map((f) => f.replace('.field-meta.xml', ''))
    .sort()
}

export const field = (object: string, name: string): Xml =>
  metadata('objects', object, 'fields', `${name}.field-meta.xml`).CustomField

export interface ApexSyntaxError {
  line: number
  column: number
  message: string
}

/** Syntax errors of one Apex compilation unit, from the lexer and the parser alike. */
export function apexSyntaxErrors(source: string): ApexSyntaxError[] {
  const errors: ApexSyntaxError[] = []
  class Collect extends ApexErrorListener {
    apexSyntaxError(line: number, column: number, message: string): void {
      errors.push({ line, column, message })
    }
  }
  const { parser: apex } = ApexParserFactory.createLexerAndParser(source, new Collect())
  apex.compilationUnit()
  return errors
}

/** Apex source without comments, for simple structural searches. */
export const apexCode = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '')

/** Names of the `@AuraEnabled` static methods of a class. */
export function auraEnabledMethods(source: string): string[] {
  const names: string[] = []
  const pattern = /@AuraEnabled(?:\([^)]*\))?\s+(?:public|global)\s+static\s+[\w<>, ]+?\s+(\w+)\s*\(/gi
  for (const match of apexCode(source).matchAll(pattern)) names.push(match[1] as string)
  return names
}

export const lwcFiles = () =>
  filesUnder(join(DEFAULT, 'lwc'), (p) => p.endsWith('.js') || p.endsWith('.html'))

/** Names after a prefix in every LWC import (`@salesforce/label/c.` → label names, …). */
export function lwcImports(prefix: string): Map<string, string[]> {
  const found = new Map<string, string[]>()
  const pattern = new RegExp(`from\\s+'${prefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}([^']+)'`, 'g')
  for (const file of lwcFiles().filter((p) => p.endsWith('.js'))) {
    for (const match of read(file).matchAll(pattern)) {
      const name = match[1] as string
      found.set(name, [...(found.get(name) ?? []), rel(file)])
    }
  }
  return found
}
