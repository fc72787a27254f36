import { eq } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { type Contact, workspaces } from '../../db/schema'
import { contactLanguage } from './contact-language'
import type { Language } from './languages'
import { localeOf } from './locale-settings'
import { contactPlace, nearestStore } from './nearest-store'
import { type RenderedText, renderText, variablesIn } from './render'
import { listStores } from './stores'
import { type ContactFacts, resolveVariable, STORE_VARIABLES } from './variables'

/**
 * The contact a text is written for: a stored contact, a number not yet stored (`id` null: a
 * preview for a phone that never wrote), or null for a preview without one (defaults only).
 */
export type PersonalisedContact = ContactFacts & { id: string | null; language: Contact['language'] }

export interface PersonaliseInput {
  workspaceId: string
  contact: PersonalisedContact | null
  body: string
  given?: Record<string, string>
  /** The quick reply's defaults. */
  defaults?: Record<string, string>
  now?: Date
}

export interface PersonalisedText extends RenderedText {
  /** The language the contact is written to in (relative dates use it). */
  language: Language
}

/**
 * Fills a body's variables for one contact under the workspace's locale settings. Reads only what
 * the body needs: the stores only when it uses a store variable.
 */
export async function personalise(db: Executor, input: PersonaliseInput): Promise<PersonalisedText> {
  const [workspace] = await db
    .select({ settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, input.workspaceId))
  const locale = localeOf(workspace?.settings ?? {})
  const language = await contactLanguage(db, input.workspaceId, input.contact, locale.default_language)
  const names = variablesIn(input.body)
  const needsStore = names.some((n) => STORE_VARIABLES.has(n) && !input.given?.[n]?.trim())
  const store = needsStore ? await contactStore(db, input.workspaceId, input.contact) : null
  const sources = {
    given: input.given ?? {},
    contact: input.contact,
    store,
    replyDefaults: input.defaults ?? {},
    workspaceDefaults: {
      ...locale.default_variables,
      ...locale.default_variables_by_language[language],
    },
    language,
    timeZone: locale.time_zone,
    now: input.now ?? new Date(),
  }
  return { ...renderText(input.body, (name) => resolveVariable(name, sources)), language }
}

async function contactStore(db: Executor, workspaceId: string, contact: PersonalisedContact | null) {
  const all = await listStores(db, workspaceId)
  const place = contactPlace(contact?.attributes ?? {}, contact?.phoneE164 ?? null)
  return nearestStore(all, place)?.store ?? null
}
