import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEV_URL, EVAL_URL, evaluate, loadFixture, TRAIN_URL } from '../../backend/src/intelligence/evaluate'
import { classifyIntent } from '../../backend/src/intelligence/intent'
import { normalizeText } from '../../backend/src/intelligence/normalize'
import { INTENTS, LANGUAGES } from '../../backend/src/intelligence/types'

const intentOf = (text: string) => classifyIntent(text).intent

describe('classifyIntent per language', () => {
  it.each([
    ['cadê meu pedido? comprei faz uma semana', 'order_status'],
    ['qto custa a blusa vermelha?', 'price_discount'],
    ['tem essa bota no 37?', 'product_inquiry'],
    ['vcs ficam onde? qual o endereço?', 'store_location'],
    ['o produto veio quebrado, quero reembolso', 'complaint'],
    ['preciso de orçamento para 200 canetas com logo', 'quote'],
    ['quero falar com um atendente humano', 'human_request'],
    ['quero comprar dois, manda o link de pagamento', 'purchase_intent'],
    ['bom dia!', 'other'],
  ])('pt %j → %s', (text, intent) => expect(intentOf(text)).toBe(intent))

  it.each([
    ['¿dónde está mi pedido? ya pasó una semana', 'order_status'],
    ['cuánto cuesta la chaqueta?', 'price_discount'],
    ['la tienen en talla M?', 'product_inquiry'],
    ['a qué hora abren mañana?', 'store_location'],
    ['me llegó roto, quiero mi dinero', 'complaint'],
    ['necesito una cotización de 300 tazas', 'quote'],
    ['pásame con un asesor por favor', 'human_request'],
    ['lo quiero, cómo pago?', 'purchase_intent'],
    ['gracias!!', 'other'],
  ])('es %j → %s', (text, intent) => expect(intentOf(text)).toBe(intent))

  it.each([
    ['where is my package? any tracking?', 'order_status'],
    ['how much is the blue hoodie?', 'price_discount'],
    ['does it come in black?', 'product_inquiry'],
    ["what's your store address?", 'store_location'],
    ['it arrived broken, i want a refund', 'complaint'],
    ['can you quote 500 units wholesale?', 'quote'],
    ['let me talk to a real person', 'human_request'],
    ["i'll take it, send me the payment link", 'purchase_intent'],
    ['thanks a lot 👍', 'other'],
  ])('en %j → %s', (text, intent) => expect(intentOf(text)).toBe(intent))

  it.each([
    ['我的快递什么时候到', 'order_status'],
    ['这个多少钱', 'price_discount'],
    ['有黑色的吗？什么材质', 'product_inquiry'],
    ['你们门店地址在哪', 'store_location'],
    ['收到的东西是坏的，我要退款', 'complaint'],
    ['批发500个能报价吗', 'quote'],
    ['转人工', 'human_request'],
    ['我要下单', 'purchase_intent'],
    ['嗯嗯好的，谢啦', 'other'],
  ])('zh %j → %s', (text, intent) => expect(intentOf(text)).toBe(intent))
})

describe('classifyIntent boundaries', () => {
  it('a negated want yields to the stated request', () => {
    expect(intentOf('não quero desconto, quero falar com uma pessoa')).toBe('human_request')
    expect(intentOf('no quiero comprar nada, solo saber el horario de la tienda')).toBe('store_location')
    expect(intentOf("i don't want a discount, just tell me where my order is")).toBe('order_status')
    expect(intentOf('不想买，就问问地址在哪')).toBe('store_location')
  })

  it('a reported problem is a complaint even when it names the order', () => {
    expect(intentOf('meu pedido chegou todo amassado e faltando peça')).toBe('complaint')
    expect(intentOf('my order arrived damaged, this is unacceptable')).toBe('complaint')
  })

  it('a price question about a bulk quantity is a quote', () => {
    expect(intentOf('quanto fica 300 camisetas?')).toBe('quote')
    expect(intentOf('how much for 250 mugs?')).toBe('quote')
    expect(intentOf('quanto custa a camiseta?')).toBe('price_discount')
  })

  it('greetings alone are small talk, greetings before a request are not', () => {
    expect(intentOf('Oi, boa noite!!')).toBe('other')
    expect(intentOf('olá, boa tarde! qual o preço do perfume?')).toBe('price_discount')
    expect(intentOf('👍')).toBe('other')
  })

  it('abstains on short replies with no intent cue: fragments, numbers, names read as other', () => {
    // Before the abstain rule: complaint 1.00, complaint 0.62, human_request 0.66, order_status 0.91.
    for (const text of ['the first one', 'first', 'number', 'my number is 5511999', 'o primeiro', '第一个'])
      expect(classifyIntent(text), text).toMatchObject({ intent: 'other' })
    // A short message with a cue, or a short question the model reads as a product question, does not.
    expect(intentOf('转人工')).toBe('human_request')
    expect(intentOf('能机洗吗')).toBe('product_inquiry')
    expect(intentOf('frete?')).toBe('price_discount')
  })

  it('returns other with full confidence for an empty message and reports its language', () => {
    expect(classifyIntent('')).toEqual({
      intent: 'other',
      confidence: 1,
      intents: [{ value: 'other', confidence: 1 }],
      language: 'unknown',
    })
    expect(classifyIntent('quanto custa?').language).toBe('pt')
  })

  it('never throws and keeps confidence in 0..1 on arbitrary strings (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.string({ unit: 'grapheme', maxLength: 200 }),
          fc
            .array(fc.constantFrom('quero', 'não', 'desconto', '多少钱', '😡', 'where', '#', '300', '?'), {
              maxLength: 30,
            })
            .map((words) => words.join(' ')),
        ),
        (text) => {
          const r = classifyIntent(text)
          expect(INTENTS).toContain(r.intent)
          expect(r.confidence).toBeGreaterThanOrEqual(0)
          expect(r.confidence).toBeLessThanOrEqual(1)
          expect([...LANGUAGES, 'unknown']).toContain(r.language)
        },
      ),
      { numRuns: 1500 },
    )
  })
})

