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
 * Real failures inside the database, after the delivery was acknowledged: a trigger refuses one
 * message (as a constraint or a bad deploy would: that item's fault, set aside), and fails another
 * with a serialization failure (as contention or a restart would: transient, the delivery retried).
 */
const POISON_TRIGGER = [
  sql`create or replace function refuse_poison() returns trigger as $$
      begin
        if new.text = 'poison' then raise exception 'refusing poison message'; end if;
        if new.text = 'contended' then
          raise exception 'simulated contention' using errcode = 'serialization_failure';
        end if;
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
    queryRows<{
      id: number
      state: string
      attempts: number
      last_error: string | null
      failure_reason: string
    }>(
      rt.db.db,
      sql`select id::int as id, state, attempts, last_error, failure_reason from webhook_events order by id`,
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

  it('sets aside a refused item, retries a transiently failing delivery with backoff, and stores the rest', async () => {
    expect(await deliver(singleText(NUMBER_A, { waId: '5511900000001' }, 'fine one'))).toBe(200)
    expect(await deliver(singleText(NUMBER_A, { waId: '5511900000002' }, 'poison'))).toBe(200)
    expect(await deliver(singleText(NUMBER_A, { waId: '5511900000003' }, 'fine two'))).toBe(200)
    expect(await deliver(singleText(NUMBER_A, { waId: '5511900000004' }, 'contended'))).toBe(200)
    await rt.worker.runOnce()

    const rows = await states()
    expect(rows.map((r) => r.state)).toEqual(['processed', 'processed', 'processed', 'retry'])
    expect(rows[3]).toMatchObject({ failure_reason: 'database_unavailable' })
    expect(rows[3]?.last_error).toMatch(/^the database was unavailable.*\(SQLSTATE 40001\)$/)
    const next = await queryRows<{ wait: number }>(
      rt.db.db,
      sql`select extract(epoch from next_attempt_at - now())::float as wait from webhook_events where state = 'retry'`,
    )
    expect(next[0]?.wait).toBeGreaterThan(0.5)
    const texts = await queryRows<{ text: string }>(rt.db.db, sql`select text from messages order by text`)
    expect(texts.map((t) => t.text)).toEqual(['fine one', 'fine two'])

    const { dead_letters } = await (await rt.api('/api/v1/dead-letters')).json()
    expect(dead_letters).toEqual([
      expect.objectContaining({
        kind: 'item',
        reason: 'database_rejected',
        attempts: 1,
        phone_number_ids: [NUMBER_A.phoneNumberId],
        item: { type: 'message', ref: expect.stringMatching(/^wamid\./) },
      }),
    ])
    expect(dead_letters[0].last_error).toMatch(/refused to store this item.*SQLSTATE P0001/)
  })

  it('dead-letters the delivery after the last attempt and lists it for the admin', async () => {
    await fastForward()
    await rt.worker.runOnce()
    await fastForward()
    await rt.worker.runOnce()
    const contended = (await states())[3]
    expect(contended).toMatchObject({ state: 'dead', attempts: 3 })

    const res = await rt.api('/api/v1/dead-letters')
    expect(res.status).toBe(200)
    const { dead_letters } = await res.json()
    expect(dead_letters).toHaveLength(2)
    expect(dead_letters.find((d: { kind: string }) => d.kind === 'event')).toMatchObject({
      id: String(contended?.id),
      attempts: 3,
      phone_number_ids: [NUMBER_A.phoneNumberId],
      source: 'whatsapp',
      reason: 'database_unavailable',
      item: null,
    })
    for (const d of dead_letters) expect(d.last_error).not.toMatch(/insert|params|contended|poison/i)
  })

  it('replays dead letters once the cause is fixed, and the messages are stored', async () => {
    await rt.db.db.execute(sql`drop trigger refuse_poison on messages`)
    const { dead_letters } = await (await rt.api('/api/v1/dead-letters')).json()
    for (const d of dead_letters as { id: string }[]) {
      const res = await rt.api(`/api/v1/dead-letters/${d.id}/replay`, { method: 'POST' })
      expect(res.status).toBe(202)
      expect(await res.json()).toEqual({ id: d.id, state: 'pending' })
    }
    await rt.worker.drain()
    expect((await states()).map((r) => r.state)).toEqual(['processed', 'processed', 'processed', 'processed'])
    expect((await states())[3]).toMatchObject({ last_error: null, failure_reason: null })
    for (const [phone, text] of [
      ['5511900000002', 'poison'],
      ['5511900000004', 'contended'],
    ]) {
      const thread = await (await rt.api(`/api/v1/thread?phone=%2B${phone}`)).json()
      expect(thread.messages.map((m: { text: string }) => m.text)).toEqual([text])
    }
    expect((await (await rt.api('/api/v1/dead-letters')).json()).dead_letters).toEqual([])

    const again = await rt.api(`/api/v1/dead-letters/${(dead_letters[0] as { id: string }).id}/replay`, {
      method: 'POST',
    })
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
