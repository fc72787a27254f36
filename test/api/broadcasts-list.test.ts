import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { type SeededContact, seedTaggedContacts } from '../support/broadcast-seed'
import { registerTemplate } from '../support/conversation'
import { ENGINES } from '../support/test-db'
import {
  NUMBER_A,
  NUMBER_B,
  registerChannel,
  startTestRuntime,
  type TestRuntime,
} from '../support/test-runtime'

const TEMPLATE = { name: 'spring_sale', language: 'en_US' }

/**
 * GET /api/v1/broadcasts (newest first, paged by cursor, each workspace its own) and the dry run's
 * count of what the sending policy would refuse, by reason. The sender is off: nothing is sent.
 */
describe.each(ENGINES)('broadcast list and preflight refusals on %s', (engine) => {
  let rt: TestRuntime
  let otherKey: string
  let vip: SeededContact[]
  const mine: string[] = []
  let theirs: string

  const start = async (name: string, audience: Record<string, unknown>, key?: string, dryRun = false) => {
    const res = await rt.api('/api/v1/broadcasts', {
      method: 'POST',
      key,
      json: { name, template: { ...TEMPLATE, components: [] }, audience, dry_run: dryRun },
    })
    return { status: res.status, body: await res.json() }
  }

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    const created = await rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Loja Dois' } })
    otherKey = (await created.json()).api_key
    expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
    expect((await registerChannel(rt, NUMBER_B, 'BR', otherKey)).status).toBe(201)
    await registerTemplate(rt, TEMPLATE.name, 'marketing', 'Spring sale!')
    const tpl = await rt.api('/api/v1/templates', {
      method: 'POST',
      key: otherKey,
      json: { ...TEMPLATE, category: 'marketing', components: [{ type: 'BODY', text: 'Spring sale!' }] },
    })
    expect(tpl.status).toBe(200)
    vip = await seedTaggedContacts(rt, { n: 6, prefix: '55119810', tag: 'vip', segment: 'high_intent' })
    const [otherWs] = await queryRows<{ id: string }>(
      rt.db.db,
      sql`select id from workspaces where name = 'Loja Dois'`,
    )
    await seedTaggedContacts(rt, {
      n: 2,
      prefix: '55119820',
      tag: 'vip',
      key: otherKey,
      workspaceId: otherWs?.id,
    })
    for (const name of ['First', 'Second', 'Third']) {
      const { status, body } = await start(name, { tag: 'vip' })
      expect(status).toBe(202)
      mine.push(body.id)
    }
    const other = await start('Theirs', { tag: 'vip' }, otherKey)
    expect(other.status).toBe(202)
    theirs = other.body.id
  })
  afterAll(async () => rt?.close())

  it('lists the workspace broadcasts newest first, paged by cursor, with template, audience and jobs', async () => {
    const first = await (await rt.api('/api/v1/broadcasts?limit=2')).json()
    expect(first.broadcasts.map((b: { name: string }) => b.name)).toEqual(['Third', 'Second'])
    expect(first.next_cursor).toEqual(expect.any(String))
    expect(first.broadcasts[0]).toMatchObject({
      state: 'running',
      mode: 'normal',
      template: TEMPLATE,
      audience: { tag: 'vip' },
      estimate: { recipients: 6 },
      jobs: {},
    })
    const second = await (
      await rt.api(`/api/v1/broadcasts?limit=2&cursor=${encodeURIComponent(first.next_cursor)}`)
    ).json()
    expect(second.broadcasts.map((b: { name: string }) => b.name)).toEqual(['First'])
    expect(second.next_cursor).toBeNull()
    const all = await (await rt.api('/api/v1/broadcasts')).json()
    expect(all.broadcasts.map((b: { id: string }) => b.id)).toEqual([...mine].reverse())
  })

  it('shows each workspace only its own broadcasts; another workspace id answers 404', async () => {
    const other = await (await rt.api('/api/v1/broadcasts', { key: otherKey })).json()
    expect(other.broadcasts.map((b: { id: string }) => b.id)).toEqual([theirs])
    const all = await (await rt.api('/api/v1/broadcasts?limit=100')).json()
    expect(all.broadcasts.map((b: { id: string }) => b.id)).not.toContain(theirs)
    const foreign = await rt.api(`/api/v1/broadcasts/${mine[0]}`, { key: otherKey })
    expect(foreign.status).toBe(404)
    expect((await foreign.json()).error.code).toBe('not_found')
    const cancel = await rt.api(`/api/v1/broadcasts/${mine[0]}/cancel`, { method: 'POST', key: otherKey })
    expect(cancel.status).toBe(404)
  })

  it('refuses a bad limit or cursor with the error envelope', async () => {
    for (const q of ['limit=0', 'limit=101', 'cursor=yesterday', `cursor=${'9'.repeat(300)}`]) {
      const res = await rt.api(`/api/v1/broadcasts?${q}`)
      expect(res.status, q).toBe(400)
      expect((await res.json()).error.code, q).toBe('validation_failed')
    }
  })

  it('counts in a dry run what the policy would refuse, by reason, with the expander decision code', async () => {
    const [a, b, c] = vip
    await rt.db.db.execute(sql`update contacts set opt_in_status = 'opted_out' where id = ${a?.id}`)
    await rt.db.db.execute(sql`update contacts set marketing_opt_out_at = now() where id = ${b?.id}`)
    await rt.db.db.execute(sql`update contacts set unreachable_at = now() where id = ${c?.id}`)
    const dry = await start('Preview', { tag: 'vip' }, undefined, true)
    expect(dry.status).toBe(200)
    expect(dry.body.estimate).toMatchObject({ recipients: 6, api_calls: 18, mode: 'normal' })
    expect(dry.body.refusals).toEqual(
      expect.arrayContaining([
        { reason: 'opted_out', recipients: 1, message: expect.stringContaining('opted out') },
        { reason: 'marketing_opted_out', recipients: 1, message: expect.any(String) },
        { reason: 'contact_unreachable', recipients: 1, message: expect.any(String) },
      ]),
    )
    expect(dry.body.refusals).toHaveLength(3)
    // The dry run wrote nothing: no broadcast, no job.
    const all = await (await rt.api('/api/v1/broadcasts?limit=100')).json()
    expect(all.broadcasts).toHaveLength(3)

    // The expander, driven by hand, refuses exactly what the preview said (the earlier broadcasts
    // cancelled first: their sends would count against the caps of this one).
    for (const id of mine) await rt.api(`/api/v1/broadcasts/${id}/cancel`, { method: 'POST' })
    const started = await start('Real', { tag: 'vip' })
    await rt.broadcastExpander.runOnce()
    const progress = await (await rt.api(`/api/v1/broadcasts/${started.body.id}`)).json()
    expect(progress.refused).toEqual({ opted_out: 1, marketing_opted_out: 1, contact_unreachable: 1 })
    expect(progress.jobs).toEqual({ queued: 3 })
  })

  it('takes a segment as the audience', async () => {
    const dry = await start('Segment', { segment: 'high_intent' }, undefined, true)
    expect(dry.status).toBe(200)
    expect(dry.body.estimate.recipients).toBe(6)
    const none = await start('Segment', { segment: 'lost' }, undefined, true)
    expect(none.body.estimate.recipients).toBe(0)
    const bad = await start('Segment', { segment: 'whales' }, undefined, true)
    expect(bad.status).toBe(400)
    const started = await start('Segment', { segment: 'high_intent' })
    expect(started.status).toBe(202)
    expect(started.body.audience).toEqual({ segment: 'high_intent' })
  })
})
