import { describe, expect, it } from 'vitest'
import { splitClauses } from '../../backend/src/intelligence/clauses'
import { classifyIntent } from '../../backend/src/intelligence/intent'
import { prepare } from '../../backend/src/intelligence/normalize'

const intentOf = (text: string) => classifyIntent(text).intent

describe('reading a message as clauses', () => {
  it('splits at punctuation, line breaks, emoji and contrast words, in Han runs too', () => {
    const clauses = (t: string) => splitClauses(prepare(t)).map((c) => c.ruleText.trim())
    expect(clauses('thanks for the help but the lid is cracked')).toEqual([
      'thanks for the help',
      'but the lid is cracked',
    ])
    expect(clauses('oi gente\nqual o preço do kit?')).toEqual(['oi gente', 'qual o preco do kit'])
    expect(clauses('amei 😍 mas veio sem a alça')).toEqual(['amei', 'mas veio sem a alca'])
    expect(clauses('谢谢你们发货快但是盒子压扁了')).toEqual(['谢谢你们发货快', '但是盒子压扁了'])
  })

  it('marks pleasantries as courtesy and what follows a contrast as the point', () => {
    const [first, second] = splitClauses(prepare('muchas gracias por todo, pero la tapa vino rajada'))
    expect(first.courtesy).toBe(true)
    expect(second).toMatchObject({ courtesy: false, afterContrast: true })
  })
})

describe('precedence between clauses (annotation guidelines)', () => {
  it('a reported problem wins over thanks and greetings, in all four languages', () => {
    expect(intentOf('thank you for the fast delivery, but the frame arrived cracked')).toBe('complaint')
    expect(intentOf('obrigado pela rapidez, mas a moldura chegou rachada')).toBe('complaint')
    expect(intentOf('gracias por la rapidez, pero el marco llegó rajado')).toBe('complaint')
    expect(intentOf('多謝你哋咁快送到，不過個相框裂咗')).toBe('complaint')
  })

  it('a reported problem wins over the price and product words it is told with', () => {
    expect(intentOf('you charged me 45 but the shelf price was 30')).toBe('complaint')
    expect(intentOf('pedi a camisa azul tamanho P e chegou a verde G')).toBe('complaint')
    expect(intentOf('我订的是白色S码，寄来的是灰色L码')).toBe('complaint')
  })

  it('a stated request for a named person wins over order words', () => {
    expect(intentOf('is maria working today? she has my order details')).toBe('human_request')
    expect(intentOf('a bruna está hoje? ela que viu meu pedido')).toBe('human_request')
  })

  it('a bulk quantity makes a price question a quote, with or without the word wholesale', () => {
    expect(intentOf('how much per unit if i order 120?')).toBe('quote')
    expect(intentOf('cuánto sale cada una si llevo 90?')).toBe('quote')
    expect(intentOf('how much per unit?')).toBe('price_discount')
  })

  it('the customer’s own address in a purchase does not make it a store question', () => {
    expect(intentOf('quero comprar o abajur, manda pra rua das palmeiras 12')).toBe('purchase_intent')
    expect(intentOf('what is your store address?')).toBe('store_location')
  })

  it('greetings and thanks never outrank a request, and stay small talk alone', () => {
    expect(intentOf('hi!! good morning, hope you are all well 😊 do you sell gift cards?')).toBe(
      'product_inquiry',
    )
    expect(intentOf('sí me llegó, gracias')).toBe('other')
    expect(intentOf('thanks a lot, have a nice day')).toBe('other')
  })

  it('keeps secondary intents with their confidence, the primary first', () => {
    const r = classifyIntent('quanto custa o frete? e vocês têm loja física em curitiba?')
    expect(r.intents[0]).toEqual({ value: r.intent, confidence: r.confidence })
    expect(r.intents.map((i) => i.value)).toEqual(['price_discount', 'store_location'])
    for (const s of r.intents) expect(s.confidence).toBeGreaterThanOrEqual(0.1)
    expect(classifyIntent('quanto custa o frete?').intents.map((i) => i.value)).toEqual(['price_discount'])
  })
})
