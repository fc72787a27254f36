import { z } from 'zod'
import type { CrmConnection } from '../../db/schema'

/**
 * What a Zoho connection keeps in `crm_connections.provider_state`: where the org lives (accounts
 * server and API domain from the token answer), its edition, the integration user (our own writes
 * are stamped with it), the notification channel (its token only as a SHA-256), and the cursor of
 * callbacks already re-read.
 */
export const zohoStateSchema = z.object({
  dataCentre: z.string().optional(),
  accountsUrl: z.string().url().optional(),
  apiDomain: z.string().url().optional(),
  edition: z.enum(['free', 'standard', 'professional', 'enterprise', 'ultimate']).optional(),
  userId: z.string().optional(),
  orgName: z.string().optional(),
  newRecords: z.enum(['Contacts', 'Leads']).optional(),
  channel: z
    .object({
      id: z.string(),
      tokenHash: z.string(),
      expiresAt: z.string(),
      renewedAt: z.string(),
    })
    .optional(),
  /** crm_webhook_events id up to which stored callbacks were re-read. */
  callbackCursor: z.number().optional(),
})

export type ZohoState = z.infer<typeof zohoStateSchema>

export function zohoStateOf(connection: Pick<CrmConnection, 'providerState'>): ZohoState {
  const parsed = zohoStateSchema.safeParse(connection.providerState ?? {})
  return parsed.success ? parsed.data : {}
}
