import { createHash } from 'node:crypto'
import type { SendContent } from '@scrm/shared'
import { and, eq } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { type Contact, type MessageTemplate, messageTemplates } from '../db/schema'
import { personaliseQuickReply, requireComplete } from './personalise/quick-reply'
import { renderText } from './personalise/render'
import { SendRefused } from './refusal'

/** A send turned into what the Cloud API and the thread need. */
export interface BuiltSend {
  type: string
  /** The Cloud API body without `to` / `recipient`, which the sender adds. */
  request: Record<string, unknown>
  category: 'service' | 'marketing' | 'utility' | 'authentication'
  isTemplate: boolean
  template: MessageTemplate | null
  text: string | null
  payload: Record<string, unknown>
  contentHash: string
}

export async function buildSend(
  db: Executor,
  workspaceId: string,
  contact: Contact,
  content: SendContent,
): Promise<BuiltSend> {
  switch (content.type) {
    case 'text':
      return service(
        'text',
        { text: { body: content.text, preview_url: content.preview_url ?? false } },
        content.text,
      )
    case 'quick_reply':
      return buildQuickReply(db, workspaceId, contact, content.key, content.variables ?? {})
    case 'template':
      return buildTemplate(db, workspaceId, content)
    default: {
      const media: Record<string, unknown> = content.link ? { link: content.link } : { id: content.id }
      if (content.caption && content.type !== 'audio' && content.type !== 'sticker')
        media.caption = content.caption
      if (content.filename && content.type === 'document') media.filename = content.filename
      return service(content.type, { [content.type]: media }, content.caption ?? null)
    }
  }
}

function service(type: string, body: Record<string, unknown>, text: string | null): BuiltSend {
  const request = { messaging_product: 'whatsapp', recipient_type: 'individual', type, ...body }
  const payload = (body[type] as Record<string, unknown>) ?? {}
  return {
    type,
    request,
    category: 'service',
    isTemplate: false,
    template: null,
    text,
    payload,
    contentHash: hashOf(request),
  }
}

async function buildTemplate(
  db: Executor,
  workspaceId: string,
  content: Extract<SendContent, { type: 'template' }>,
): Promise<BuiltSend> {
  const [template] = await db
    .select()
    .from(messageTemplates)
    .where(
      and(
        eq(messageTemplates.workspaceId, workspaceId),
        eq(messageTemplates.name, content.name),
        eq(messageTemplates.language, content.language),
      ),
    )
    .limit(1)
  if (template?.status !== 'APPROVED') {
    throw new SendRefused(
      'unknown_template',
      `Template "${content.name}" (${content.language}) is not an approved template of this workspace; sync templates or register it first.`,
    )
  }
  const components = content.components ?? []
  const bodyParams = components.find((c) => c.type === 'body')?.parameters ?? []
  if (bodyParams.length !== template.bodyParams) {
    throw new SendRefused(
      'template_params_mismatch',
      `Template "${template.name}" expects ${template.bodyParams} body variable(s), got ${bodyParams.length}.`,
    )
  }
  const request = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    type: 'template',
    template: {
      name: template.name,
      language: { code: template.language },
      ...(components.length ? { components } : {}),
    },
  }
  return {
    type: 'template',
    request,
    category: template.category,
    isTemplate: true,
    template,
    text: renderTemplateBody(template, bodyParams),
    payload: { name: template.name, language: template.language, category: template.category, components },
    contentHash: hashOf(request),
  }
}

/** The body text as the customer will read it, for the thread view. */
function renderTemplateBody(
  template: MessageTemplate,
  params: { type: string; [k: string]: unknown }[],
): string | null {
  const body = (template.components as { type?: string; text?: string }[]).find(
    (c) => c.type?.toUpperCase() === 'BODY',
  )
  if (!body?.text) return null
  return body.text.replace(/\{\{(\d+)\}\}/g, (whole, n: string) => {
    const p = params[Number(n) - 1]
    if (!p) return whole
    if (typeof p.text === 'string') return p.text
    const fallback = (p[p.type] as { fallback_value?: string } | undefined)?.fallback_value
    return fallback ?? whole
  })
}

/**
 * A quick reply personalised for the contact (outbound/personalise): values given with the send
 * win, then the contact's, CRM fields and nearest store, then the reply's and the workspace's
 * defaults. A variable with none of them refuses the send rather than sending "{{x}}".
 */
async function buildQuickReply(
  db: Executor,
  workspaceId: string,
  contact: Contact,
  key: string,
  given: Record<string, string>,
): Promise<BuiltSend> {
  const reply = requireComplete(await personaliseQuickReply(db, { workspaceId, contact, key, given }))
  return {
    ...service('text', { text: { body: reply.text, preview_url: false } }, reply.text),
    payload: { body: reply.text, quick_reply: key, language: reply.language },
  }
}

/**
 * The contact's own variables without the database (name, first_name, phone), for callers that
 * fill text synchronously; `personalise` (outbound/personalise) adds CRM fields, relative dates,
 * stores and workspace defaults.
 */
export function contactVariables(
  contact: Pick<Contact, 'name' | 'profileName' | 'phoneE164'>,
): Record<string, string> {
  const name = contact.name ?? contact.profileName
  const vars: Record<string, string> = {}
  if (name) {
    vars.name = name
    vars.first_name = name.split(/\s+/)[0] as string
  }
  if (contact.phoneE164) vars.phone = contact.phoneE164
  return vars
}

/**
 * Fills {{variables}} from `values`, then `defaults`, in one pass (a value is never expanded
 * again); a variable with neither refuses the send rather than sending "{{x}}".
 */
export function renderQuickReply(
  body: string,
  values: Record<string, string>,
  defaults: Record<string, string>,
): string {
  const pick = (record: Record<string, string>, name: string) => {
    const value = Object.hasOwn(record, name) ? record[name] : undefined
    return typeof value === 'string' && value !== '' ? value : undefined
  }
  const rendered = renderText(body, (name) => {
    const value = pick(values, name) ?? pick(defaults, name)
    return value === undefined ? undefined : { value, source: 'given' }
  })
  return requireComplete(rendered).text
}

export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex')
}
