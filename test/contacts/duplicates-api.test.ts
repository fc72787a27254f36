import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dedupScanJob } from '../../backend/src/contacts/dedup/scan-job'
import { queryRows } from '../../backend/src/db/query-rows'
import { Scheduler } from '../../backend/src/jobs/scheduler'
import { createLogger } from '../../backend/src/lib/logger'
import { type Sender, singleText } from '../simulators/whatsapp/envelopes'
import { metaDelivery } from '../simulators/whatsapp/webhook-sender'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../support/test-runtime'

type Candidate = {
  id: string
  score: number
  reasons: { code: string; detail: string }[]
  contacts: { id: string; name: string | null; phone: string | null; messages: number }[]
}

describe.each(ENGINES)('duplicates: review, merge, undo, dismiss on %s', (engine) => {
  let rt: TestRuntime
  let workspaceId: string
  const say = async (sender: Sender, body: string) => {
    const d = metaDelivery(singleText(NUMBER_A, sender, body), rt.config.WHATSAPP_APP_SECRET as string)
    expect(
      (await rt.request('/webhooks/whatsapp', { method: 'POST', body: d.body, headers: d.headers })).status,
    ).toBe(200)
    await rt.worker.drain()
  }
  const contactId = async (phone: string) =>
    (await queryRows<{ id: string }>(rt.db.db, sql`select id from contacts where phone_e164 = ${phone}`))[0]
      ?.id as string
  const scan = async () => (await rt.api('/api/v1/duplicates/scan', { method: 'POST' })).json()
  const candidates = async (): Promise<Candidate[]> =>
    (await (await rt.api('/api/v1/duplicates')).json()).duplicates
  const tag = (id: string, key: string) =>
    rt.api(`/api/v1/contacts/${id}/tags`, { method: 'POST', json: { key } })

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    expect((await registerChannel(rt, NUMBER_A, 'HK')).status).toBe(201)
    // Automatic merges off for the review tests; one test turns them on.
    workspaceId = (await queryRows<{ id: string }>(rt.db.db, sql`select id from workspaces limit 1`))[0]
      ?.id as string
    await rt.db.db.execute(
      sql`update workspaces set settings = settings || '{"dedup":{"auto_merge_score":1.01}}'::jsonb where id = ${workspaceId}`,
    )
  }, 60_000)
  afterAll(async () => rt?.close())

  it('refuses with 409 an undo that would hand back a number a newer contact now holds', async () => {
    await say({ waId: '85291237001', name: 'Lee Ka Ming' }, 'old phone')
    await say({ waId: '85261237002', name: 'Lee Ka-ming' }, 'new phone')
    const older = await contactId('+85291237001')
    const newer = await contactId('+85261237002')
    await rt.db.db.execute(
      sql`update contacts set email = 'kaming@example.org' where id in (${older}, ${newer})`,
    )
    await scan()
    const pair = (await candidates()).find(
      (c) => c.contacts.some((s) => s.id === older) && c.contacts.some((s) => s.id === newer),
    )
    // The older contact survives but keeps the newer contact's number.
    const merged = await rt.api(`/api/v1/duplicates/${pair?.id}/merge`, {
      method: 'POST',
      json: { survivor_id: older, fields: { phone: newer } },
    })
    expect(merged.status, await merged.clone().text()).toBe(200)
    const merge = await merged.json()
    // Someone new now writes from the survivor's old number.
    await say({ waId: '85291237001', name: 'Someone Else' }, 'hello')
    const stranger = await contactId('+85291237001')
    expect(stranger).not.toBe(older)

    const refused = await rt.api(`/api/v1/merges/${merge.id}/undo`, { method: 'POST' })
    expect(refused.status).toBe(409)
    expect((await refused.json()).error.message).toContain(stranger)
    const [still] = await queryRows<{ phone: string }>(
      rt.db.db,
      sql`select phone_e164 as phone from contacts where id = ${older}`,
    )
    expect(still?.phone).toBe('+85261237002')
  })

  it('proposes a pair with its reasons, shows it on both threads, merges keeping everything and undoes exactly', async () => {
    await say({ waId: '85291230001', name: 'Chan Tai Man' }, 'first number')
    await say({ waId: '85261230002', name: 'Chan Tai-man' }, 'second number')
    const a = await contactId('+85291230001')
    const b = await contactId('+85261230002')
    // The CRM-side phone field of the second contact holds the first number, typed locally.
    await rt.db.db.execute(
      sql`update contacts set attributes = '{"mobile_phone":"9123 0001"}'::jsonb where id = ${b}`,
    )
    expect((await tag(a, 'vip')).status).toBe(200)
    expect((await tag(b, 'wholesale')).status).toBe(200)

    const found = await scan()
    expect(found).toMatchObject({ candidates: 1, auto_merged: 0 })
    const [candidate] = await candidates()
    expect(candidate?.reasons.map((r) => r.code).sort()).toEqual(['name_similar', 'same_phone'])
    expect(candidate?.reasons.find((r) => r.code === 'same_phone')?.detail).toBe('+85291230001')
    expect(candidate?.contacts.map((c) => c.id).sort()).toEqual([a, b].sort())
    expect(candidate?.contacts.every((c) => c.messages === 1)).toBe(true)

    const thread = await (await rt.api('/api/v1/thread?phone=%2B85261230002')).json()
    expect(thread.duplicates).toEqual([
      expect.objectContaining({
        candidate_id: candidate?.id,
        other: { id: a, name: 'Chan Tai Man', phone: '+85291230001' },
        reasons: expect.arrayContaining([{ code: 'same_phone', detail: '+85291230001' }]),
      }),
    ])

    // Rules may tag either person on their own (e.g. a message read as a request for an agent): all stay.
    const tagsOf = async (phone: string) =>
      (await (await rt.api(`/api/v1/thread?phone=${encodeURIComponent(phone)}`)).json()).tags.map(
        (t: { key: string }) => t.key,
      ) as string[]
    const tagsBefore = [
      ...new Set([...(await tagsOf('+85291230001')), ...(await tagsOf('+85261230002'))]),
    ].sort()
    expect(tagsBefore).toEqual(expect.arrayContaining(['vip', 'wholesale']))
    const before = await dump(rt)
    const merged = await rt.api(`/api/v1/duplicates/${candidate?.id}/merge`, {
      method: 'POST',
      json: { survivor_id: a, fields: { name: b } },
    })
    expect(merged.status).toBe(200)
    const merge = await merged.json()
    expect(merge).toMatchObject({ survivor_id: a, absorbed_id: b, origin: 'review', undone_at: null })
    expect(merge.moved.messages).toEqual({ moved: 1, set_aside: 0, combined: 0 })

    // Both numbers find the survivor; the newer number (by default, the newest value wins) is current.
    expect((await (await rt.api('/api/v1/thread?phone=%2B85291230001')).json()).contact.id).toBe(a)
    const after = await (await rt.api('/api/v1/thread?phone=%2B85261230002')).json()
    expect(after.contact).toMatchObject({ id: a, name: 'Chan Tai-man', phone: '+85261230002' })
    expect(after.messages.map((m: { text: string }) => m.text).sort()).toEqual([
      'first number',
      'second number',
    ])
    expect(after.tags.map((t: { key: string }) => t.key).sort()).toEqual(tagsBefore)
    expect(after.identity_changes).toEqual([
      expect.objectContaining({ kind: 'phone', from: '+85291230001', to: '+85261230002', reason: 'merge' }),
    ])
    expect(after.duplicates).toEqual([])
    expect(await candidates()).toEqual([])

    const undone = await rt.api(`/api/v1/merges/${merge.id}/undo`, { method: 'POST' })
    expect(undone.status).toBe(200)
    expect((await undone.json()).undone_at).toEqual(expect.any(String))
    expect(await dump(rt)).toEqual(before)
    const again = await rt.api(`/api/v1/merges/${merge.id}/undo`, { method: 'POST' })
    expect(again.status).toBe(409)
    // Undone means "not one person": the next scan does not propose it again.
    await scan()
    expect(await candidates()).toEqual([])
  })

  it('dismisses a pair for good and refuses to decide it twice', async () => {
    await say({ waId: '85291230011', name: 'Maria Wong' }, 'x')
    await say({ waId: '85291230012', name: 'Maria Wong' }, 'y')
    const [x, y] = [await contactId('+85291230011'), await contactId('+85291230012')]
    await rt.db.db.execute(
      sql`update contacts set email = case when id = ${x} then 'maria.wong@gmail.com' else 'MariaWong+shop@gmail.com' end where id in (${x}, ${y})`,
    )
    await scan()
    const [candidate] = (await candidates()).filter((c) => c.contacts.some((s) => s.id === x))
    expect(candidate?.reasons.map((r) => r.code).sort()).toEqual(['name_similar', 'same_email'])
    const dismissed = await rt.api(`/api/v1/duplicates/${candidate?.id}/dismiss`, { method: 'POST' })
    expect(await dismissed.json()).toEqual({ id: candidate?.id, state: 'dismissed' })
    expect((await rt.api(`/api/v1/duplicates/${candidate?.id}/merge`, { method: 'POST' })).status).toBe(409)
    await scan()
    expect((await candidates()).filter((c) => c.contacts.some((s) => s.id === x))).toEqual([])
  })

  it('merges exact-identity pairs automatically above the configured score, fuzzy ones never', async () => {
    await say({ waId: '85291230021', name: 'Lee Ka Ho' }, 'p')
    await say({ waId: '85291230022', name: 'Lee Ka Ho' }, 'q')
    await say({ waId: '85291230023', name: 'Ng Siu Fung' }, 'r')
    await say({ waId: '85291230024', name: 'Ng Siu Fung' }, 's')
    const [p, q, r, s] = await Promise.all(
      ['+85291230021', '+85291230022', '+85291230023', '+85291230024'].map(contactId),
    )
    await rt.db.db.execute(sql`update contacts set email = 'ka.ho.lee@example.com' where id in (${p}, ${q})`)
    // r and s share only a name and a product: fuzzy evidence, for a person to judge.
    await rt.db.db.execute(sql`
      insert into contact_interests (workspace_id, contact_id, sku, mentions, first_at, last_at)
      values (${workspaceId}, ${r}, 'SKU-1', 1, now(), now()), (${workspaceId}, ${s}, 'SKU-1', 1, now(), now())`)
    await rt.db.db.execute(
      sql`update workspaces set settings = settings || '{"dedup":{"auto_merge_score":0.95}}'::jsonb where id = ${workspaceId}`,
    )
    const result = await scan()
    expect(result.auto_merged).toBe(1)
    const left = await queryRows<{ id: string }>(
      rt.db.db,
      sql`select id from contacts where id in (${p}, ${q}, ${r}, ${s})`,
    )
    expect(left.map((l) => l.id).sort()).toEqual([p, r, s].sort())
    const merges = (await (await rt.api('/api/v1/merges')).json()).merges
    expect(merges[0]).toMatchObject({ survivor_id: p, absorbed_id: q, origin: 'automatic' })
    const open = (await candidates()).find((c) => c.contacts.some((x) => x.id === r))
    expect(open?.reasons.map((x) => x.code).sort()).toEqual(['name_similar', 'same_sku_90d'])
    await rt.db.db.execute(
      sql`update workspaces set settings = settings || '{"dedup":{"auto_merge_score":1.01}}'::jsonb where id = ${workspaceId}`,
    )
  })

  it('refuses to undo a merge a later merge depends on, and names it', async () => {
    const ids: string[] = []
    for (const [n, name] of [
      ['85291230031', 'Ho Wing'],
      ['85291230032', 'Ho Wing'],
      ['85291230033', 'Ho Wing'],
    ] as const) {
      await say({ waId: n, name }, name)
      ids.push(await contactId(`+${n}`))
    }
    await rt.db.db.execute(
      sql`update contacts set email = 'howing@example.org' where id in (${ids[0]}, ${ids[1]}, ${ids[2]})`,
    )
    await scan()
    const mine = () =>
      candidates().then((list) => list.filter((c) => c.contacts.some((s) => ids.includes(s.id))))
    const first = (await mine()).find(
      (c) => c.contacts.some((s) => s.id === ids[1]) && c.contacts.some((s) => s.id === ids[0]),
    )
    const m1 = await (
      await rt.api(`/api/v1/duplicates/${first?.id}/merge`, { method: 'POST', json: { survivor_id: ids[0] } })
    ).json()
    const second = (await mine()).find(
      (c) => c.contacts.some((s) => s.id === ids[2]) && c.contacts.some((s) => s.id === ids[0]),
    )
    const m2 = await (
      await rt.api(`/api/v1/duplicates/${second?.id}/merge`, {
        method: 'POST',
        json: { survivor_id: ids[0] },
      })
    ).json()
    const refused = await rt.api(`/api/v1/merges/${m1.id}/undo`, { method: 'POST' })
    expect(refused.status).toBe(409)
    expect((await refused.json()).error.message).toContain(m2.id)
    expect((await rt.api(`/api/v1/merges/${m2.id}/undo`, { method: 'POST' })).status).toBe(200)
    expect((await rt.api(`/api/v1/merges/${m1.id}/undo`, { method: 'POST' })).status).toBe(200)
    const back = await queryRows<{ n: number }>(
      rt.db.db,
      sql`select count(*)::int as n from contacts where email = 'howing@example.org'`,
    )
    expect(back[0]?.n).toBe(3)
  })

  it('scans every workspace on the schedule through the shared scheduler', async () => {
    await say({ waId: '85291230041', name: 'Tse Mei' }, 'one')
    await say({ waId: '85291230042', name: 'Tse Mei' }, 'two')
    const [m1, m2] = [await contactId('+85291230041'), await contactId('+85291230042')]
    await rt.db.db.execute(sql`update contacts set email = 'tse.mei@example.net' where id in (${m1}, ${m2})`)
    const scheduler = new Scheduler(rt.db.db, {
      jobs: [dedupScanJob(rt.db.db, { schedule: '30 3 * * *', logger: createLogger('silent') })],
      logger: createLogger('silent'),
      since: new Date(Date.now() - 3 * 86_400_000),
    })
    const { runs } = await scheduler.runOnce(new Date())
    expect(runs.filter((r) => r.job === 'dedup-scan').map((r) => r.outcome)).toContain('ok')
    const listed = (await (await rt.api(`/api/v1/duplicates?contact_id=${m1}`)).json())
      .duplicates as Candidate[]
    expect(listed.map((c) => c.contacts.map((x) => x.id).sort())).toEqual([[m1, m2].sort()])
  })

  it('validates input at the edge', async () => {
    expect((await rt.api('/api/v1/duplicates/not-a-uuid/merge', { method: 'POST' })).status).toBe(400)
    const unknown = await rt.api('/api/v1/duplicates/00000000-0000-4000-8000-000000000000/merge', {
      method: 'POST',
      json: { fields: { shoe_size: '00000000-0000-4000-8000-000000000000' } },
    })
    expect(unknown.status).toBe(400)
    expect(
      (await rt.api('/api/v1/duplicates/00000000-0000-4000-8000-000000000000/dismiss', { method: 'POST' }))
        .status,
    ).toBe(404)
  })
})

/** Every contact-owned row of the workspace, to compare before a merge and after its undo. */
export async function dump(rt: TestRuntime): Promise<unknown> {
  const tables = [
    'contacts',
    'messages',
    'contact_tags',
    'contact_interests',
    'send_jobs',
    'contact_identity_history',
  ]
  const out: Record<string, unknown> = {}
  for (const t of tables) {
    out[t] = (
      await queryRows<{ row: unknown }>(rt.db.db, sql.raw(`select to_jsonb(x) as row from ${t} x order by 1`))
    ).map((r) => r.row)
  }
  return out
}
