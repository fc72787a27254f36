import { SEND_REFUSALS } from '@scrm/shared'
import { describe, expect, it } from 'vitest'
import { en } from '../src/i18n/en'
import { createTranslator, LANGUAGES, resolveLanguage } from '../src/i18n/locale'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('labels', () => {
  it.each(Object.entries(LANGUAGES))(
    '%s has every label, with the same placeholders as English',
    (_lang, messages) => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort())
      for (const [key, text] of Object.entries(messages)) {
        expect(text.trim(), key).not.toBe('')
        expect(placeholders(text), key).toEqual(placeholders(en[key as keyof typeof en]))
      }
    },
  )

  it('explains every refusal the backend can give', () => {
    for (const reason of SEND_REFUSALS) expect(en, reason).toHaveProperty(`refusal.${reason}`)
  })

  it("picks the language from Zoho's locale forms", () => {
    expect(resolveLanguage('zh-CN')).toBe('zh')
    expect(resolveLanguage('pt-BR')).toBe('pt')
    expect(resolveLanguage('es_MX')).toBe('es')
    expect(resolveLanguage('de-DE', null)).toBe('en')
    expect(createTranslator({ locale: 'pt-BR' }).t('composer.send')).toBe('Enviar')
  })
})
