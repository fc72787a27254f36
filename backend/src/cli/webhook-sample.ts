import { randomBytes } from 'node:crypto'
import { toE164 } from '@scrm/shared'
import { signMetaPayload } from '../whatsapp/signature'

export const WEBHOOK_USAGE = `  npm run scrm -- webhook sample --phone-number-id <numeric id> --from <customer's number> [--text "Oi"] [--name "Ana"] [--send http://localhost:3000]`

export interface SampleInput {
  phoneNumberId: string
  from: string
  text: string
  name?: string
  /** Seconds since the epoch, as Meta writes it. */
  timestamp?: number
}

/**
 * A customer's text message as Meta delivers it to `POST /webhooks/whatsapp`: one entry, one
 * `messages` change, the contact's profile and the message (Cloud API webhook shape, v24).
 */
export function sampleDelivery(input: SampleInput): string {
  if (!/^\d{5,20}$/.test(input.phoneNumberId))
    throw new Error(
      `--phone-number-id "${input.phoneNumberId}" must be the numeric id Meta shows for the number (WhatsApp → API Setup), not the phone number.`,
    )
  const e164 = toE164(input.from)
  if (!e164)
    throw new Error(
      `--from "${input.from}" is not a phone number in international form (e.g. +5511999990000).`,
    )
  const waId = e164.slice(1)
  const body = {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '0',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '', phone_number_id: input.phoneNumberId },
              contacts: [{ profile: { name: input.name ?? '' }, wa_id: waId }],
              messages: [
                {
                  from: waId,
                  id: `wamid.SAMPLE${randomBytes(12).toString('hex').toUpperCase()}`,
                  timestamp: String(input.timestamp ?? Math.floor(Date.now() / 1000)),
                  type: 'text',
                  text: { body: input.text },
                },
              ],
            },
          },
        ],
      },
    ],
  }
  return JSON.stringify(body)
}

/**
 * Prints a signed sample delivery as a curl command, or posts it (`--send <server URL>`): the way
 * to see the product receive a message before Meta is connected. Signed with WHATSAPP_APP_SECRET,
 * exactly as Meta signs (HMAC-SHA256 over the bytes sent).
 */
export async function runWebhookSample(
  input: SampleInput,
  appSecret: string | undefined,
  send: string | undefined,
  out: (line: string) => void,
): Promise<number> {
  if (!appSecret) {
    out(
      'WHATSAPP_APP_SECRET is not set (environment or backend/.env): the server refuses unsigned deliveries.',
    )
    return 1
  }
  const body = sampleDelivery(input)
  const signature = signMetaPayload(body, appSecret)
  if (!send) {
    const quoted = `'${body.replace(/'/g, `'\\''`)}'`
    out(
      `curl -X POST http://localhost:3000/webhooks/whatsapp -H 'content-type: application/json' -H 'x-hub-signature-256: ${signature}' --data-binary ${quoted}`,
    )
    return 0
  }
  const url = `${send.replace(/\/$/, '')}/webhooks/whatsapp`
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
    body,
  })
  out(
    `${url} answered ${res.status}${res.ok ? ' (acknowledged; the message is stored for that number’s workspace)' : `: ${await res.text()}`}`,
  )
  return res.ok ? 0 : 1
}
