/**
 * Builders for WhatsApp Cloud API webhook envelopes, following Meta's documented shapes
 * (developers.facebook.com webhooks reference and the official OpenAPI examples).
 */

export interface NumberRef {
  phoneNumberId: string
  displayPhoneNumber: string
  wabaId: string
}

export interface Sender {
  waId?: string
  userId?: string
  name?: string
  username?: string
}

let counter = 0
export function wamid(prefix = 'TEST'): string {
  counter += 1
  return `wamid.HBgL${prefix}${Date.now().toString(36)}${counter.toString(36).padStart(6, '0')}`
}

export const unix = (date: Date): string => String(Math.floor(date.getTime() / 1000))

export function contactOf(sender: Sender): Record<string, unknown> {
  const profile: Record<string, unknown> = {}
  if (sender.name) profile.name = sender.name
  if (sender.username) profile.username = sender.username
  return {
    profile,
    ...(sender.waId ? { wa_id: sender.waId } : {}),
    ...(sender.userId ? { user_id: sender.userId } : {}),
  }
}

export function inbound(
  sender: Sender,
  type: string,
  body: Record<string, unknown>,
  at = new Date(),
  id = wamid(),
) {
  return {
    ...(sender.waId ? { from: sender.waId } : {}),
    ...(sender.userId ? { from_user_id: sender.userId } : {}),
    id,
    timestamp: unix(at),
    type,
    ...body,
  }
}

export const text = (sender: Sender, body: string, at?: Date, id?: string) =>
  inbound(sender, 'text', { text: { body } }, at, id)

export function status(
  id: string,
  value: 'sent' | 'delivered' | 'read' | 'played' | 'failed',
  recipientWaId: string,
  at = new Date(),
  error?: { code: number; title: string; details?: string },
) {
  return {
    id,
    status: value,
    timestamp: unix(at),
    recipient_id: recipientWaId,
    ...(value === 'failed'
      ? {
          errors: [
            {
              code: error?.code ?? 131026,
              title: error?.title ?? 'Message undeliverable',
              message: error?.title,
              error_data: { details: error?.details ?? 'Message Undeliverable.' },
            },
          ],
        }
      : { pricing: { billable: true, pricing_model: 'PMP', category: 'service' } }),
  }
}

export interface ChangeParts {
  field?: string
  contacts?: Record<string, unknown>[]
  messages?: Record<string, unknown>[]
  statuses?: Record<string, unknown>[]
  errors?: Record<string, unknown>[]
  extra?: Record<string, unknown>
}

export function change(number: NumberRef, parts: ChangeParts) {
  return {
    field: parts.field ?? 'messages',
    value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: number.displayPhoneNumber, phone_number_id: number.phoneNumberId },
      ...(parts.contacts ? { contacts: parts.contacts } : {}),
      ...(parts.messages ? { messages: parts.messages } : {}),
      ...(parts.statuses ? { statuses: parts.statuses } : {}),
      ...(parts.errors ? { errors: parts.errors } : {}),
      ...parts.extra,
    },
  }
}

export function envelope(entries: { wabaId: string; changes: ReturnType<typeof change>[] }[]) {
  return {
    object: 'whatsapp_business_account',
    entry: entries.map((e) => ({ id: e.wabaId, changes: e.changes })),
  }
}

/** One inbound text from one person, the commonest delivery. */
export function singleText(number: NumberRef, sender: Sender, body: string, at?: Date, id?: string) {
  return envelope([
    {
      wabaId: number.wabaId,
      changes: [change(number, { contacts: [contactOf(sender)], messages: [text(sender, body, at, id)] })],
    },
  ])
}
