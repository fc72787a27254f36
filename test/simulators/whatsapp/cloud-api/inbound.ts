/**
 * The customer's side: a customer message opens the 24 h service window for (number, customer) and,
 * unless told otherwise, reaches the backend as Meta's inbound text webhook.
 */
import { type Sender, singleText, wamid } from '../envelopes'
import { isBsuid, recipientKey, type SimulatorState } from './state'
import type { CustomerMessage } from './types'

export async function customerWrote(
  state: SimulatorState,
  phoneNumberId: string,
  waId: string,
  at = new Date(),
  message: CustomerMessage = {},
): Promise<{ id: string; delivered: boolean }> {
  const number = state.number(phoneNumberId)
  if (!number) throw new Error(`unknown phone number id ${phoneNumberId}`)
  const key = recipientKey(waId)
  state.windows.record(phoneNumberId, key, at.getTime())
  const id = wamid('INB')
  const deliver = message.deliver ?? Boolean(state.options.webhookUrl)
  if (!deliver) return { id, delivered: false }
  const sender: Sender = {
    ...(isBsuid(key) ? { userId: key } : { waId: key }),
    name: message.name ?? 'Test Customer',
  }
  const delivered = await state.dispatcher.deliverNow(
    singleText(number, sender, message.text ?? 'Hi', at, id),
    0,
  )
  return { id, delivered }
}
