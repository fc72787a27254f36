import { sql } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { createLogger } from '../../backend/src/lib/logger'
import { startRuntime } from '../../backend/src/runtime'
import { registerTemplate, templateContent } from '../support/conversation'
import { type SendHarness, startSendHarness } from '../support/send-harness'
import { ENGINES } from '../support/test-db'

const HELLO = { name: 'hello_world', language: 'en_US' }

describe.each(ENGINES)('broadcasts on %s', (engine) => {
  let h: SendHarness
  afterEach(async () => h?.close())

  /** `n` contacts with WhatsApp numbers, none of whom wrote (business-initiated sends). */
  const seedContacts = async (n: number, prefix: string) => {
    const [ws] = await queryRows<{ id: string }>(h.rt.db.db, sql`select id from workspaces limit 1`)
    const rows = await queryRows<{ id: string }>(
      h.rt.db.db,
      sql`insert into contacts (workspace_id, phone_e164, wa_id)
          select ${ws?.id}::uuid, '+' || ${prefix} || lpad(g::text, 5, '0'), ${prefix} || lpad(g::text, 5, '0')
          from generate_series(1, ${n}) g returning id`,
    )
    return rows.map((r) => r.id)
  }
  const start = async (contactIds: string[], extra: Record<string, unknown> = {}) => {
    const res = await h.rt.api('/api/v1/broadcasts', {
      method: 'POST',
      json: {
        name: 'Black Friday',
        template: templateContent(HELLO.name),
        audience: { contact_ids: contactIds },
        ...extra,
      },
    })
    return { status: res.status, body: await res.json() }
  }
  const progress = async (id: string) => (await h.rt.api(`/api/v1/broadcasts/${id}`)).json()

  it('estimates the calls in a preflight and spreads out a broadcast beyond 80 % of the tier', async () => {
    h = await startSendHarness(engine)
    await registerTemplate(h.rt, HELLO.name, 'utility', 'Hello')
    const ids = await seedContacts(210, '55119700')
    const small = await start(ids.slice(0, 20), { dry_run: true })
    expect(small.status).toBe(200)
    expect(small.body.estimate).toMatchObject({ recipients: 20, api_calls: 60, mode: 'normal', reason: null })
    await h.rt.db.db.execute(sql`update whatsapp_channels set tier_limit = 250`)
    const big = await start(ids, { dry_run: true })
    expect(big.body.estimate).toMatchObject({
      recipients: 210,
      api_calls: 630,
      tier_room: 250,
      mode: 'spread',
    })
    expect(big.body.estimate.reason).toMatch(/exceed 80 % of the 250 new recipients/)
  })

  it('sends the template once to every recipient and completes', async () => {
    h = await startSendHarness(engine)
    await registerTemplate(h.rt, HELLO.name, 'utility', 'Hello')
    const ids = await seedContacts(40, '55119710')
    const { status, body } = await start(ids)
    expect(status).toBe(202)
    expect(body).toMatchObject({ state: 'running', mode: 'normal' })
    const done = await h.waitFor(
      () => progress(body.id),
      (p) => p.state === 'completed',
      20_000,
    )
    expect(done.jobs).toEqual({ sent: 40 })
    expect(done.queued_recipients).toBe(40)
    const recipients = h.sim.sent.map((s) => s.recipient)
    expect(new Set(recipients).size).toBe(40)
    expect(recipients).toHaveLength(40)
    expect(h.sim.stats().violations).toEqual({ throughput: 0, pair: 0, tier: 0, window: 0 })
    // A second broadcast to the same people is a new broadcast (and the policy decides).
    const again = await start(ids.slice(0, 1))
    expect(again.status).toBe(202)
  })

  it('pauses, resumes and cancels', async () => {
    h = await startSendHarness(engine, {
      numbers: [
        {
          phoneNumberId: '106540352242922',
          displayPhoneNumber: '15550783881',
          wabaId: '102290129340398',
          mps: 5,
          tierLimit: null,
        },
      ],
    })
    await h.rt.api(`/api/v1/channels/${h.channelId}`, { method: 'PATCH', json: { mps: 5 } })
    await registerTemplate(h.rt, HELLO.name, 'utility', 'Hello')
    const ids = await seedContacts(30, '55119720')
    const { body } = await start(ids)
    await h.waitFor(
      () => Promise.resolve(h.sim.stats().accepted),
      (n) => n >= 3,
    )
    expect(
      (await (await h.rt.api(`/api/v1/broadcasts/${body.id}/pause`, { method: 'POST' })).json()).state,
    ).toBe('paused')
    await new Promise((r) => setTimeout(r, 600))
    const atPause = h.sim.stats().accepted
    await new Promise((r) => setTimeout(r, 1_000))
    expect(h.sim.stats().accepted).toBe(atPause)
    const paused = await progress(body.id)
    expect(paused.state).toBe('paused')
    expect(paused.jobs.held).toBeGreaterThan(0)
    const again = await h.rt.api(`/api/v1/broadcasts/${body.id}/pause`, { method: 'POST' })
    expect(again.status).toBe(409)

    await h.rt.api(`/api/v1/broadcasts/${body.id}/resume`, { method: 'POST' })
    await h.waitFor(
      () => Promise.resolve(h.sim.stats().accepted),
      (n) => n >= atPause + 3,
    )
    expect(
      (await (await h.rt.api(`/api/v1/broadcasts/${body.id}/cancel`, { method: 'POST' })).json()).state,
    ).toBe('cancelled')
    await new Promise((r) => setTimeout(r, 500))
    const final = await progress(body.id)
    expect(final.state).toBe('cancelled')
    expect(final.jobs.cancelled).toBeGreaterThan(0)
    expect((final.jobs.sent ?? 0) + final.jobs.cancelled).toBe(30)
    expect(new Set(h.sim.sent.map((s) => s.recipient)).size).toBe(h.sim.sent.length)
  })

  it('survives a restart mid-broadcast: every recipient gets it exactly once', async () => {
    h = await startSendHarness(engine, {
      numbers: [
        {
          phoneNumberId: '106540352242922',
          displayPhoneNumber: '15550783881',
          wabaId: '102290129340398',
          mps: 20,
          tierLimit: null,
        },
      ],
    })
    await h.rt.api(`/api/v1/channels/${h.channelId}`, { method: 'PATCH', json: { mps: 20 } })
    await registerTemplate(h.rt, HELLO.name, 'utility', 'Hello')
    const ids = await seedContacts(60, '55119730')
    const { body } = await start(ids)
    await h.waitFor(
      () => Promise.resolve(h.sim.stats().accepted),
      (n) => n >= 10,
    )
    // The first process stops mid-run (sender and expander halted); a second one takes over the
    // same database with short leases, as a restarted deployment would.
    await h.rt.broadcastExpander.stop()
    await h.rt.sender.stop()
    const second = await startRuntime(
      { ...h.rt.config, SENDER_POLL_MS: 50, SENDER_LEASE_MS: 1_000, SENDER_RECONCILE_MS: 1_000 },
      createLogger('silent'),
      { db: h.rt.db, ownsDb: false },
    )
    try {
      await h.waitFor(
        () => progress(body.id),
        (p) => p.state === 'completed',
        30_000,
      )
      expect(h.sim.sent).toHaveLength(60)
      expect(new Set(h.sim.sent.map((s) => s.recipient)).size).toBe(60)
      expect(h.sim.stats().duplicatesByClientId).toBe(0)
    } finally {
      await second.close()
    }
  })
})
