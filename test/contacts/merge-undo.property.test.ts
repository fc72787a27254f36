import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mergeCandidate, undoMerge } from '../../backend/src/contacts/dedup/duplicates-service'
import { MERGE_FIELDS } from '../../backend/src/contacts/dedup/merge-contacts'
import { MERGE_TABLES } from '../../backend/src/contacts/dedup/merge-tables'
import { queryRows } from '../../backend/src/db/query-rows'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../support/test-runtime'

/** Tables a merge may touch; the decision records (candidates, merges) are the audit trail. */
const DUMPED = [
  'contacts',
  'messages',
  'contact_tags',
  'contact_interests',
  'contact_identity_history',
  'tags',
  'legal_holds',
  'churn_risk_changes',
]

const contactArb = fc.record({
  name: fc.option(fc.constantFrom('Ana Lima', 'ANA LIMA', 'Ana Lyma', '陈大文', 'Chan Tai Man'), {
    nil: null,
  }),
  email: fc.option(fc.constantFrom('ana@example.com', 'a.lima@example.com'), { nil: null }),
  hasPhone: fc.boolean(),
  bsuid: fc.boolean(),
  optIn: fc.constantFrom('unknown', 'opted_in', 'opted_out'),
  marketingStop: fc.boolean(),
  attributes: fc.dictionary(
    fc.constantFrom('city', 'tier', 'mobile_phone'),
    fc.constantFrom('Lisboa', 'gold', '9123 4567'),
    {
      maxKeys: 2,
    },
  ),
  messages: fc.nat(3),
  tags: fc.subarray(['vip', 'lead', 'wholesale']),
  interests: fc.subarray(['SKU-1', 'SKU-2', 'SKU-3']),
  previousPhone: fc.boolean(),
  /** Legal holds: one in force, one lifted, both, or none. */
  holds: fc.subarray(['active', 'lifted'] as const),
})

type ContactSpec = typeof contactArb extends fc.Arbitrary<infer T> ? T : never

