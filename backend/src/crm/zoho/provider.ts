import { eq } from 'drizzle-orm'
import { crmConnections } from '../../db/schema'
import type { CrmContext, CrmProvider } from '../provider'
import type { CrmRateBudget } from '../sync/crm-rate-limiter'
import { zohoCallbackReread } from './callback-reread'
import { CreditBudget } from './credit-budget'
import { zohoStateOf } from './org-state'
import { EDITION_LIMITS, zohoSettings } from './settings'
import { zohoCardAuth } from './zoho-card-auth'
import { ZohoConnector } from './zoho-connector'
import { defaultZohoProperty } from './zoho-fields'
import { ZohoHttp } from './zoho-http'
import { DayNotes } from './zoho-notes'
import { zohoChangeNotifications } from './zoho-notifications'
import { zohoOAuth } from './zoho-oauth'
import { zohoStorageProfile } from './zoho-storage'
import { zohoWatchJob } from './zoho-watch-job'

/**
 * Zoho counts credits per day and calls in flight, not a per-second rate; spacing calls 10 a
 * second per org keeps bursts polite, and the call slots cap concurrency.
 */
export const ZOHO_BUDGET: CrmRateBudget = { requestsPerWindow: 10, windowMs: 1_000, searchPerSecond: 5 }

/** Zoho CRM as a CRM provider: multi-DC OAuth, org-key widget calls, a typed v8 fetch client. */
export function zohoProvider(ctx: CrmContext): CrmProvider {
  const settings = zohoSettings(ctx.config)
  const logger = ctx.logger.child({ component: 'zoho' })
  return {
    name: 'zoho',
    label: 'Zoho CRM',
    accountLabel: (orgId) => `Zoho CRM org ${orgId}`,
    oauth: zohoOAuth(ctx.config),
    cardAuth: zohoCardAuth(ctx.db),
    changes: zohoChangeNotifications(ctx.db),
    polling:
      settings.callbackSchedule === 'off'
        ? undefined
        : zohoCallbackReread(ctx.db, {
            schedule: settings.callbackSchedule,
            publicUrl: ctx.config.PUBLIC_URL,
            logger,
          }),
    upkeep: ({ connectorFor }) =>
      settings.watchSchedule === 'off'
        ? []
        : [
            zohoWatchJob({
              db: ctx.db,
              schedule: settings.watchSchedule,
              publicUrl: ctx.config.PUBLIC_URL,
              connectorFor,
              logger: logger.child({ component: 'zoho-watch' }),
            }),
          ],
    defaultProperty: (spec) => defaultZohoProperty(spec),
    rateBudget: ZOHO_BUDGET,
    storageProfile: (connection) => zohoStorageProfile(zohoStateOf(connection).edition ?? settings.edition),
    connector: (input) => {
      const { connection } = input
      const state = zohoStateOf(connection)
      const edition = EDITION_LIMITS[state.edition ?? settings.edition]
      const budget = new CreditBudget(
        ctx.db,
        connection.id,
        connection.apiUsage,
        settings.dailyCredits ?? edition.credits,
        settings.stopShare,
        logger,
      )
      const http = new ZohoHttp({
        db: ctx.db,
        connection,
        input,
        budget,
        concurrency: settings.concurrency ?? edition.concurrency,
        current: async () => {
          const [row] = await ctx.db.select().from(crmConnections).where(eq(crmConnections.id, connection.id))
          return row
        },
      })
      return new ZohoConnector({
        http,
        newRecords: state.newRecords ?? settings.newRecords,
        notes: new DayNotes(ctx.db, connection.id),
        edition: state.edition ?? settings.edition,
      })
    },
  }
}
