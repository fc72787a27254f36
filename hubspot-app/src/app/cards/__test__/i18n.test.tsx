import {
  Alert,
  LoadingButton,
  LoadingSpinner,
  StatusTag,
  Text,
  TextArea,
  Toggle,
} from '@hubspot/ui-extensions'
import { SEND_REFUSALS } from '@scrm/shared'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { en } from '../i18n/en'
import { createTranslator, LANGUAGES, resolveLanguage } from '../i18n/locale'
import { createRefusal, createThread } from '../test-utils/fixtures'
import { deferred, jsonResponse, mockBackend } from '../test-utils/hubspot-mock'
import { renderCard } from '../test-utils/render-card'
import { fire } from '../test-utils/trigger'

vi.mock('@hubspot/ui-extensions', async (importOriginal) =>
  (await import('../test-utils/hubspot-mock')).withFetchMock(await importOriginal()),
)

describe('labels follow the user locale', () => {
  beforeEach(() => {
    vi.clearAllMocks()
  })

  it('renders Portuguese for pt-br', async () => {
    mockBackend({
      'GET /api/v1/thread': jsonResponse(200, createThread()),
      'POST /api/v1/messages': jsonResponse(422, createRefusal('opted_out', 'This contact opted out: …')),
    })
    const card = renderCard({ locale: 'pt-br' })
    await card.waitFor(() => expect(card.maybeFindByTestId(Toggle, 'takeover-toggle')).not.toBeNull())
    expect(card.findByTestId(StatusTag, 'window-status').text).toBe(
      'Janela de 24 horas aberta · faltam 5 h 12 min',
    )
    expect(card.findByTestId(Toggle, 'takeover-toggle').props.label).toBe(
      'Atendimento humano (pausa a automação por 12 h)',
    )
    expect(card.findByTestId(StatusTag, 'status-tag-m-out').text).toBe('Lida')
    expect(card.findByTestId(TextArea, 'composer-text').props.label).toBe('Mensagem')

    fire(card.findByTestId(TextArea, 'composer-text'), 'onChange', 'oi')
    card.findByTestId(LoadingButton, 'composer-send').trigger('onClick')
    await card.waitFor(() => expect(card.maybeFindByTestId(Alert, 'send-refused')).not.toBeNull())
    expect(card.findByTestId(Alert, 'send-refused').props.title).toBe('Não enviada')
    expect(card.findByTestId(Text, 'send-refused-reason').text).toMatch(
      /^Este contato pediu para não receber/,
    )
  })

  it('renders Spanish and Chinese, and English for anything else', () => {
    const cases: [string | undefined, string][] = [
      ['es-mx', 'Cargando la conversación de WhatsApp…'],
      ['zh-cn', '正在加载 WhatsApp 对话…'],
      ['fr-fr', 'Loading the WhatsApp conversation…'],
      [undefined, 'Loading the WhatsApp conversation…'],
    ]
    for (const [locale, label] of cases) {
      mockBackend({ 'GET /api/v1/thread': deferred<Response>().promise })
      const card = renderCard({ locale })
      expect(card.findByTestId(LoadingSpinner, 'thread-loading').props.label).toBe(label)
    }
  })
})

describe('dictionaries', () => {
  it('define every English key in every language', () => {
    const keys = Object.keys(en).sort()
    for (const [language, messages] of Object.entries(LANGUAGES)) {
      expect(Object.keys(messages).sort(), language).toEqual(keys)
      for (const [key, value] of Object.entries(messages))
        expect(value.trim(), `${language} ${key}`).not.toBe('')
    }
  })

  it('keep the same {placeholders} as English', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const [language, messages] of Object.entries(LANGUAGES)) {
      for (const [key, value] of Object.entries(en)) {
        expect(placeholders(messages[key as keyof typeof en]), `${language} ${key}`).toEqual(
          placeholders(value),
        )
      }
    }
  })

  it('explain every refusal reason of the shared contract, in every language', () => {
    for (const language of Object.keys(LANGUAGES)) {
      const i18n = createTranslator({ locale: language })
      for (const reason of SEND_REFUSALS)
        expect(i18n.maybeT(`refusal.${reason}`), `${language} ${reason}`).not.toBeNull()
    }
  })

  it('pick the language from locale, then HubSpot display language, then English', () => {
    expect(resolveLanguage('pt-BR')).toBe('pt')
    expect(resolveLanguage('zh_TW')).toBe('zh')
    expect(resolveLanguage(undefined, 'es')).toBe('es')
    expect(resolveLanguage('de-de', null)).toBe('en')
  })

  it('format times in the portal time zone and fall back when the zone is unknown', () => {
    const iso = '2026-11-05T15:04:00.000Z'
    expect(
      createTranslator({ locale: 'en-us', timeZone: 'America/Sao_Paulo' }).formatDateTime(iso),
    ).toContain('12:04')
    expect(createTranslator({ locale: 'en-us', timeZone: 'Not/AZone' }).formatDateTime(iso)).toContain('2026')
  })
})
