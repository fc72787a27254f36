import { type NumberRef, singleText } from '../simulators/whatsapp/envelopes'
import { type Delivery, metaDelivery } from '../simulators/whatsapp/webhook-sender'
import { TEST_WHATSAPP_TOKEN } from '../support/test-runtime'
import { BENCH_SECRETS } from './common'

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

/** Registers BENCH_NUMBER through the API of a started runtime (the Graph check answered by its simulator). */
export async function registerBenchChannel(app: {
  request(path: string, init: RequestInit): Response | Promise<Response>
}): Promise<{ id: string }> {
  const reg = await app.request('/api/v1/channels', {
    method: 'POST',
    headers: { authorization: `Bearer ${BENCH_SECRETS.ADMIN_API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      phone_number_id: BENCH_NUMBER.phoneNumberId,
      display_phone_number: `+${BENCH_NUMBER.displayPhoneNumber}`,
      default_region: 'BR',
      waba_id: BENCH_NUMBER.wabaId,
      access_token: TEST_WHATSAPP_TOKEN,
    }),
  })
  if (reg.status !== 201) throw new Error(`channel registration failed: ${reg.status} ${await reg.text()}`)
  return ((await reg.json()) as { channel: { id: string } }).channel
}
