import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../support/test-runtime'

interface AuditEntryJson {
  action: string
  actor_type: string
  actor_id: string
  target_id: string | null
  detail: { params: Record<string, string>; body: Record<string, unknown> }
}

describe.each(ENGINES)('audit log on %s', (engine) => {
  let rt: TestRuntime
  let key: string
  let channelId: string
  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    const created = await rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Loja Audit' } })
    expect(created.status).toBe(201)
    key = (await created.json()).api_key
    const channel = await registerChannel(rt, NUMBER_A, 'BR', key)
    expect(channel.status).toBeLessThan(300)
    channelId = (await channel.json()).channel.id
  }, 120_000)
  afterAll(async () => rt?.close())

  const trail = async (query = '') => {
    const res = await rt.api(`/api/v1/audit${query}`, { key })
    expect(res.status).toBe(200)
    const body: { entries: AuditEntryJson[]; next_cursor: string | null } = await res.json()
    return body
  }

  it('records a change with who made it, the route, the target and what changed, never the secret', async () => {
    const res = await rt.api(`/api/v1/channels/${channelId}`, {
      method: 'PATCH',
      key,
      json: { mps: 40, coexistence: false },
    })
    expect(res.status).toBe(200)
    const { entries } = await trail()
    const patch = entries.find((e) => e.action === 'PATCH /api/v1/channels/{id}')
    expect(patch).toMatchObject({
      actor_type: 'api_key',
      scope: 'admin',
      target_type: 'channels',
      target_id: channelId,
      status: 200,
      detail: { params: { id: channelId }, body: { mps: 40, coexistence: false } },
    })
    const [keyRow] = await queryRows<{ id: string }>(
      rt.db.db,
      sql`select id::text from api_keys where workspace_id = (select workspace_id from whatsapp_channels where id = ${channelId}::uuid)`,
    )
    expect(patch?.actor_id).toBe(keyRow?.id)
    const register = entries.find((e) => e.action === 'POST /api/v1/channels')
    expect(register?.detail.body.access_token).toBe('[changed]')
    expect(JSON.stringify(entries)).not.toContain('EAAG-test-token-not-real')
  })

  it('does not record reads or refused changes', async () => {
    const before = (await trail()).entries.length
    await rt.api('/api/v1/channels', { key })
    const refused = await rt.api(`/api/v1/channels/${channelId}`, { method: 'PATCH', key, json: { mps: 0 } })
    expect(refused.status).toBe(400)
    expect((await trail()).entries.length).toBe(before)
  })

  it('shows a workspace only its own trail, newest first, a page at a time', async () => {
    for (const mps of [10, 11, 12]) {
      await rt.api(`/api/v1/channels/${channelId}`, { method: 'PATCH', key, json: { mps } })
    }
    const page = await trail('?limit=2&action=PATCH%20%2Fapi%2Fv1%2Fchannels%2F%7Bid%7D')
    expect(page.entries.map((e) => e.detail.body.mps)).toEqual([12, 11])
    const next = await trail(
      `?limit=2&action=PATCH%20%2Fapi%2Fv1%2Fchannels%2F%7Bid%7D&cursor=${page.next_cursor}`,
    )
    expect(next.entries.map((e) => e.detail.body.mps)).toEqual([10, 40])
    // The platform key's own workspace sees none of this workspace's entries.
    const platform = await (await rt.api('/api/v1/audit')).json()
    expect(platform.entries.some((e: { target_id: string }) => e.target_id === channelId)).toBe(false)
  })

  it('is append-only: the database refuses to change or delete an entry', async () => {
    await expect(rt.db.db.execute(sql`update audit_log set action = 'nothing happened'`)).rejects.toThrow()
    await expect(rt.db.db.execute(sql`delete from audit_log`)).rejects.toThrow()
    expect((await trail()).entries.length).toBeGreaterThan(0)
  })
})

describe.each(ENGINES)('audit retention on %s', (engine) => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startTestRuntime(engine, { AUDIT_RETENTION_DAYS: '200' })
  }, 120_000)
  afterAll(async () => rt?.close())

  it('the daily job removes entries past retention, and only its own transaction may delete', async () => {
    const [ws] = await queryRows<{ id: string }>(
      rt.db.db,
      sql`insert into workspaces (name) values ('Loja R') returning id`,
    )
    const id = ws?.id as string
    for (const days of [400, 201, 199, 1])
      await rt.db.db.execute(
        sql`insert into audit_log (workspace_id, at, actor_type, action)
            values (${id}::uuid, now() - make_interval(days => ${days}), 'system', ${`test.${days}`})`,
      )
    const { auditRetentionJob } = await import('../../backend/src/lifecycle/audit-retention')
    await auditRetentionJob(rt.db.db, {
      schedule: '30 3 * * *',
      retentionDays: 200,
      logger: rt.deps.logger,
    }).run({
      workspaceId: id,
      scheduledFor: new Date(),
    })
    const left = await queryRows<{ action: string }>(
      rt.db.db,
      sql`select action from audit_log where workspace_id = ${id}::uuid order by at`,
    )
    expect(left.map((r) => r.action)).toEqual(['test.199', 'test.1'])
    await expect(
      rt.db.db.execute(sql`delete from audit_log where workspace_id = ${id}::uuid`),
    ).rejects.toThrow()
  })
})
