/** The languages the product writes to customers in (issue #4: English, Portuguese, Spanish, Chinese). */
export const LANGUAGES = ['en', 'pt', 'es', 'zh'] as const
export type Language = (typeof LANGUAGES)[number]

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/**
 * The CLDR locale each language is written in: Brazilian Portuguese and Simplified Chinese are
 * the variants this product's customers use ("há 3 dias", "3天前").
 */
export const INTL_LOCALE: Record<Language, string> = { en: 'en', pt: 'pt-BR', es: 'es', zh: 'zh-CN' }
