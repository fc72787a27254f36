import { Writable } from 'node:stream'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { createLogger } from '../../backend/src/lib/logger'
import { decodePgText } from '../../backend/src/lib/pg-text'
import {
  change,
  contactOf,
  envelope,
  type Sender,
  status,
  text,
  wamid,
} from '../simulators/whatsapp/envelopes'
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
 * A failure that has nothing to do with text: the database refuses one message (a trigger here;
 * a constraint, a bad deploy or a full disk in production).
 */
const POISON_TRIGGER = [
  sql`create or replace function refuse_poison() returns trigger as $$
      begin
        if new.text like 'poison%' then raise exception 'message refused by policy'; end if;
        return new;
      end $$ language plpgsql`,
  sql`create trigger refuse_poison before insert on messages for each row execute function refuse_poison()`,
]

/** What must never reach a tenant's last_error or a log line: SQL, or a query's parameters. */
const SQL_OR_PARAMS = /failed query|params:|insert into|jsonb_to_recordset|select .* from/i

const ana: Sender = { waId: '5511987651001', name: 'Ana' }
const bia: Sender = { waId: '5511987651002', name: 'Bia' }

interface DeadLetter {
  id: string
  kind: string
  reason: string
  last_error: string
  phone_number_ids: string[]
}

describe.each(ENGINES)('one bad item never costs its neighbours on %s', (engine) => {
  let rt: TestRuntime
  let keyA: string
  let keyB: string
  let workspaceA: string
  const logLines: string[] = []

  const deliver = async (payload: unknown) => {
    const d = metaDelivery(payload, rt.config.WHATSAPP_APP_SECRET as string)
    return (await rt.request('/webhooks/whatsapp', { method: 'POST', body: d.body, headers: d.headers }))
      .status
  }
  /** Drains the queue, making retries due at once instead of after their backoff. */
  const settle = async () => {
    for (let round = 0; round < 5; round++) {
      await rt.worker.drain()
      await rt.db.db.execute(sql`update webhook_events set next_attempt_at = now() where state = 'retry'`)
    }
    await rt.worker.drain()
  }
  const deadLetters = async (key?: string): Promise<DeadLetter[]> => {
    const res = await rt.api('/api/v1/dead-letters', { key })
    expect(res.status).toBe(200)
    return (await res.json()).dead_letters
  }
  const stored = (ids: string[]) =>
    queryRows<{ wamid: string; text: string; workspace_id: string }>(
      rt.db.db,
      sql`select wamid, text, workspace_id::text from messages
          where wamid in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`,
    )
  const eventState = async () =>
    (
      await queryRows<{ state: string }>(
        rt.db.db,
        sql`select state from webhook_events order by id desc limit 1`,
      )
    )[0]?.state

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk))
        done()
      },
    })
    rt = await startTestRuntime(engine, { INGEST_MAX_ATTEMPTS: '2' }, createLogger('info', stream))
    const a = await (await rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Loja A' } })).json()
    const b = await (await rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Loja B' } })).json()
    keyA = a.api_key
    keyB = b.api_key
    workspaceA = a.id
    expect((await registerChannel(rt, NUMBER_A, 'BR', keyA)).status).toBe(201)
    expect((await registerChannel(rt, NUMBER_B, 'BR', keyB)).status).toBe(201)
    for (const statement of POISON_TRIGGER) await rt.db.db.execute(statement)
  })
  afterAll(async () => rt?.close())

  it('stores "valid sibling" and "a\\u0000b" from one signed envelope, the NUL one faithfully', async () => {
    const ids = [wamid('SIB'), wamid('NUL')]
    const payload = envelope([
      {
        wabaId: NUMBER_A.wabaId,
        changes: [
          change(NUMBER_A, {
            contacts: [contactOf(ana)],
            messages: [
              text(ana, 'valid sibling', undefined, ids[0]),
              text(ana, 'a\u0000b', undefined, ids[1]),
            ],
          }),
        ],
      },
    ])
    expect(await deliver(payload)).toBe(200)
    await settle()

    const rows = await stored(ids)
    expect(rows).toHaveLength(2)
    const byId = new Map(rows.map((r) => [r.wamid, decodePgText(r.text)]))
    expect(byId.get(ids[0] as string)).toBe('valid sibling')
    expect(byId.get(ids[1] as string)).toBe('a\u0000b')
    expect(await eventState()).toBe('processed')

    const thread = await (await rt.api(`/api/v1/thread?phone=%2B${ana.waId}`, { key: keyA })).json()
    const texts = thread.messages.map((m: { text: string }) => m.text)
    expect(texts).toEqual(expect.arrayContaining(['valid sibling', 'a\u2400b']))
    expect(JSON.stringify(thread)).not.toContain('\\u0000')
    expect(await deadLetters()).toEqual([])
  })

  it('acknowledges and stores a delivery whose unknown phone_number_id holds a NUL, with its routable sibling', async () => {
    const id = wamid('ODDNUM')
    const odd = { ...NUMBER_B, phoneNumberId: '1\u00002' }
    const payload = envelope([
      {
        wabaId: NUMBER_A.wabaId,
        changes: [
          change(NUMBER_A, {
            contacts: [contactOf(ana)],
            messages: [text(ana, 'next to an odd number', undefined, id)],
          }),
          change(odd, { contacts: [contactOf(bia)], messages: [text(bia, 'for nobody')] }),
        ],
      },
    ])
    expect(await deliver(payload)).toBe(200)
    await settle()
    expect((await stored([id])).map((r) => r.text)).toEqual(['next to an odd number'])
    expect(await eventState()).toBe('unrouted')
  })

  it("sets aside workspace A's failing item as A's while B's sibling in the same envelope is stored", async () => {
    const poison = wamid('POISON')
    const fineA = wamid('FINEA')
    const fineB = wamid('FINEB')
    const payload = envelope([
      {
        wabaId: NUMBER_A.wabaId,
        changes: [
          change(NUMBER_A, {
            contacts: [contactOf(ana)],
            messages: [
              text(ana, 'poison-for-A', undefined, poison),
              text(ana, 'fine for A', undefined, fineA),
            ],
          }),
          change(NUMBER_B, {
            contacts: [contactOf(bia)],
            messages: [text(bia, 'fine for B', undefined, fineB)],
          }),
        ],
      },
    ])
    expect(await deliver(payload)).toBe(200)
    await settle()

    const rows = await stored([poison, fineA, fineB])
    expect(rows.map((r) => r.text).sort()).toEqual(['fine for A', 'fine for B'])
    expect(await eventState()).toBe('processed')

    expect(await deadLetters(keyB)).toEqual([])
    const mine = await deadLetters(keyA)
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({
      kind: 'item',
      reason: 'database_rejected',
      phone_number_ids: [NUMBER_A.phoneNumberId],
    })
    const platform = await deadLetters()
    expect(platform.map((d) => d.id)).toContain(mine[0]?.id)
    for (const d of [...mine, ...platform]) {
      expect(d.last_error).not.toMatch(SQL_OR_PARAMS)
      for (const secret of [workspaceA, poison, 'poison-for-A']) expect(d.last_error).not.toContain(secret)
    }
  })

  it("sets aside a refused status and a refused error object as A's, storing their siblings", async () => {
    await rt.db.db.execute(sql`create or replace function refuse_odd_status() returns trigger as $$
      begin
        if new.error_title = 'refused status' then raise exception 'status refused by policy'; end if;
        return new;
      end $$ language plpgsql`)
    await rt.db.db.execute(sql`create or replace function refuse_odd_error() returns trigger as $$
      begin
        if new.error_code = 999001 then raise exception 'error item refused by policy'; end if;
        return new;
      end $$ language plpgsql`)
    await rt.db.db.execute(
      sql`create trigger refuse_odd before insert on message_status_events for each row execute function refuse_odd_status()`,
    )
    await rt.db.db.execute(
      sql`create trigger refuse_odd before insert on channel_events for each row execute function refuse_odd_error()`,
    )
    try {
      const [bad, good, fineB] = [wamid('BADST'), wamid('GOODST'), wamid('STB')]
      const payload = envelope([
        {
          wabaId: NUMBER_A.wabaId,
          changes: [
            change(NUMBER_A, {
              statuses: [
                status(bad, 'failed', ana.waId as string, undefined, {
                  code: 131026,
                  title: 'refused status',
                }),
                status(good, 'delivered', ana.waId as string),
              ],
              errors: [
                { code: 999001, title: 'odd' },
                { code: 131000, title: 'Something went wrong' },
              ],
            }),
            change(NUMBER_B, {
              contacts: [contactOf(bia)],
              messages: [text(bia, 'B next to statuses', undefined, fineB)],
            }),
          ],
        },
      ])
      expect(await deliver(payload)).toBe(200)
      await settle()
      expect((await stored([fineB])).map((r) => r.text)).toEqual(['B next to statuses'])
      const statuses = await queryRows<{ wamid: string }>(
        rt.db.db,
        sql`select wamid from message_status_events where wamid in (${bad}, ${good})`,
      )
      expect(statuses.map((r) => r.wamid)).toEqual([good])
      const errors = await queryRows<{ error_code: number }>(
        rt.db.db,
        sql`select error_code::int from channel_events where kind = 'error' and error_code in (999001, 131000)`,
      )
      expect(errors.map((r) => r.error_code)).toEqual([131000])
      expect(await eventState()).toBe('processed')
      const mine = (await deadLetters(keyA)).filter((d) => d.kind === 'item')
      expect(mine.map((d) => (d as DeadLetter & { item: { type: string } }).item.type).sort()).toEqual([
        'channel_event',
        'message',
        'status',
      ])
      expect(await deadLetters(keyB)).toEqual([])
    } finally {
      await rt.db.db.execute(sql`drop trigger refuse_odd on message_status_events`)
      await rt.db.db.execute(sql`drop trigger refuse_odd on channel_events`)
    }
  })

  it('replays set-aside items once the cause is fixed; another workspace cannot', async () => {
    const items = (await deadLetters(keyA)).filter((d) => d.kind === 'item')
    expect(items.length).toBeGreaterThan(0)
    for (const item of items) {
      const theirs = await rt.api(`/api/v1/dead-letters/${item.id}/replay`, { method: 'POST', key: keyB })
      expect(theirs.status).toBe(404)
    }
    await rt.db.db.execute(sql`drop trigger refuse_poison on messages`)
    for (const item of items) {
      const res = await rt.api(`/api/v1/dead-letters/${item.id}/replay`, { method: 'POST', key: keyA })
      expect(res.status).toBe(202)
    }
    await settle()
    const thread = await (await rt.api(`/api/v1/thread?phone=%2B${ana.waId}`, { key: keyA })).json()
    const texts = thread.messages.map((m: { text: string }) => m.text)
    expect(texts.filter((t: string) => t === 'poison-for-A' || t === 'fine for A')).toHaveLength(2)
    const statuses = await queryRows<{ n: number }>(
      rt.db.db,
      sql`select count(*)::int as n from message_status_events where error_title = 'refused status'`,
    )
    expect(statuses[0]?.n).toBe(1)
    expect(await deadLetters(keyA)).toEqual([])
    for (const statement of POISON_TRIGGER) await rt.db.db.execute(statement)
  })

  it('lists a dead multi-tenant event to each workspace with only its own number, unparsable ones only to the platform', async () => {
    const payload = envelope([
      {
        wabaId: NUMBER_A.wabaId,
        changes: [
          change(NUMBER_A, { contacts: [contactOf(ana)], messages: [text(ana, 'to A, worker died')] }),
          change(NUMBER_B, { contacts: [contactOf(bia)], messages: [text(bia, 'to B, worker died')] }),
        ],
      },
    ])
    expect(await deliver(payload)).toBe(200)
    // What a worker killed on every attempt leaves behind: a held claim whose lease ran out.
    await rt.db.db.execute(
      sql`update webhook_events set state = 'processing', attempts = 2, next_attempt_at = now() - interval '1 second'
          where state = 'pending'`,
    )
    await rt.worker.runOnce()
    const forB = await deadLetters(keyB)
    expect(forB).toHaveLength(1)
    expect(forB[0]).toMatchObject({
      kind: 'event',
      reason: 'worker_stopped',
      phone_number_ids: [NUMBER_B.phoneNumberId],
    })
    const forA = await deadLetters(keyA)
    expect(forA.filter((d) => d.kind === 'event')).toHaveLength(1)
    expect(forA.find((d) => d.kind === 'event')?.phone_number_ids).toEqual([NUMBER_A.phoneNumberId])

    // Stored bytes that no longer parse (e.g. after a schema change): nobody's number can be trusted.
    await rt.db.db.execute(
      sql`insert into webhook_events (source, raw_body, routing_keys)
          values ('whatsapp', '{"object":"whatsapp_business_account","entry":"broken"}',
                  array[${NUMBER_A.phoneNumberId}]::text[])`,
    )
    await settle()
    const [platformNewest] = await deadLetters()
    expect(platformNewest).toMatchObject({ kind: 'event', reason: 'invalid_payload' })
    expect((await deadLetters(keyA)).map((d) => d.id)).not.toContain(platformNewest?.id)
    expect((await deadLetters(keyB)).map((d) => d.id)).not.toContain(platformNewest?.id)
  })

  it('keeps SQL and query parameters out of every last_error and every log line', async () => {
    for (const d of await deadLetters()) expect(d.last_error).not.toMatch(SQL_OR_PARAMS)
    const logged = logLines.join('')
    expect(logged).toContain('message refused by policy')
    expect(logged).not.toMatch(SQL_OR_PARAMS)
    expect(logged).not.toContain('poison-for-A')
  })
})
