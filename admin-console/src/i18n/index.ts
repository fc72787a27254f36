import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import { en, type MessageKey } from './en'
import { es } from './es'
import { pt } from './pt'
import { zh } from './zh'

export const LOCALES = { en, pt, es, zh } as const
export type Locale = keyof typeof LOCALES
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  pt: 'Português',
  es: 'Español',
  zh: '中文',
}

const STORAGE_KEY = 'scrm.console.locale'

/** The saved choice, else the browser's first language we speak, else English. */
export function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY)
  if (saved && saved in LOCALES) return saved as Locale
  for (const lang of navigator.languages ?? [navigator.language]) {
    const base = lang.toLowerCase().split('-')[0]
    if (base && base in LOCALES) return base as Locale
  }
  return 'en'
}

export function saveLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale)
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

/** Fills {name} placeholders; values are plain text (the UI renders them as text nodes, never markup). */
export function translator(locale: Locale): Translate {
  const table = LOCALES[locale]
  return (key, params) =>
    table[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    )
}

export const I18n = createContext<{ locale: Locale; t: Translate }>({ locale: 'en', t: translator('en') })

export const useI18n = () => useContext(I18n)
export type { MessageKey }
