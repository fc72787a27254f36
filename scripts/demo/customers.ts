/**
 * The demo's people: customers writing in the four languages the product serves (en, pt, es, zh),
 * to the number of their country, and what an agent answers them. Phones are fictional.
 */

export interface DemoNumber {
  key: 'us' | 'br'
  phoneNumberId: string
  displayPhoneNumber: string
  wabaId: string
  region: string
  verifiedName: string
}

export const NUMBERS: DemoNumber[] = [
  {
    key: 'us',
    phoneNumberId: '106540352242922',
    displayPhoneNumber: '15550783881',
    wabaId: '102290129340398',
    region: 'US',
    verifiedName: 'Demo Store',
  },
  {
    key: 'br',
    phoneNumberId: '209876543210987',
    displayPhoneNumber: '5511940000000',
    wabaId: '102290129340398',
    region: 'BR',
    verifiedName: 'Loja Demo',
  },
]

export interface DemoCustomer {
  waId: string
  name: string
  language: 'en' | 'pt' | 'es' | 'zh'
  /** Which of NUMBERS they write to. */
  number: DemoNumber['key']
  /** What they write, in order. */
  writes: string[]
  /** What an agent answers after their messages (through POST /api/v1/messages). */
  agentAnswer?: string
  tags: { key: string; label: string }[]
  segment?: 'new' | 'potential' | 'high_intent' | 'customer' | 'at_risk' | 'lost'
}

export const CUSTOMERS: DemoCustomer[] = [
  {
    waId: '14155550101',
    name: 'Emily Carter',
    language: 'en',
    number: 'us',
    writes: ['Hi! Do you have the trail running shoes in size 8?', 'And how much is shipping to Austin?'],
    agentAnswer: 'Hi Emily! Yes, size 8 is in stock. Shipping to Austin is free over $50.',
    tags: [{ key: 'vip', label: 'VIP' }],
    segment: 'customer',
  },
  {
    waId: '14155550102',
    name: 'James Miller',
    language: 'en',
    number: 'us',
    writes: ['My order 1042 arrived damaged. This is really disappointing.'],
    agentAnswer: 'Sorry to hear that, James. We are sending a replacement today.',
    tags: [{ key: 'needs_follow_up', label: 'Needs follow-up' }],
  },
  {
    waId: '5511987650101',
    name: 'Ana Souza',
    language: 'pt',
    number: 'br',
    writes: ['Oi! O pedido 1042 já saiu?', 'Vocês têm loja em Campinas?'],
    agentAnswer: 'Oi Ana! Seu pedido saiu hoje e chega amanhã. Temos loja no centro de Campinas.',
    tags: [{ key: 'repeat_buyer', label: 'Repeat buyer' }],
    segment: 'high_intent',
  },
  {
    waId: '5511987650102',
    name: 'Bruno Lima',
    language: 'pt',
    number: 'br',
    writes: ['Quero fazer um orçamento para 20 camisetas personalizadas.'],
    tags: [
      { key: 'wholesale', label: 'Wholesale' },
      { key: 'vip', label: 'VIP' },
    ],
    segment: 'potential',
  },
  {
    waId: '525512345601',
    name: 'Lucía Fernández',
    language: 'es',
    number: 'us',
    writes: ['Hola, ¿cuánto cuesta el envío a Guadalajara?', '¿Tienen descuento para estudiantes?'],
    agentAnswer: 'Hola Lucía, el envío a Guadalajara cuesta 99 MXN. Sí, 10 % con credencial.',
    tags: [{ key: 'student', label: 'Student' }],
  },
  {
    waId: '5491155550102',
    name: 'Mateo González',
    language: 'es',
    number: 'us',
    writes: ['Buenas tardes, quiero devolver un producto. ¿Cómo hago?'],
    tags: [{ key: 'vip', label: 'VIP' }],
    segment: 'at_risk',
  },
  {
    waId: '8613800138001',
    name: '王芳',
    language: 'zh',
    number: 'us',
    writes: ['你好，请问这款背包还有黑色的吗？', '运费多少钱？'],
    agentAnswer: '您好！黑色有货，满300元包邮。',
    tags: [{ key: 'repeat_buyer', label: 'Repeat buyer' }],
    segment: 'customer',
  },
  {
    waId: '85291234567',
    name: '陈伟',
    language: 'zh',
    number: 'us',
    writes: ['我想批量订购，可以给报价吗？'],
    tags: [
      { key: 'wholesale', label: 'Wholesale' },
      { key: 'vip', label: 'VIP' },
    ],
  },
]

/**
 * The broadcast's audience. Its members got no agent answer: an agent's message pauses automated
 * sends to that person for 12 h (the sending policy), and a broadcast is one. Emily is a +1
 * number, so the broadcast also shows a refusal (marketing templates to US numbers).
 */
export const BROADCAST_TAG = 'vip'

/** What the welcome text suggests trying first: a customer no agent answered, so automation replies. */
export const FIRST_TRY = { waId: '5511987650102', text: 'Qual o frete para Campinas?' }
