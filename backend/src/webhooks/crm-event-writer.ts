import { sql } from 'drizzle-orm'
import type { Database } from '../db/client'
import { queryRows } from '../db/query-rows'

/** One change notification of a CRM account, as the inbound event table keeps it. */
export interface CrmEventRow {
  accountId: string
  /** The CRM's id of the event: `(provider, account, event id)` drops redeliveries. */
  eventId: string
  occurredAt: Date
  payload: Record<string, unknown>
}

/**
 * Stores CRM change notifications (`crm_webhook_events`) for every CRM: one statement per
 * delivery, redeliveries of an event id ignored. The route acknowledges only after this returns,
 * so a delivery is never acknowledged and lost; the sync worker applies the rows later.
 */
export class CrmEventWriter {
  constructor(private readonly db: Database) {}

  /** Returns how many of the events were new. */
  async append(provider: string, events: CrmEventRow[]): Promise<number> {
    if (events.length === 0) return 0
    const rows = events.map((e) => ({
      provider,
      account_id: e.accountId,
      event_id: e.eventId,
      occurred_at: e.occurredAt.toISOString(),
      payload: e.payload,
    }))
    // One JSON parameter rather than drizzle's VALUES builder: a delivery holds up to 100 events.
    const inserted = await queryRows(
      this.db,
      sql`
      insert into crm_webhook_events (provider, account_id, event_id, occurred_at, payload)
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as v(provider text, account_id text, event_id text, occurred_at timestamptz, payload jsonb)
      on conflict (provider, account_id, event_id) do nothing
      returning 1`,
    )
    return inserted.length
  }
}
