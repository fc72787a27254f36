import { sql } from 'drizzle-orm'
import type { TestRuntime } from '../../support/test-runtime'

/** An automated reply as the sender stores it once Meta accepted it (sender `automation`). */
export async function automatedReply(rt: TestRuntime, contactId: string, wamid: string, text: string) {
  await rt.db.db.execute(sql`
    insert into messages (workspace_id, channel_id, contact_id, wamid, direction, type, text, status, sender, sent_at)
    select workspace_id, channel_id, contact_id, ${wamid}, 'outbound', 'text', ${text}, 'sent', 'automation', now()
      from messages where contact_id = ${contactId} order by id desc limit 1`)
}
