import { sql } from 'drizzle-orm'
import type { Database } from '../../backend/src/db/client'
import { queryRows } from '../../backend/src/db/query-rows'
import { change, contactOf, envelope, type Sender, text } from '../simulators/whatsapp/envelopes'
import { metaDelivery } from '../simulators/whatsapp/webhook-sender'
import { BENCH_SECRETS } from './common'

/** The WhatsApp number every sync benchmark's conversations arrive on. */
export const SYNC_BENCH_NUMBER = {
  phoneNumberId: '106540352242922',
  displayPhoneNumber: '15550783881',
  wabaId: '102290129340398',
}

export const syncBenchPerson = (i: number): Sender => ({
  waId: `55119${String(i).padStart(8, '0')}`,
  name: `Cliente ${i}`,
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * How the CRM sync benchmarks feed the backend: signed deliveries of `each` messages per sender
 * to its public webhook, and a wait until ingest has processed everything delivered so far.
 */
export function syncLoad(db: Database, origin: string) {
  return {
    async deliver(senders: Sender[], each: number, at: Date) {
      const payload = envelope([
        {
          wabaId: SYNC_BENCH_NUMBER.wabaId,
          changes: [
            change(SYNC_BENCH_NUMBER, {
              contacts: senders.map(contactOf),
              messages: senders.flatMap((s) =>
                Array.from({ length: each }, (_, k) => text(s, `Olá, pergunta ${k + 1} sobre o pedido`, at)),
              ),
            }),
          ],
        },
      ])
      const d = metaDelivery(payload, BENCH_SECRETS.WHATSAPP_APP_SECRET)
      const res = await fetch(`${origin}/webhooks/whatsapp`, {
        method: 'POST',
        body: d.body,
        headers: d.headers,
      })
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}`)
      return payload
    },
    async waitIngested() {
      for (;;) {
        const [open] = await queryRows<{ n: number }>(
          db,
          sql`select count(*)::int as n from webhook_events where state in ('pending', 'processing')`,
        )
        if (!open?.n) return
        await sleep(100)
      }
    },
  }
}
