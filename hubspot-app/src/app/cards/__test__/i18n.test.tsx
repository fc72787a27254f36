import {
  Alert,
  LoadingButton,
  LoadingSpinner,
  StatusTag,
  Text,
  TextArea,
  Toggle,
} from '@hubspot/ui-extensions'
import { messageStatusSchema, SEND_FAILURE_EXPLANATIONS, SEND_REFUSALS } from '@scrm/shared'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { en } from '../i18n/en'
import { createTranslator, LANGUAGES, resolveLanguage } from '../i18n/locale'
import { createOutbound, createRefusal, createThread } from '../test-utils/fixtures'
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

  it('labels a retrying send and says why, in Portuguese, Spanish and Chinese', async () => {
    const cases: [string, string, string][] = [
      ['pt-br', 'Tentando de novo', 'Ainda não enviada: o WhatsApp não respondeu a tempo'],
      ['es-mx', 'Reintentando', 'Aún no enviado: WhatsApp no respondió a tiempo'],
      ['zh-cn', '重试中', '尚未发送：WhatsApp 未及时响应'],
      ['en-us', 'Retrying', 'Not sent yet: WhatsApp did not answer in time'],
    ]
    const retrying = createOutbound({
      id: 'm-retry',
      status: 'retrying',
      error: { code: null, title: null, details: null, reason: 'timeout', explanation: 'No answer in time.' },
    })
    for (const [locale, label, reason] of cases) {
      mockBackend({ 'GET /api/v1/thread': jsonResponse(200, createThread({ messages: [retrying] })) })
      const card = renderCard({ locale })
      await card.waitFor(() => expect(card.maybeFindByTestId(StatusTag, 'status-tag-m-retry')).not.toBeNull())
      expect(card.findByTestId(StatusTag, 'status-tag-m-retry').text, locale).toBe(label)
      expect(card.findByTestId(Text, 'status-reason-m-retry').text, locale).toBe(reason)
    }
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

  it('name every state a message can be in and explain every reason WhatsApp gives none for, in every language', () => {
    const noWhatsAppAnswer = [
      'connection_refused',
      'dns_failure',
      'network_unreachable',
      'tls_failure',
      'access_token_invalid',
      'timeout',
      'connection_lost',
      'network_error',
      'unreadable_answer',
      'server_error',
    ]
    const cardReasons = Object.keys(en)
      .filter((k) => k.startsWith('failure.'))
      .map((k) => k.slice('failure.'.length))
    // Every reason the card translates is one the backend gives, and none is missing.
    expect(cardReasons.sort()).toEqual([...noWhatsAppAnswer].sort())
    for (const reason of cardReasons) expect(Object.keys(SEND_FAILURE_EXPLANATIONS)).toContain(reason)
    for (const language of Object.keys(LANGUAGES)) {
      const i18n = createTranslator({ locale: language })
      for (const status of messageStatusSchema.options)
        expect(i18n.maybeT(`status.${status}`), `${language} ${status}`).not.toBeNull()
      for (const reason of noWhatsAppAnswer)
        expect(i18n.maybeT(`failure.${reason}`), `${language} ${reason}`).not.toBeNull()
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
