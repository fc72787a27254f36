import type { Config } from '../../config'
import { CrmAuthError } from '../oauth/auth-error'
import { ZOHO_ACCOUNTS_SERVERS } from './data-centres'

export type ZohoEdition = 'free' | 'standard' | 'professional' | 'enterprise' | 'ultimate'
export type ZohoPersonModule = 'Contacts' | 'Leads'
/** Where a person can be, in the order records are looked for. */
export const PERSON_MODULES: ZohoPersonModule[] = ['Contacts', 'Leads']

/** Rolling 24-hour credit base and calls in flight per org, by edition (shared/reference/zoho.md §2.8). */
export const EDITION_LIMITS: Readonly<Record<ZohoEdition, { credits: number; concurrency: number }>> = {
  free: { credits: 5_000, concurrency: 5 },
  standard: { credits: 50_000, concurrency: 10 },
  professional: { credits: 50_000, concurrency: 15 },
  enterprise: { credits: 50_000, concurrency: 20 },
  ultimate: { credits: 50_000, concurrency: 25 },
}

export interface ZohoSettings {
  /** Where installs start (the multi-DC authorize page). */
  accountsUrl: string
  /** Accounts servers a code or refresh token may be sent to. */
  accountsServers: string[]
  edition: ZohoEdition
  /** Credits per rolling 24 h; null: the edition's base. */
  dailyCredits: number | null
  stopShare: number
  /** Calls in flight per org; null: the edition's limit. */
  concurrency: number | null
  newRecords: ZohoPersonModule
  callbackSchedule: string
  watchSchedule: string
}

export function zohoSettings(config: Config): ZohoSettings {
  return {
    accountsUrl: config.ZOHO_ACCOUNTS_URL.replace(/\/+$/, ''),
    accountsServers: config.ZOHO_ACCOUNTS_SERVERS ?? [
      ...new Set([config.ZOHO_ACCOUNTS_URL.replace(/\/+$/, ''), ...Object.values(ZOHO_ACCOUNTS_SERVERS)]),
    ],
    edition: config.ZOHO_EDITION,
    dailyCredits: config.ZOHO_DAILY_CREDITS ?? null,
    stopShare: config.ZOHO_CREDIT_STOP_SHARE,
    concurrency: config.ZOHO_CONCURRENCY ?? null,
    newRecords: config.ZOHO_NEW_RECORDS,
    callbackSchedule: config.ZOHO_CALLBACK_SCHEDULE,
    watchSchedule: config.ZOHO_WATCH_SCHEDULE,
  }
}

/** The Zoho API client's credentials (api-console.zoho.com, "Server-based Applications"). */
export function zohoClient(config: Config): { clientId: string; clientSecret: string } {
  if (!config.ZOHO_CLIENT_ID || !config.ZOHO_CLIENT_SECRET)
    throw new CrmAuthError(
      'not_configured',
      'ZOHO_CLIENT_ID and ZOHO_CLIENT_SECRET must be set to install or use the Zoho CRM app.',
    )
  return { clientId: config.ZOHO_CLIENT_ID, clientSecret: config.ZOHO_CLIENT_SECRET }
}
