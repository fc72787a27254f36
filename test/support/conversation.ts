import { sql } from 'drizzle-orm'
import { queryRows } from '../../backend/src/db/query-rows'
import {
  change,
  contactOf,
  envelope,
  type NumberRef,
  type Sender,
  text,
} from '../simulators/whatsapp/envelopes'
import { metaDelivery } from '../simulators/whatsapp/webhook-sender'
import type { TestRuntime } from './test-runtime'

/** A customer writes to a number: delivered as Meta would and ingested, so the window opens. */
export async function customerWrites(
  rt: TestRuntime,
  number: NumberRef,
  sender: Sender,
  body: string,
  at?: Date,
): Promise<void> {
  const payload = envelope([
    {
      wabaId: number.wabaId,
      changes: [change(number, { contacts: [contactOf(sender)], messages: [text(sender, body, at)] })],
    },
  ])
  await deliverPayload(rt, payload)
}

export async function deliverPayload(rt: TestRuntime, payload: unknown): Promise<void> {
  const d = metaDelivery(payload, rt.config.WHATSAPP_APP_SECRET as string)
  const res = await rt.request('/webhooks/whatsapp', { method: 'POST', body: d.body, headers: d.headers })
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}`)
  await ingested(rt)
}

/** Waits until every stored delivery is processed (by this drain or by an inline worker). */
export async function ingested(rt: TestRuntime, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms
  for (;;) {
    await rt.worker.drain()
    const [open] = await queryRows<{ n: number }>(
      rt.db.db,
      sql`select count(*)::int as n from webhook_events where state in ('pending', 'processing')`,
    )
    if (open?.n === 0) return
    if (Date.now() > deadline) throw new Error('webhook events still unprocessed')
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** The contact id for a phone, read through the thread API. */
export async function contactIdOf(rt: TestRuntime, phone: string, key?: string): Promise<string> {
  const view = await (await rt.api(`/api/v1/thread?phone=${encodeURIComponent(phone)}`, { key })).json()
  if (!view.contact) throw new Error(`no contact for ${phone}`)
  return view.contact.id
}

export async function registerTemplate(
  rt: TestRuntime,
  name: string,
  category: 'marketing' | 'utility' | 'authentication',
  body = 'Hello {{1}}',
  language = 'en_US',
): Promise<void> {
  const res = await rt.api('/api/v1/templates', {
    method: 'POST',
    json: { name, language, category, components: [{ type: 'BODY', text: body }] },
  })
  if (res.status !== 200) throw new Error(`template registration answered ${res.status}: ${await res.text()}`)
}

export const templateContent = (name: string, ...params: string[]) => ({
  type: 'template' as const,
  name,
  language: 'en_US',
  components: params.length
    ? [{ type: 'body' as const, parameters: params.map((p) => ({ type: 'text', text: p })) }]
    : [],
})