describe('evaluation set', () => {
  const evalSet = loadFixture(EVAL_URL)

  it('is balanced: at least 11 messages in every intent × language cell', () => {
    for (const intent of INTENTS)
      for (const language of LANGUAGES)
        expect(
          evalSet.filter((m) => m.intent === intent && m.language === language).length,
          `${intent}/${language}`,
        ).toBeGreaterThanOrEqual(11)
    expect(evalSet.length).toBeGreaterThanOrEqual(400)
  })

  it('shares no message with the training or development sets, nor with the lexicons', () => {
    const seen = new Set(
      [...loadFixture(TRAIN_URL), ...loadFixture(DEV_URL)].map((m) => normalizeText(m.text)),
    )
    const leaked = evalSet.filter((m) => seen.has(normalizeText(m.text))).map((m) => m.text)
    expect(leaked).toEqual([])
    const lexicons = normalizeText(
      ['intent-lexicon.ts', 'sentiment-lexicon.ts', 'language-lexicon.ts']
        .map((f) => readFileSync(new URL(`../../backend/src/intelligence/${f}`, import.meta.url), 'utf8'))
        .join('\n'),
    )
    const inLexicon = evalSet
      .map((m) =>
        normalizeText(m.text)
          .replace(/[^\p{L}\p{N} ]/gu, '')
          .trim(),
      )
      .filter((t) => t.split(' ').length >= 3 || /\p{Script=Han}{4,}/u.test(t))
      .filter((t) => lexicons.includes(t))
    expect(inLexicon).toEqual([])
  })

  it('meets the targets: overall ≥ 0.95, every language ≥ 0.90, complaint recall ≥ 0.95, ECE ≤ 0.05', () => {
    const report = evaluate(evalSet)
    expect(report.accuracy).toBeGreaterThanOrEqual(0.95)
    expect(report.min_language_accuracy).toBeGreaterThanOrEqual(0.9)
    expect(report.complaintRecall).toBeGreaterThanOrEqual(0.95)
    expect(report.ece).toBeLessThanOrEqual(0.05)
    expect(report.min_intent_accuracy).toBeGreaterThanOrEqual(0.85)
  })

  it('holds the hard cases in all four languages, Hong Kong and Taiwan writing included', () => {
    const report = evaluate(evalSet)
    const cases = Object.keys(report.byCase).sort()
    expect(cases).toEqual([
      'address_in_purchase',
      'bulk_quantity',
      'code_switching',
      'greeting_then_question',
      'named_person',
      'out_of_domain',
      'thanks_then_problem',
      'wrong_charge',
      'wrong_item',
    ])
    for (const name of cases) {
      const tagged = evalSet.filter((m) => m.case === name)
      expect(new Set(tagged.map((m) => m.language)).size, name).toBe(4)
    }
    expect(report.byVariety['zh-HK']?.total).toBeGreaterThanOrEqual(8)
    expect(report.byVariety['zh-TW']?.total).toBeGreaterThanOrEqual(8)
  })

  it('keeps out-of-domain replies away from intent automations: ≥ 0.9 name no intent at or above the threshold', () => {
    const { outOfDomain } = evaluate(evalSet)
    expect(outOfDomain.messages).toBeGreaterThanOrEqual(60)
    expect(outOfDomain.noAutomation / outOfDomain.messages).toBeGreaterThanOrEqual(0.9)
  })

  it('classifies a message in well under a millisecond (median)', () => {
    for (const m of evalSet) classifyIntent(m.text) // warm up
    const times = evalSet.map((m) => {
      const t0 = performance.now()
      classifyIntent(m.text)
      return performance.now() - t0
    })
    times.sort((a, b) => a - b)
    // The budget is 0.3 ms; CI machines are slower and noisier than a laptop, hence the margin.
    expect(times[Math.floor(times.length / 2)]).toBeLessThan(1)
  })
})
