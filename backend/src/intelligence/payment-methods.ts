import { prepare } from './normalize'

/** How a customer says they will pay, for the funnel by payment method. */
export const PAYMENT_METHODS = [
  'cash_on_delivery',
  'card',
  'pix',
  'boleto',
  'bank_transfer',
  'wallet',
] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

/**
 * Phrases per method in the four languages, written as `prepare` normalises text (lower case,
 * accents folded, single spaces). Latin phrases match whole words; Chinese ones anywhere, since
 * Chinese is written without spaces. Cash on delivery comes first: "pagar na entrega com cartão"
 * is a cash-on-delivery question (the courier takes the card). Left out on purpose: "cod" (also
 * "cód." = code), a bare "crédito" (store credit), "TED" (a name as often as a transfer).
 */
const PHRASES: [PaymentMethod, string[]][] = [
  [
    'cash_on_delivery',
    [
      'cash on delivery',
      'pay on delivery',
      'pay when it arrives',
      'pagamento na entrega',
      'pagar na entrega',
      'pago na entrega',
      'pagar quando chegar',
      'contra entrega',
      'contraentrega',
      'contra reembolso',
      'pago al recibir',
      'pagar al recibir',
      '货到付款',
      '到付',
    ],
  ],
  ['pix', ['pix']],
  ['boleto', ['boleto', 'boleto bancario']],
  [
    'card',
    [
      'card',
      'credit card',
      'debit card',
      'visa',
      'mastercard',
      'cartao',
      'cartao de credito',
      'cartao de debito',
      'parcelado',
      'parcelar',
      'tarjeta',
      'tarjeta de credito',
      'meses sin intereses',
      '信用卡',
      '刷卡',
      '银行卡',
    ],
  ],
  [
    'bank_transfer',
    [
      'bank transfer',
      'wire transfer',
      'transferencia',
      'transferencia bancaria',
      'deposito bancario',
      '转账',
      '银行转账',
    ],
  ],
  [
    'wallet',
    [
      'paypal',
      'mercado pago',
      'apple pay',
      'google pay',
      'alipay',
      'wechat pay',
      'picpay',
      'yape',
      'nequi',
      '支付宝',
      '微信支付',
    ],
  ],
]

const HAN = /\p{Script=Han}/u

/** The payment method a customer message mentions first in the order above, or null. */
export function paymentMethodOf(text: string | null): PaymentMethod | null {
  if (!text) return null
  const words = prepare(text).ruleText
  for (const [method, phrases] of PHRASES)
    for (const phrase of phrases)
      if (HAN.test(phrase) ? words.includes(phrase) : words.includes(` ${phrase} `)) return method
  return null
}
