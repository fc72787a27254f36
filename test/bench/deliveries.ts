import { type NumberRef, singleText } from '../simulators/whatsapp/envelopes'
import { type Delivery, metaDelivery } from '../simulators/whatsapp/webhook-sender'

/**
 * The ingest benchmark's traffic, a pure function of the delivery index, so the load generator
 * (which builds the bytes) and the orchestrator (which checks what was stored) agree on every
 * wamid without shipping the deliveries between processes.
 */

export const BENCH_NUMBER: NumberRef = {
  phoneNumberId: '106540352242922',
  displayPhoneNumber: '15550783881',
  wabaId: '102290129340398',
}

export const SENDERS = 2_000

// Portuguese and emoji so Meta's \uXXXX escaping and the UTF-8 check do their real work.
const BODIES = [
  'Olá! Gostaria de saber o preço do plano anual, por favor.',
  'Bom dia, meu pedido #%n ainda não chegou. Podem verificar?',
  'Obrigado pelo atendimento 🙏 tudo certo por aqui.',
  'Vocês entregam em São José dos Campos? https://example.com/loja/%n',
  'Quero trocar o tamanho da camiseta (M → G) 👕',
  'ok',
]

export function wamidOf(index: number): string {
  return `wamid.HBgNNTUxMTk4NzBCRU5DSBUCABIYIDNF${index.toString(16).toUpperCase().padStart(10, '0')}AA==`
}

/** Brazilian mobile numbers, valid for libphonenumber, one per simulated customer. */
export function senderWaId(index: number): string {
  return `55119870${String(index % SENDERS).padStart(5, '0')}`
}

export function benchDelivery(index: number, appSecret: string, at: Date): Delivery {
  const body = (BODIES[index % BODIES.length] as string).replace('%n', String(100_000 + index))
  const sender = { waId: senderWaId(index), name: `Cliente ${index % SENDERS} São Paulo` }
  return metaDelivery(singleText(BENCH_NUMBER, sender, body, at, wamidOf(index)), appSecret)
}
