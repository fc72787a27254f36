/**
 * The customer's side: a customer message opens the 24 h service window for (number, customer) and,
 * unless told otherwise, reaches the backend as Meta's inbound text webhook.
 */
import { change, contactOf, envelope, inbound, type Sender, singleText, wamid } from '../envelopes'
import { isBsuid, recipientKey, type SimulatorState } from './state'
import type { CustomerMedia, CustomerMessage } from './types'

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

/**
 * A customer's media message: the file goes into the media store (owned by the number, as Meta
 * scopes it), the window opens, and the webhook carries the media id, MIME type and sha256 the way
 * Meta writes them (base64 digest).
 */
export async function customerSentMedia(
  state: SimulatorState,
  phoneNumberId: string,
  waId: string,
  media: CustomerMedia,
  at = new Date(),
): Promise<{ id: string; mediaId: string; delivered: boolean }> {
  const number = state.number(phoneNumberId)
  if (!number) throw new Error(`unknown phone number id ${phoneNumberId}`)
  const key = recipientKey(waId)
  state.windows.record(phoneNumberId, key, at.getTime())
  const mediaId = state.media.put(phoneNumberId, media.bytes, media.mimeType)
  const stored = state.media.get(mediaId)
  const id = wamid('MED')
  const body: Record<string, unknown> = {
    id: mediaId,
    mime_type: media.mimeType,
    sha256: media.sha256 ?? stored?.sha256,
    ...(media.caption !== undefined ? { caption: media.caption } : {}),
    ...(media.filename !== undefined ? { filename: media.filename } : {}),
    ...(media.type === 'sticker' ? { animated: Boolean(media.animated) } : {}),
    ...(media.type === 'audio' ? { voice: media.mimeType.startsWith('audio/ogg') } : {}),
  }
  const sender: Sender = {
    ...(isBsuid(key) ? { userId: key } : { waId: key }),
    name: media.name ?? 'Test Customer',
  }
  const payload = envelope([
    {
      wabaId: number.wabaId,
      changes: [
        change(number, {
          contacts: [contactOf(sender)],
          messages: [inbound(sender, media.type, { [media.type]: body }, at, id)],
        }),
      ],
    },
  ])
  const delivered = await state.dispatcher.deliverNow(payload, 0)
  return { id, mediaId, delivered }
}
