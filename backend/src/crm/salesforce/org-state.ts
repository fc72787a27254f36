import { z } from 'zod'
import type { CrmConnection } from '../../db/schema'
import type { NewRecordObject } from './settings'

/**
 * What a Salesforce connection keeps in `crm_connections.provider_state`: where the org lives
 * (instance URL; login host, production or sandbox), who approved the app, which object new
 * WhatsApp people become, and the change poll's cursors.
 */
export const orgStateSchema = z.object({
  instanceUrl: z.string().url().optional(),
  loginUrl: z.string().url().optional(),
  sandbox: z.boolean().optional(),
  userId: z.string().optional(),
  newRecords: z.enum(['Lead', 'Contact']).optional(),
  /** Per object: the SystemModstamp (ms) the next poll starts from. */
  pollCursors: z.record(z.string(), z.number()).optional(),
  lastPollAt: z.number().optional(),
  /** Package fields the org lacks, from the last describe. */
  missingFields: z.array(z.string()).optional(),
})

export type OrgState = z.infer<typeof orgStateSchema>

export function orgStateOf(connection: Pick<CrmConnection, 'providerState'>): OrgState {
  const parsed = orgStateSchema.safeParse(connection.providerState ?? {})
  return parsed.success ? parsed.data : {}
}

export function newRecordObject(state: OrgState, fallback: NewRecordObject): NewRecordObject {
  return state.newRecords ?? fallback
}
