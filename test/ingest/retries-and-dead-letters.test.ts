import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { singleText } from '../simulators/whatsapp/envelopes'
import { metaDelivery } from '../simulators/whatsapp/webhook-sender'
import { ENGINES } from '../support/test-db'
import {
  NUMBER_A,
  NUMBER_B,
  registerChannel,
  startTestRuntime,
  type TestRuntime,
} from '../support/test-runtime'

/**
 * A real failure inside the database: a trigger refuses one message text, the way a constraint,
 * a bad deploy or a full disk would fail processing after the delivery was acknowledged.
 */
const POISON_TRIGGER = [
  sql`create or replace function refuse_poison() returns trigger as $$
      begin
        if new.text = 'poison' then raise exception 'refusing poison message'; end if;
        return new;
      end $$ language plpgsql`,
  sql`create trigger refuse_poison before insert on messages for each row execute function refuse_poison()`,
]

describe.each(ENGINES)('ingest retries, dead letters and unrouted numbers on %s', (engine) => {
  let rt: TestRuntime
  const deliver = async (payload: unknown) => {
    const d = metaDelivery(payload, rt.config.WHATSAPP_APP_SECRET as string)
    return (await rt.request('/webhooks/whatsapp', { method: 'POST', body: d.body, headers: d.headers }))
      .status
  }
  const states = async () =>
    queryRows<{ id: number; state: string; attempts: number; last_error: string | null }>(
      rt.db.db,
      sql`select id::int as id, state, attempts, last_error from webhook_events order by id`,
    )
  /** Makes retries due now instead of after their backoff. */
  const fastForward = () =>
    rt.db.db.execute(sql`update webhook_events set next_attempt_at = now() where state = 'retry'`)

  beforeAll(async () => {
    rt = await startTestRuntime(engine, { INGEST_MAX_ATTEMPTS: '3' })
    expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
    for (const statement of POISON_TRIGGER) await rt.db.db.execute(statement)
  })
  afterAll(async () => rt?.close())

  it('stores the healthy envelopes of a batch and retries only the failing one with backoff', async () => {
    expect(await deliver(singleText(NUMBER_A, { waId: '5511900000001' }, 'fine one'))).toBe(200)
    expect(await deliver(singleText(NUMBER_A, { waId: '5511900000002' }, 'poison'))).toBe(200)
    expect(await deliver(singleText(NUMBER_A, { waId: '5511900000003' }, 'fine two'))).toBe(200)
    await rt.worker.runOnce()

    const rows = await states()
    expect(rows.map((r) => r.state)).toEqual(['processed', 'retry', 'processed'])
    expect(rows[1]?.last_error).toMatch(/refusing poison message/)
    const next = await queryRows<{ wait: number }>(
      rt.db.db,
      sql`select extract(epoch from next_attempt_at - now())::float as wait from webhook_events where state = 'retry'`,
    )
    expect(next[0]?.wait).toBeGreaterThan(0.5)
    const texts = await queryRows<{ text: string }>(rt.db.db, sql`select text from messages order by text`)
    expect(texts.map((t) => t.text)).toEqual(['fine one', 'fine two'])
  })

  it('dead-letters the event after the last attempt and lists it for the admin', async () => {
    await fastForward()
    await rt.worker.runOnce()
    await fastForward()
    await rt.worker.runOnce()
    const poisoned = (await states())[1]
    expect(poisoned).toMatchObject({ state: 'dead', attempts: 3 })

    const res = await rt.api('/api/v1/dead-letters')
    expect(res.status).toBe(200)
    const { dead_letters } = await res.json()
    expect(dead_letters).toHaveLength(1)
    expect(dead_letters[0]).toMatchObject({
      id: String(poisoned?.id),
      attempts: 3,
      phone_number_ids: [NUMBER_A.phoneNumberId],
      source: 'whatsapp',
    })
    expect(dead_letters[0].last_error).toMatch(/poison/)
  })

  it('replays a dead letter once the cause is fixed, and the message is stored', async () => {
    await rt.db.db.execute(sql`drop trigger refuse_poison on messages`)
    const id = (await states())[1]?.id
    const res = await rt.api(`/api/v1/dead-letters/${id}/replay`, { method: 'POST' })
    expect(res.status).toBe(202)
    expect(await res.json()).toEqual({ id: String(id), state: 'pending' })
    await rt.worker.drain()
    expect((await states())[1]).toMatchObject({ state: 'processed', last_error: null })
    const thread = await (await rt.api('/api/v1/thread?phone=%2B5511900000002')).json()
    expect(thread.messages.map((m: { text: string }) => m.text)).toEqual(['poison'])

    const again = await rt.api(`/api/v1/dead-letters/${id}/replay`, { method: 'POST' })
    expect(again.status).toBe(404)
    expect((await again.json()).error.code).toBe('not_found')
  })

  it('keeps deliveries for an unknown number as unrouted, lists them, and ingests them once the number is registered', async () => {
    expect(await deliver(singleText(NUMBER_B, { waId: '5511900000009' }, 'para um número novo'))).toBe(200)
    await rt.worker.drain()
    const parked = (await states()).at(-1)
    expect(parked?.state).toBe('unrouted')

    const listed = await (await rt.api('/api/v1/unrouted')).json()
    expect(listed.numbers).toEqual([
      expect.objectContaining({ phone_number_id: NUMBER_B.phoneNumberId, events: 1 }),
    ])

    const registered = await registerChannel(rt, NUMBER_B, 'BR')
    expect(registered.status).toBe(201)
    expect((await registered.json()).requeued_events).toBe(1)
    await rt.worker.drain()
    expect((await states()).at(-1)?.state).toBe('processed')
    const thread = await (await rt.api('/api/v1/thread?phone=%2B5511900000009')).json()
    expect(thread.messages.map((m: { text: string }) => m.text)).toEqual(['para um número novo'])
    expect((await (await rt.api('/api/v1/unrouted')).json()).numbers).toEqual([])
  })

  it('releases events claimed by a worker that died, so another worker finishes them', async () => {
    expect(await deliver(singleText(NUMBER_A, { waId: '5511900000010' }, 'claimed then crashed'))).toBe(200)
    // A claim whose lease ran out is what a kill -9 mid-batch leaves behind.
    await rt.db.db.execute(
      sql`update webhook_events set state = 'processing', attempts = 1, next_attempt_at = now() - interval '1 second' where state = 'pending'`,
    )
    await rt.worker.drain()
    const last = (await states()).at(-1)
    expect(last).toMatchObject({ state: 'processed', attempts: 2 })
  })
})
