/**
 * Message templates: the list `GET /{WABA-ID}/message_templates` pages through, and the checks Meta
 * makes when a template is sent (exists in that language: 132001; approved: 132015 / 132016; as many
 * parameters as the body and text header have placeholders: 132000).
 */
import type { TemplateDef } from './types'

export interface TemplateProblem {
  code: number
  details: string
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

let nextId = 900_000_000_000_000
function withId(t: TemplateDef): TemplateDef {
  if (t.id) return t
  nextId += 1
  return { ...t, id: String(nextId) }
}

export class TemplateStore {
  private templates: TemplateDef[] = []

  constructor(templates: TemplateDef[]) {
    this.replace(templates)
  }

  replace(templates: TemplateDef[]): void {
    this.templates = templates.map(withId)
  }

  forWaba(wabaId: string): TemplateDef[] {
    return this.templates.filter((t) => t.wabaId === undefined || t.wabaId === wabaId)
  }

  find(wabaId: string, name: string, language: string): TemplateDef | undefined {
    return this.forWaba(wabaId).find((t) => t.name === name && t.language === language)
  }

  /** Meta's paging: `limit` (default 25), opaque `after` / `before` cursors; filters name, status, category, language. */
  page(wabaId: string, query: Record<string, string | undefined>, selfUrl: string) {
    const matching = this.forWaba(wabaId).filter(
      (t) =>
        (!query.name || t.name.includes(query.name)) &&
        (!query.status || t.status === query.status.toUpperCase()) &&
        (!query.category || t.category === query.category.toUpperCase()) &&
        (!query.language || t.language === query.language),
    )
    const limit = Math.max(1, Math.min(Number(query.limit) || 25, 1000))
    let start = 0
    if (query.after) start = decodeCursor(query.after) + 1
    else if (query.before) start = Math.max(0, decodeCursor(query.before) - limit)
    const slice = matching.slice(start, start + limit)
    const data = slice.map((t) => ({
      name: t.name,
      parameter_format: 'POSITIONAL',
      components: t.components,
      language: t.language,
      status: t.status,
      category: t.category,
      id: t.id,
    }))
    if (data.length === 0) return { data, paging: { cursors: {} } }
    const last = start + slice.length - 1
    const cursors = { before: encodeCursor(start), after: encodeCursor(last) }
    const hasNext = last < matching.length - 1
    const next = new URL(selfUrl)
    next.searchParams.set('after', cursors.after)
    next.searchParams.delete('before')
    return { data, paging: { cursors, ...(hasNext ? { next: next.toString() } : {}) } }
  }
}

const encodeCursor = (i: number): string => Buffer.from(String(i)).toString('base64url')
const decodeCursor = (c: string): number => Number(Buffer.from(c, 'base64url').toString()) || 0

/** Distinct `{{1}}` / `{{name}}` placeholders in a text. */
export function placeholders(text: unknown): number {
  if (typeof text !== 'string') return 0
  return new Set([...text.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1])).size
}

/** Checks a `template` send against the stored definition; null when Meta would accept it. */
export function checkTemplateSend(
  template: TemplateDef | undefined,
  requested: { name: string; language: string; components?: unknown },
): TemplateProblem | null {
  if (!template || !['APPROVED', 'PAUSED', 'DISABLED'].includes(template.status)) {
    return {
      code: 132001,
      details: `template name (${requested.name}) does not exist in ${requested.language}`,
    }
  }
  if (template.status === 'PAUSED') return { code: 132015, details: `Template ${template.name} is paused.` }
  if (template.status === 'DISABLED')
    return { code: 132016, details: `Template ${template.name} is disabled.` }
  const sent = Array.isArray(requested.components) ? requested.components.filter(isObj) : []
  for (const part of ['header', 'body'] as const) {
    const def = template.components.find((c) => String(c.type).toLowerCase() === part)
    if (part === 'header' && def && String(def.format ?? 'TEXT').toUpperCase() !== 'TEXT') continue
    const expected = placeholders(def?.text)
    const given = sent
      .filter((c) => String(c.type).toLowerCase() === part)
      .reduce((n, c) => n + (Array.isArray(c.parameters) ? c.parameters.length : 0), 0)
    if (given !== expected) {
      return {
        code: 132000,
        details: `${part}: number of localizable_params (${given}) does not match the expected number of params (${expected})`,
      }
    }
  }
  return null
}
