import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unreadConversations, unreadExportJob } from '../../backend/src/analytics/unread-export'
import type { DbHandle } from '../../backend/src/db/client'
import { crmConnections, crmRecordLinks } from '../../backend/src/db/schema'
import { Scheduler } from '../../backend/src/jobs/scheduler'
import { createLogger } from '../../backend/src/lib/logger'
import { seedChannel } from '../support/seed-channel'
import { ENGINES, openTestDb } from '../support/test-db'
import { seedContacts, seedMessages } from './seed'

const at = (iso: string) => new Date(iso)

describe.each(ENGINES)('nightly export of unanswered conversations (%s)', (engine) => {
  let handle: DbHandle
  const dir = mkdtempSync(join(tmpdir(), 'scrm-unread-'))
  beforeAll(async () => {
    handle = await openTestDb(engine)
  })
  afterAll(async () => {
    await handle.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('lists conversations whose customer wrote last, longest waiting first, with what waits', async () => {
    const channel = await seedChannel(handle.db)
    const ids = await seedContacts(handle.db, channel, 5)
    await seedMessages(handle.db, channel, ids, [
      // 0: answered, then wrote twice more → waiting since the first of the two.
      { contact: 0, direction: 'inbound', sender: 'customer', at: at('2026-06-01T09:00:00Z') },
      { contact: 0, direction: 'outbound', sender: 'agent', at: at('2026-06-01T09:05:00Z') },
      {
        contact: 0,
        direction: 'inbound',
        sender: 'customer',
        at: at('2026-06-01T10:00:00Z'),
        intent: 'complaint',
      },
      { contact: 0, direction: 'inbound', sender: 'customer', at: at('2026-06-01T10:01:00Z') },
      // 1: answered last (automation counts as an answer) → not waiting.
      { contact: 1, direction: 'inbound', sender: 'customer', at: at('2026-06-01T08:00:00Z') },
      { contact: 1, direction: 'outbound', sender: 'automation', at: at('2026-06-01T08:00:30Z') },
      // 2: wrote once, never answered → waiting longest.
      { contact: 2, direction: 'inbound', sender: 'customer', at: at('2026-06-01T07:00:00Z') },
      // 3: a hidden reaction after our answer does not reopen the conversation.
      { contact: 3, direction: 'inbound', sender: 'customer', at: at('2026-06-01T06:00:00Z') },
      { contact: 3, direction: 'outbound', sender: 'agent', at: at('2026-06-01T06:10:00Z') },
      {
        contact: 3,
        direction: 'inbound',
        sender: 'customer',
        at: at('2026-06-01T06:11:00Z'),
        visible: false,
      },
      // 4: writes only after the export's moment → not in it.
      { contact: 4, direction: 'inbound', sender: 'customer', at: at('2026-06-02T06:00:00Z') },
    ])
    const [connection] = await handle.db
      .insert(crmConnections)
      .values({ workspaceId: channel.workspaceId, provider: 'hubspot', accountId: `unread-${channel.id}` })
      .returning()
    await handle.db.insert(crmRecordLinks).values({
      workspaceId: channel.workspaceId,
      connectionId: connection!.id,
      objectType: 'contacts',
      recordId: '9001',
      contactId: ids[2] as string,
      role: 'primary',
    })

    const rows = await unreadConversations(handle.db, channel.workspaceId, at('2026-06-02T05:00:00Z'))
    expect(rows).toEqual([
      {
        contact_id: ids[2],
        business_number: '+55 11 4000-0000',
        waiting_since: '2026-06-01T07:00:00.000Z',
        minutes_waiting: 22 * 60,
        messages_waiting: 1,
        last_intent: null,
        segment: null,
        crm_records: 'hubspot:contacts:9001',
      },
      {
        contact_id: ids[0],
        business_number: '+55 11 4000-0000',
        waiting_since: '2026-06-01T10:00:00.000Z',
        minutes_waiting: 19 * 60,
        messages_waiting: 2,
        last_intent: null,
        segment: null,
        crm_records: '',
      },
    ])
  })

  /** A workspace in `zone` with one unanswered customer, and a scheduler running only the export. */
  async function exportingWorkspace(zone: string, since: Date) {
    const channel = await seedChannel(handle.db, { locale: { time_zone: zone } })
    const ids = await seedContacts(handle.db, channel, 1)
    await seedMessages(handle.db, channel, ids, [
      { contact: 0, direction: 'inbound', sender: 'customer', at: new Date(since.getTime() - 3_600_000) },
    ])
    const scheduler = new Scheduler(handle.db, {
      jobs: [
        unreadExportJob(handle.db, {
          schedule: '0 2 * * *',
          dir,
          keepDays: 30,
          logger: createLogger('silent'),
        }),
      ],
      logger: createLogger('silent'),
      since,
    })
    const runsAt = async (now: string) =>
      (await scheduler.runOnce(at(now))).runs.filter((r) => r.workspaceId === channel.workspaceId)
    return { channel, contactId: ids[0] as string, runsAt }
  }

  it('runs at 2 a.m. in the workspace time zone, not a minute before, once per night', async () => {
    // São Paulo is UTC-3 all year: 02:00 local is 05:00Z.
    const { channel, contactId, runsAt } = await exportingWorkspace(
      'America/Sao_Paulo',
      at('2026-06-01T12:00:00Z'),
    )
    expect(await runsAt('2026-06-02T04:59:00Z')).toEqual([])
    const [run] = await runsAt('2026-06-02T05:00:00Z')
    expect(run).toMatchObject({
      job: 'unread-export',
      outcome: 'ok',
      scheduledFor: at('2026-06-02T05:00:00Z'),
    })
    expect(await runsAt('2026-06-02T05:30:00Z')).toEqual([])
    const csv = readFileSync(join(dir, channel.workspaceId, 'unread-2026-06-02.csv'), 'utf8')
      .trim()
      .split('\n')
    expect(csv[0]).toBe(
      'contact_id,business_number,waiting_since,minutes_waiting,messages_waiting,last_intent,segment,crm_records',
    )
    expect(csv).toHaveLength(2)
    // The business number starts with "+": kept as text, never a spreadsheet formula.
    expect(csv[1]).toMatch(new RegExp(`^${contactId},'\\+55 11 4000-0000,2026-06-01T11:00:00.000Z,`))
    // No customer number or words in the file.
    expect(csv.join('\n')).not.toContain('5511900')
  })

  it('on the night New York skips 2 a.m. (DST starts) it still runs once, dated that day', async () => {
    const { channel, runsAt } = await exportingWorkspace('America/New_York', at('2026-03-07T12:00:00Z'))
    const runs = [...(await runsAt('2026-03-08T06:59:00Z')), ...(await runsAt('2026-03-08T12:00:00Z'))]
    expect(runs).toHaveLength(1)
    expect(runs[0]?.outcome).toBe('ok')
    expect(readdirSync(join(dir, channel.workspaceId))).toEqual(['unread-2026-03-08.csv'])
  })

  it('writes the header on a quiet night and removes exports older than the days kept', async () => {
    const channel = await seedChannel(handle.db)
    const job = unreadExportJob(handle.db, {
      schedule: '0 2 * * *',
      dir,
      keepDays: 30,
      logger: createLogger('silent'),
    })
    const folder = join(dir, channel.workspaceId)
    await job.run({ workspaceId: channel.workspaceId, scheduledFor: at('2026-06-30T02:00:00Z') })
    writeFileSync(join(folder, 'unread-2026-05-31.csv'), 'old')
    writeFileSync(join(folder, 'unread-2026-06-01.csv'), 'kept')
    writeFileSync(join(folder, 'notes.txt'), 'not ours')
    await job.run({ workspaceId: channel.workspaceId, scheduledFor: at('2026-07-01T02:00:00Z') })
    expect(readdirSync(folder).sort()).toEqual([
      'notes.txt',
      'unread-2026-06-01.csv',
      'unread-2026-06-30.csv',
      'unread-2026-07-01.csv',
    ])
    expect(readFileSync(join(folder, 'unread-2026-07-01.csv'), 'utf8')).toBe(
      'contact_id,business_number,waiting_since,minutes_waiting,messages_waiting,last_intent,segment,crm_records\n',
    )
  })
})
