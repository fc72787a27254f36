import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../../backend/src/db/query-rows'
import { crmConnections } from '../../../backend/src/db/schema'
import { customerWrites } from '../../support/conversation'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../../support/test-runtime'
import { capturedLogs } from '../hubspot/oauth-support'

describe.each(ENGINES)('a connection whose CRM has no provider (%s)', (engine) => {
  const logs = capturedLogs()
  let rt: TestRuntime
  let connectionId: string

  beforeAll(async () => {
    rt = await startTestRuntime(engine, { CRM_SYNC_SETTLE_MS: '0', CRM_SYNC_MAX_WAIT_MS: '0' }, logs.logger)
    await registerChannel(rt, NUMBER_A)
    // A row from before providers were checked: nothing refuses it in the database.
    const [workspace] = await queryRows<{ id: string }>(rt.db.db, sql`select id from workspaces limit 1`)
    const [row] = await rt.db.db
      .insert(crmConnections)
      .values({ workspaceId: workspace?.id as string, provider: 'pipedrive', accountId: 'pipedrive-4711' })
      .returning()
    connectionId = row?.id as string
    await customerWrites(rt, NUMBER_A, { waId: '5511987650401', name: 'Dora' }, 'Olá!')
    await rt.deps.crmEvents.append('pipedrive', [
      { accountId: 'pipedrive-4711', eventId: 'e-1', occurredAt: new Date(), payload: { any: 'thing' } },
    ])
  })
  afterAll(async () => {
    await rt?.close()
  })

  it('records why on last_error and skips it quietly on every later pass', async () => {
    const [due] = await queryRows<{ n: number }>(
      rt.db.db,
      sql`select count(*)::int as n from crm_outbox where connection_id = ${connectionId}`,
    )
    expect(due?.n).toBeGreaterThan(0)
    for (let i = 0; i < 5; i++) {
      const round = await rt.crmSync.worker.runOnce()
      expect(round.written).toBe(0)
    }
    const [row] = await rt.db.db.select().from(crmConnections).where(eq(crmConnections.id, connectionId))
    expect(row?.lastError).toBe(
      'No CRM provider "pipedrive" is registered on this server (registered: hubspot, salesforce, zoho).',
    )
    const [event] = await queryRows<{ outcome: string; processed: boolean }>(
      rt.db.db,
      sql`select outcome, processed_at is not null as processed from crm_webhook_events`,
    )
    expect(event).toEqual({ outcome: row?.lastError, processed: true })
    const text = logs.text()
    expect(text).not.toContain('CRM sync round failed')
    expect(text).not.toContain('"stack"')
    expect(text.split('provider not registered').length - 1).toBe(1)
  })
})
