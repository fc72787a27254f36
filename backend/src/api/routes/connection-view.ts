import type { CrmConnection } from '../../db/schema'
import { z } from '../openapi'

/** A CRM connection as the admin API shows it: identity plus health. Tokens never leave the server. */
export const connectionView = z.object({
  id: z.string(),
  provider: z.string(),
  account_id: z.string(),
  state: z.string(),
  /** Holds OAuth tokens; false means the app must be installed (again) before anything syncs. */
  authorized: z.boolean(),
  scopes: z.array(z.string()),
  token_expires_at: z.string().nullable(),
  /** Why the connection cannot sync right now; null when healthy. */
  last_error: z.string().nullable(),
  installed_at: z.string().nullable(),
  disconnected_at: z.string().nullable(),
  schema_ready_at: z.string().nullable(),
  last_synced_at: z.string().nullable(),
  /**
   * The account's API allocation as the CRM last reported it (Salesforce: daily requests from
   * Sforce-Limit-Info); `stopped_at` is set while sync holds its calls to protect the allocation.
   */
  api_usage: z
    .object({
      used: z.number(),
      limit: z.number(),
      share: z.number(),
      at: z.string(),
      stopped_at: z.string().nullable(),
      resume_at: z.string().nullable(),
      reason: z.string().nullable(),
    })
    .nullable(),
  /** When a card key was last issued (POST /api/v1/connections/{id}/card-key); null: none. */
  card_key_created_at: z.string().nullable(),
  created_at: z.string(),
})

export type ConnectionView = z.infer<typeof connectionView>

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export function toConnectionView(row: CrmConnection): ConnectionView {
  return {
    id: row.id,
    provider: row.provider,
    account_id: row.accountId,
    state: row.state,
    authorized: row.refreshTokenEnc !== null,
    scopes: row.scopes,
    token_expires_at: iso(row.tokenExpiresAt),
    last_error: row.lastError,
    installed_at: iso(row.installedAt),
    disconnected_at: iso(row.disconnectedAt),
    schema_ready_at: iso(row.schemaReadyAt),
    last_synced_at: iso(row.lastSyncedAt),
    api_usage: row.apiUsage
      ? {
          used: row.apiUsage.used,
          limit: row.apiUsage.limit,
          share:
            row.apiUsage.limit > 0 ? Math.round((row.apiUsage.used / row.apiUsage.limit) * 1000) / 1000 : 0,
          at: row.apiUsage.at,
          stopped_at: row.apiUsage.stoppedAt,
          resume_at: row.apiUsage.resumeAt,
          reason: row.apiUsage.reason,
        }
      : null,
    card_key_created_at: iso(row.cardKeyCreatedAt),
    created_at: row.createdAt.toISOString(),
  }
}
