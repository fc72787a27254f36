import type { SendContent, WidgetTemplate } from '../api/schemas'

interface TemplateComponent {
  type?: unknown
  text?: unknown
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g

/** The BODY component's text, or null when the template carries none. */
export function templateBodyText(template: WidgetTemplate): string | null {
  const body = (template.components as TemplateComponent[]).find(
    (c) => typeof c?.type === 'string' && c.type.toUpperCase() === 'BODY',
  )
  return typeof body?.text === 'string' ? body.text : null
}

/** The body's variables in order: `{{1}}`, `{{2}}` … or named ones; `1..body_params` when the text is missing. */
export function templateVariables(template: WidgetTemplate): string[] {
  const text = templateBodyText(template)
  const names: string[] = []
  for (const match of text?.matchAll(PLACEHOLDER) ?? []) {
    const name = match[1] as string
    if (!names.includes(name)) names.push(name)
  }
  if (names.length === 0 && template.body_params > 0) {
    return Array.from({ length: template.body_params }, (_, i) => String(i + 1))
  }
  const positional = names.every((n) => /^\d+$/.test(n))
  return positional ? names.sort((a, b) => Number(a) - Number(b)) : names
}

/** The body with the values filled in, for the preview; unfilled variables stay visible. */
export function renderTemplate(template: WidgetTemplate, values: Record<string, string>): string | null {
  const text = templateBodyText(template)
  if (text === null) return null
  return text.replace(PLACEHOLDER, (whole, name: string) => values[name] || whole)
}

/** The send content for a template with its body variables (named ones carry `parameter_name`). */
export function templateContent(template: WidgetTemplate, values: Record<string, string>): SendContent {
  const names = templateVariables(template)
  const base = { type: 'template' as const, name: template.name, language: template.language }
  if (names.length === 0) return base
  return {
    ...base,
    components: [
      {
        type: 'body',
        parameters: names.map((name) => ({
          type: 'text' as const,
          text: values[name] ?? '',
          ...(/^\d+$/.test(name) ? {} : { parameter_name: name }),
        })),
      },
    ],
  }
}

/** Only templates Meta approved can be sent. */
export const isSendable = (template: WidgetTemplate): boolean => template.status.toUpperCase() === 'APPROVED'
