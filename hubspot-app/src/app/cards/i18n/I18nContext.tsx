import { createContext, type ReactNode, useContext } from 'react'
import { createTranslator, type Translator } from './locale'

const I18nContext = createContext<Translator>(createTranslator({}))

export function I18nProvider({ translator, children }: { translator: Translator; children: ReactNode }) {
  return <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>
}

/** The labels and date formatting for the viewing user's language. */
export const useI18n = (): Translator => useContext(I18nContext)