describe.each(ENGINES)('merge then undo leaves the database as it was, on %s', (engine) => {
  let rt: TestRuntime
  let workspaceId: string
  let channelId: string
  let serial = 0

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
    ;[{ workspace_id: workspaceId, id: channelId }] = (await queryRows<{ workspace_id: string; id: string }>(
      rt.db.db,
      sql`select workspace_id, id from whatsapp_channels limit 1`,
    )) as [{ workspace_id: string; id: string }]
  }, 60_000)
  afterAll(async () => rt?.close())

  const dump = async () => {
    const out: Record<string, unknown[]> = {}
    for (const t of DUMPED) {
      out[t] = (
        await queryRows<{ row: unknown }>(
          rt.db.db,
          sql.raw(`select to_jsonb(x) as row from ${t} x order by to_jsonb(x)::text`),
        )
      ).map((r) => r.row)
    }
    return out
  }

  const seed = async (spec: ContactSpec) => {
    const n = ++serial
    const phone = spec.hasPhone ? `+8529${String(1_000_000 + n).padStart(7, '0')}` : null
    const [row] = await queryRows<{ id: string }>(
      rt.db.db,
      sql`insert into contacts (workspace_id, phone_e164, wa_id, bsuid, name, email, opt_in_status, marketing_opt_out_at, attributes, created_at)
          values (${workspaceId}, ${phone}, ${phone?.slice(1) ?? null}, ${spec.bsuid || !phone ? `HK.${900000 + n}` : null}, ${spec.name},
                  ${spec.email}, ${spec.optIn}, ${spec.marketingStop ? new Date(Date.UTC(2026, 0, (n % 28) + 1)).toISOString() : null}::timestamptz,
                  ${JSON.stringify(spec.attributes)}::jsonb, now() - ${`${n} seconds`}::interval)
          returning id`,
    )
    const id = row?.id as string
    for (let m = 0; m < spec.messages; m++) {
      await rt.db.db.execute(sql`
        insert into messages (workspace_id, channel_id, contact_id, wamid, direction, type, text, status, sender, sent_at)
        values (${workspaceId}, ${channelId}, ${id}, ${`wamid.prop.${n}.${m}`}, 'inbound', 'text', ${`m${m}`}, 'received', 'customer', now())`)
    }
    for (const key of spec.tags) {
      await rt.db.db.execute(
        sql`insert into tags (workspace_id, key, label) values (${workspaceId}, ${key}, ${key}) on conflict do nothing`,
      )
      await rt.db.db.execute(sql`
        insert into contact_tags (workspace_id, contact_id, tag_id, source)
        select ${workspaceId}, ${id}, id, 'manual' from tags where workspace_id = ${workspaceId} and key = ${key}`)
    }
    for (const sku of spec.interests) {
      await rt.db.db.execute(sql`
        insert into contact_interests (workspace_id, contact_id, sku, mentions, first_at, last_at)
        values (${workspaceId}, ${id}, ${sku}, ${1 + (n % 3)}, now() - interval '3 days', now() - ${`${n % 5} hours`}::interval)`)
    }
    for (const hold of spec.holds) {
      await rt.db.db.execute(sql`
        insert into legal_holds (workspace_id, contact_id, reason, placed_by, placed_at, lifted_at, lifted_by, lift_reason)
        values (${workspaceId}, ${id}, ${`case ${n}`}, 'admin:test', now() - interval '2 days',
                ${hold === 'lifted' ? sql`now() - interval '1 day'` : sql`null`}, ${hold === 'lifted' ? 'admin:test' : null},
                ${hold === 'lifted' ? 'closed' : null})`)
    }
    if (spec.messages > 0) {
      // A churn mark and its recovery: the person's history moves with them and comes back on undo.
      await rt.db.db.execute(sql`
        insert into churn_risk_changes (workspace_id, contact_id, at, at_risk)
        values (${workspaceId}, ${id}, now() - interval '3 days', true), (${workspaceId}, ${id}, now() - interval '1 day', false)`)
    }
    if (spec.previousPhone) {
      await rt.db.db.execute(sql`
        insert into contact_identity_history (workspace_id, contact_id, kind, previous_value, new_value, reason, changed_at)
        values (${workspaceId}, ${id}, 'phone', ${`+8526${String(1_000_000 + n).padStart(7, '0')}`}, ${phone}, 'number_change', now())`)
    }
    return id
  }

  it('for random contacts, random merges (chained or not) and their undos in reverse order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(contactArb, { minLength: 2, maxLength: 4 }),
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.nat(),
            fc.boolean(),
            fc.dictionary(fc.constantFrom(...MERGE_FIELDS), fc.boolean()),
          ),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        async (specs, plan) => {
          const ids: string[] = []
          for (const spec of specs) ids.push(await seed(spec))
          const before = await dump()
          const alive = [...ids]
          const merges: string[] = []
          for (const [i, j, swap, picks] of plan) {
            if (alive.length < 2) break
            const x = alive[i % alive.length] as string
            const rest = alive.filter((id) => id !== x)
            const y = rest[j % rest.length] as string
            const [a, b] = x < y ? [x, y] : [y, x]
            const [cand] = await queryRows<{ id: string }>(
              rt.db.db,
              sql`insert into duplicate_candidates (workspace_id, contact_a, contact_b, score, reasons)
                  values (${workspaceId}, ${a}, ${b}, 0.9, '[]'::jsonb) returning id`,
            )
            const [survivor, absorbed] = swap ? [y, x] : [x, y]
            const fields = Object.fromEntries(
              Object.entries(picks).map(([f, fromAbsorbed]) => [f, fromAbsorbed ? absorbed : survivor]),
            )
            const merge = await mergeCandidate(
              rt.db.db,
              workspaceId,
              cand?.id as string,
              { survivorId: survivor, fields },
              'prop',
            )
            merges.push(merge.id)
            alive.splice(alive.indexOf(absorbed), 1)
          }
          // Nothing a merge touches is lost: every message and tag of the absorbed contacts is on a survivor.
          const [{ n: messagesAfter }] = (await queryRows<{ n: number }>(
            rt.db.db,
            sql`select count(*)::int as n from messages where contact_id = any(${`{${alive.join(',')}}`}::uuid[])`,
          )) as [{ n: number }]
          expect(messagesAfter).toBe(specs.reduce((s, c) => s + c.messages, 0))
          for (const id of merges.reverse()) await undoMerge(rt.db.db, workspaceId, id, 'prop')
          expect(await dump()).toEqual(before)
        },
      ),
      { numRuns: engine === 'pg' ? 25 : 40 },
    )
  }, 300_000)

  it('moves the rows of every table that belongs to a contact (no cascade can take them)', async () => {
    const referencing = await queryRows<{ table_name: string }>(
      rt.db.db,
      sql`select distinct cl.relname as table_name
            from pg_constraint c join pg_class cl on cl.oid = c.conrelid join pg_class ref on ref.oid = c.confrelid
           where c.contype = 'f' and ref.relname = 'contacts' order by 1`,
    )
    expect(referencing.map((r) => r.table_name).sort()).toEqual(MERGE_TABLES.map((t) => t.name).sort())
  })
})
