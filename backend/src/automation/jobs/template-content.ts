import type { SendContent } from '@scrm/shared'
import { and, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { type Contact, messageTemplates, workspaces } from '../../db/schema'
import { personalise, requireComplete } from '../../outbound/personalise'
import { contactLanguage } from '../../outbound/personalise/contact-language'
import { localeOf } from '../../outbound/personalise/locale-settings'
import { SendRefused } from '../../outbound/refusal'

export interface TemplateChoice {
  template: string
  /** Meta's language code (`pt_BR`); without it, the template's language closest to the contact's. */
  language?: string
  parameters: string[]
}

/**
 * The template send for an action, its body parameters personalised for the contact exactly like
 * a quick reply ({{first_name}}, {{last_purchase}}, {{nearest_store}} ..., values given with the
 * action such as {{discount_code}}, then the workspace defaults). A parameter whose variable has
 * no value refuses the send rather than sending "{{x}}".
 */
export async function templateContent(
  db: Executor,
  contact: Contact,
  choice: TemplateChoice,
  now: Date,
  given: Record<string, string> = {},
): Promise<SendContent> {
  const parameters: { type: string; text: string }[] = []
  for (const body of choice.parameters) {
    const rendered = requireComplete(
      await personalise(db, { workspaceId: contact.workspaceId, contact, body, given, now }),
    )
    parameters.push({ type: 'text', text: rendered.text })
  }
  return {
    type: 'template',
    name: choice.template,
    language: choice.language ?? (await closestLanguage(db, contact, choice.template)),
    components: parameters.length ? [{ type: 'body', parameters }] : [],
  }
}

/** Of the workspace's approved translations of a template, the one for the contact's language. */
async function closestLanguage(db: Executor, contact: Contact, name: string): Promise<string> {
  const rows = await db
    .select({ language: messageTemplates.language })
    .from(messageTemplates)
    .where(
      and(
        eq(messageTemplates.workspaceId, contact.workspaceId),
        eq(messageTemplates.name, name),
        eq(messageTemplates.status, 'APPROVED'),
      ),
    )
  if (rows.length === 0) {
    throw new SendRefused('unknown_template', `There is no approved template "${name}" in this workspace.`)
  }
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, contact.workspaceId))
  const locale = localeOf(workspace?.settings ?? {})
  const wanted = await contactLanguage(db, contact.workspaceId, contact, locale.default_language)
  const base = (code: string) => code.toLowerCase().split(/[_-]/)[0]
  const pick =
    rows.find((r) => base(r.language) === wanted) ??
    rows.find((r) => base(r.language) === locale.default_language) ??
    rows.find((r) => base(r.language) === 'en') ??
    rows[0]
  return (pick as { language: string }).language
}
