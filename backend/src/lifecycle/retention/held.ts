import { type SQL, sql } from 'drizzle-orm'

/**
 * True for a message (alias `m`) no legal hold in force protects: neither its contact's hold nor
 * its workspace's (a hold without a contact).
 */
export function notHeld(): SQL {
  return sql`not exists (select 1 from legal_holds h
                          where h.workspace_id = m.workspace_id and h.lifted_at is null
                            and (h.contact_id is null or h.contact_id = m.contact_id))`
}
