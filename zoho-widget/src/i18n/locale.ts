import { en, type MessageKey, type Messages } from './en'
import { es } from './es'
import { pt } from './pt'
import { zh } from './zh'

export const LANGUAGES = { en, pt, es, zh } as const satisfies Record<string, Messages>
export type Language = keyof typeof LANGUAGES

/** `pt-br` → `pt`, `zh-tw` → `zh`, anything unknown or missing → `en`. */
export function resolveLanguage(...candidates: (string | null | undefined)[]): Language {
  for (const candidate of candidates) {
    const base = candidate?.toLowerCase().split(/[-_]/)[0]
    if (base && base in LANGUAGES) return base as Language
  }
  return 'en'
}

export type Params = Record<string, string | number>

/** Fills `{name}` placeholders of one of our own labels (never of customer text). */
export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}

export interface Translator {
  language: Language
  /** BCP 47 tag for Intl: the user's own locale when it is in the chosen language. */
  intlLocale: string
  timeZone: string | undefined
  t: (key: MessageKey, params?: Params) => string
  /** A label for a key built at run time (a status, a reason); null when there is none. */
  maybeT: (key: string, params?: Params) => string | null
  formatDateTime: (iso: string) => string
}

export function createTranslator(options: {
  locale?: string | null
  language?: string | null
  timeZone?: string | null
}): Translator {
  const language = resolveLanguage(options.locale, options.language)
  const messages: Messages = LANGUAGES[language]
  const intlLocale =
    resolveLanguage(options.locale) === language && options.locale ? options.locale : language
  const timeZone = options.timeZone ?? undefined
  const maybeT = (key: string, params?: Params) =>
    key in messages ? interpolate(messages[key as MessageKey], params) : null
  return {
    language,
    intlLocale,
    timeZone,
    t: (key, params) => interpolate(messages[key], params),
    maybeT,
    formatDateTime: (iso) => formatDateTime(iso, intlLocale, timeZone),
  }
}

function formatDateTime(iso: string, locale: string, timeZone: string | undefined): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(date)
  } catch {
    // An unknown locale tag or time zone: fall back rather than fail the whole card.
    return new Intl.DateTimeFormat('en', options).format(date)
  }
}
