import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger } from '../../backend/src/lib/logger'
import { createCrmRegistry, crmJobs } from '../../backend/src/runtime-factories'
import { startTestRuntime, type TestRuntime } from '../support/test-runtime'

/**
 * The API process and `npm run worker` both schedule `crmJobs`: a CRM's polls and upkeep come from
 * its provider, so a worker-only deployment (SCHEDULER=off on the API) still renews Zoho's channels.
 */
describe('scheduled CRM jobs', () => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startTestRuntime('pglite')
  })
  afterAll(() => rt?.close())

  const jobNames = (env: Partial<typeof rt.config>) => {
    const ctx = { ...rt.deps, config: { ...rt.config, ...env } }
    return crmJobs(rt.db.db, createCrmRegistry(ctx), rt.crmSync, createLogger('silent'))
      .map((job) => `${job.name} @ ${job.schedule}`)
      .sort()
  }

  it("lists every provider's polls and upkeep with their schedules", () => {
    expect(jobNames({ ZOHO_WATCH_SCHEDULE: '20 3 * * *', SALESFORCE_POLL_SCHEDULE: '*/2 * * * *' })).toEqual(
      expect.arrayContaining(['crm-poll-salesforce @ */2 * * * *', 'zoho-watch-renew @ 20 3 * * *']),
    )
  })

  it("leaves Zoho's channel renewal out when its schedule is off", () => {
    expect(jobNames({ ZOHO_WATCH_SCHEDULE: 'off' }).some((name) => name.startsWith('zoho-watch-renew'))).toBe(
      false,
    )
  })
})
