import { SEND_REFUSALS } from '@scrm/shared'
import { describe, expect, it } from 'vitest'
import { LANGUAGES as CARD_LANGUAGES } from '../../hubspot-app/src/app/cards/i18n/locale'
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

  // A rep who uses both CRMs reads the same sentence for the same thing; only the labels that name
  // the CRM itself differ.
  const NAMES_ITS_CRM = new Set(['card.config.title', 'card.config.body'])

  it.each(Object.entries(LANGUAGES))('%s says what the HubSpot card says', (lang, messages) => {
    const card: Record<string, string> = CARD_LANGUAGES[lang as keyof typeof CARD_LANGUAGES]
    const shared = Object.keys(messages).filter((key) => key in card && !NAMES_ITS_CRM.has(key))
    expect(shared.length).toBeGreaterThan(100)
    for (const key of shared) expect(messages[key as keyof typeof messages], key).toBe(card[key])
  })

  it("has every thread notice the HubSpot card has (the archive's included)", () => {
    const cardThread = Object.keys(CARD_LANGUAGES.en).filter((key) => key.startsWith('thread.'))
    expect(cardThread).toContain('thread.archived')
    for (const key of cardThread) expect(en, key).toHaveProperty([key])
  })

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
