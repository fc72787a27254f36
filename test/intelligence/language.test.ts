import { describe, expect, it } from 'vitest'
import { detectLanguage } from '../../backend/src/intelligence/language'

describe('detectLanguage', () => {
  it.each([
    'oi',
    'oie, tudo bem?',
    'desconto?',
    'vc tem esse no azul?',
    'obg!!',
    'cadê meu pedido',
    'Não recebi a encomenda ainda',
    'quero falar com atendente',
    'qual o endereço da loja?',
  ])('pt: %j', (text) => expect(detectLanguage(text)).toBe('pt'))

  it.each([
    'hola',
    'buenas',
    'descuento?',
    '¿dónde queda la tienda?',
    'xq no me llega el pedido',
    'gracias!!',
    'quiero hablar con un asesor',
    'cuánto cuesta?',
    'me mandas la ubicación porfa',
  ])('es: %j', (text) => expect(detectLanguage(text)).toBe('es'))

  it.each([
    'hi',
    'hello',
    'thx',
    'where is my order?',
    'how much is shipping',
    'u guys open today?',
    'I want to talk to a human',
    'discount?',
    'the item arrived broken',
  ])('en: %j', (text) => expect(detectLanguage(text)).toBe('en'))

  it.each(['你好', '多少钱？', '我的快递到哪了', '訂單寄出了嗎', 'iphone 15 有货吗', '谢谢👍'])(
    'zh: %j',
    (text) => expect(detectLanguage(text)).toBe('zh'),
  )

  it.each(['', '   ', '👍', '😂😂', '123', '?!', 'ok', 'こんにちは', '안녕하세요', 'привет'])(
    'unknown: %j',
    (text) => expect(detectLanguage(text)).toBe('unknown'),
  )
})
