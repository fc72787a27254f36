import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { decodePgText } from '../../backend/src/lib/pg-text'
import { change, contactOf, envelope, type Sender, text, wamid } from '../simulators/whatsapp/envelopes'
import { metaDelivery } from '../simulators/whatsapp/webhook-sender'
import { ENGINES } from '../support/test-db'
import {
  NUMBER_A,
  NUMBER_B,
  registerChannel,
  startTestRuntime,
  type TestRuntime,
} from '../support/test-runtime'

const ENVELOPES = 300

/** Customer text as it can arrive: any code units, weighted toward what Postgres cannot hold. */
const unit = fc.oneof(
  { weight: 5, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('\u0000', '\uD83D', '\uDE00', '\uFDD0', '\\u0000', 'STOP', '<b>x</b>'),
  },
)
const customerText = fc.array(unit, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''))

const senders: Sender[] = Array.from({ length: 6 }, (_, i) => ({ waId: `55119876520${i}0` }))

const item = fc.record({
  number: fc.constantFrom(NUMBER_A, NUMBER_B),
  sender: fc.constantFrom(...senders),
  name: customerText,
  bodies: fc.array(customerText, { minLength: 1, maxLength: 3 }),
})
const envelopeSpec = fc.array(item, { minLength: 1, maxLength: 3 })

describe.each(ENGINES)('unicode fuzz over mixed-tenant envelopes on %s', (engine) => {
  let rt: TestRuntime

  beforeAll(async () => {
    rt = await startTestRuntime(engine, { INGEST_MAX_ATTEMPTS: '2' })
    const a = await (await rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Loja A' } })).json()
    const b = await (await rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Loja B' } })).json()
    expect((await registerChannel(rt, NUMBER_A, 'BR', a.api_key)).status).toBe(201)
    expect((await registerChannel(rt, NUMBER_B, 'BR', b.api_key)).status).toBe(201)
  })
  afterAll(async () => rt?.close())

  it(`loses no valid sibling and dead-letters nothing across ${ENVELOPES} envelopes`, async () => {
    const seed = Date.now()
    const specs = fc.sample(envelopeSpec, { numRuns: ENVELOPES, seed })
    const sent = new Map<string, string>()
    for (const spec of specs) {
      const payload = envelope([
        {
          wabaId: NUMBER_A.wabaId,
          changes: spec.map((s) => {
            const sender = { ...s.sender, name: s.name }
            return change(s.number, {
              contacts: [contactOf(sender)],
              messages: s.bodies.map((body) => {
                const id = wamid('FUZZ')
                sent.set(id, body)
                return text(sender, body, undefined, id)
              }),
            })
          }),
        },
      ])
      const d = metaDelivery(payload, rt.config.WHATSAPP_APP_SECRET as string)
      const res = await rt.request('/webhooks/whatsapp', { method: 'POST', body: d.body, headers: d.headers })
      expect(res.status, `seed ${seed}`).toBe(200)
    }
    for (let round = 0; round < 4; round++) {
      await rt.worker.drain()
      await rt.db.db.execute(sql`update webhook_events set next_attempt_at = now() where state = 'retry'`)
    }
    await rt.worker.drain()

    const states = await queryRows<{ state: string; n: number }>(
      rt.db.db,
      sql`select state, count(*)::int as n from webhook_events group by state`,
    )
    expect(states, `seed ${seed}`).toEqual([{ state: 'processed', n: ENVELOPES }])
    const rows = await queryRows<{ wamid: string; text: string }>(
      rt.db.db,
      sql`select wamid, text from messages where wamid like 'wamid.HBgLFUZZ%'`,
    )
    const lost = [...sent.keys()].filter((id) => !rows.some((r) => r.wamid === id))
    expect(lost, `seed ${seed}`).toEqual([])
    const unfaithful = rows.filter((r) => decodePgText(r.text) !== sent.get(r.wamid))
    expect(unfaithful, `seed ${seed}`).toEqual([])
    const dead = await (await rt.api('/api/v1/dead-letters')).json()
    expect(dead.dead_letters, `seed ${seed}`).toEqual([])
  })
})
