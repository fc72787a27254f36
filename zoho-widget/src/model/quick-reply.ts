import type { WidgetContact } from '../api/schemas'

const VARIABLE = /\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}/gi

/** The distinct `{{variables}}` of a quick reply body, in order of first use. */
export function variablesOf(body: string): string[] {
  const names: string[] = []
  for (const match of body.matchAll(VARIABLE)) {
    const name = match[1] as string
    if (!names.includes(name)) names.push(name)
  }
  return names
}

/** What the backend fills from the contact itself (same rules as backend `contactVariables`). */
export function contactVariables(contact: Pick<WidgetContact, 'name' | 'profile_name' | 'phone'>) {
  const vars: Record<string, string> = {}
  const name = contact.name ?? contact.profile_name
  if (name) {
    vars.name = name
    vars.first_name = name.trim().split(/\s+/)[0] as string
  }
  if (contact.phone) vars.phone = contact.phone
  return vars
}

export interface QuickReplyPreview {
  text: string
  missing: string[]
}

/**
 * The reply as the customer will read it: values typed by the rep win, then the contact's, then
 * the reply's defaults. A variable with none of them stays as `{{name}}` and is listed as missing.
 */
export function renderQuickReply(
  body: string,
  typed: Record<string, string>,
  contactVars: Record<string, string>,
  defaults: Record<string, string>,
): QuickReplyPreview {
  const missing: string[] = []
  const text = body.replace(VARIABLE, (whole, name: string) => {
    const value = [typed[name], contactVars[name], defaults[name]].find((v) => v !== undefined && v !== '')
    if (value === undefined) {
      if (!missing.includes(name)) missing.push(name)
      return whole
    }
    return value
  })
  return { text, missing }
}
