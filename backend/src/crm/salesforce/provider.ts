import { eq } from 'drizzle-orm'
import { crmConnections } from '../../db/schema'
import type { CrmContext, CrmProvider } from '../provider'
import type { CrmRateBudget } from '../sync/crm-rate-limiter'
import { ApiBudget } from './api-budget'
import { salesforcePolling } from './change-poll'
import { newRecordObject, orgStateOf } from './org-state'
import { SalesforceApi } from './salesforce-api'
import { salesforceCardAuth } from './salesforce-card-auth'
import { SalesforceConnector } from './salesforce-connector'
import { defaultSalesforceProperty } from './salesforce-fields'
import { salesforceOAuth } from './salesforce-oauth'
import { SALESFORCE_STORAGE } from './salesforce-storage'
import { salesforceSettings } from './settings'

/**
 * Salesforce has no per-second cap like HubSpot's, but a daily allocation (guarded by `ApiBudget`)
 * and at most 25 concurrent long requests: spacing calls 20 a second per org keeps bursts polite.
 */
export const SALESFORCE_BUDGET: CrmRateBudget = { requestsPerWindow: 20, windowMs: 1_000, searchPerSecond: 5 }

/** Salesforce as a CRM provider: packaged External Client App OAuth, org-key card calls, jsforce REST, polled changes. */
export function salesforceProvider(ctx: CrmContext): CrmProvider {
  const settings = salesforceSettings(ctx.config)
  const logger = ctx.logger.child({ component: 'salesforce' })
  return {
    name: 'salesforce',
    label: 'Salesforce',
    accountLabel: (orgId) => `Salesforce org ${orgId}`,
    oauth: salesforceOAuth(ctx.config),
    cardAuth: salesforceCardAuth(ctx.db),
    polling:
      ctx.config.SALESFORCE_POLL_SCHEDULE === 'off'
        ? undefined
        : salesforcePolling(ctx.db, {
            schedule: ctx.config.SALESFORCE_POLL_SCHEDULE,
            pollShare: settings.pollShare,
            logger,
          }),
    defaultProperty: (spec) => defaultSalesforceProperty(spec, settings.prefix),
    rateBudget: SALESFORCE_BUDGET,
    storageProfile: () => SALESFORCE_STORAGE,
    connector: (input) => {
      const { connection } = input
      const budget = new ApiBudget(ctx.db, connection.id, connection.apiUsage, settings.stopShare, logger)
      return new SalesforceConnector({
        api: new SalesforceApi(connection, input, settings.version, budget, async () => {
          const [row] = await ctx.db.select().from(crmConnections).where(eq(crmConnections.id, connection.id))
          return row
        }),
        prefix: settings.prefix,
        newRecords: newRecordObject(orgStateOf(connection), settings.newRecords),
      })
    },
  }
}
