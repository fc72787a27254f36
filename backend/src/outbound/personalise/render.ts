/** Where a value came from, so a preview can show why a reply reads as it does. */
export type VariableSource = 'given' | 'contact' | 'crm' | 'store' | 'default'

export interface VariableValue {
  value: string
  source: VariableSource
}

export interface RenderedVariable extends VariableValue {
  name: string
}

export interface RenderedText {
  /** The text with every variable that has a value filled in; missing ones stay as written. */
  text: string
  /** Each variable the body uses, once, in order of first use. */
  variables: RenderedVariable[]
  /** Variables nothing filled: a send with any of these is refused. */
  missing: string[]
}

/** `{{first_name}}`, `{{ order_eta }}`, `{{attr.Customer_Level__c}}`. */
const PLACEHOLDER = /\{\{\s*([a-z_][a-z0-9_]*|attr\.[a-z0-9_]+)\s*\}\}/gi

/** The variable names a body uses, once each, in order. */
export function variablesIn(body: string): string[] {
  return [...new Set(Array.from(body.matchAll(PLACEHOLDER), (m) => m[1] as string))]
}

/**
 * Fills the placeholders of `body` in one pass over the text as the admin wrote it: a value is
 * inserted as plain text and never scanned again, so "{{…}}" inside a customer's name or a CRM
 * field stays literally what it is.
 */
export function renderText(body: string, resolve: (name: string) => VariableValue | undefined): RenderedText {
  const found = new Map<string, VariableValue | undefined>()
  for (const name of variablesIn(body)) found.set(name, resolve(name))
  const text = body.replace(PLACEHOLDER, (whole, name: string) => found.get(name)?.value ?? whole)
  const variables: RenderedVariable[] = []
  const missing: string[] = []
  for (const [name, value] of found) {
    if (value) variables.push({ name, ...value })
    else missing.push(name)
  }
  return { text, variables, missing }
}
