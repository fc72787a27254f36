import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { metaErrors } from '../lib/metrics'
import type { StatusRecord } from '../messages/status-record'
import { classifyError } from './error-classes'

const OURS = /^scrm:(\d+)$/

/**
 * What Meta's status webhooks tell the sender. A status carrying our id (`scrm:<message id>` in
 * biz_opaque_callback_data) proves the send was accepted: the wamid is attached and a send whose
 * outcome was unknown is confirmed instead of being sent again. Failures reported later
 * (asynchronously) have the same effects as synchronous ones.
 */
export async function applyStatusFeedback(tx: Executor, statuses: StatusRecord[]): Promise<void> {
  const ours = statuses.flatMap((s) => {
    const match = s.bizOpaqueCallbackData ? OURS.exec(s.bizOpaqueCallbackData) : null
    return match ? [{ message_id: Number(match[1]), channel_id: s.channel.id, wamid: s.wamid }] : []
  })
  if (ours.length > 0) {
    // send_jobs before messages: the sender's recordOutcome locks a job and then its message, and a
    // status can be ingested while that transaction is open; the opposite order deadlocks.
    const rows = JSON.stringify(ours)
    await tx.execute(sql`
      update send_jobs j set state = 'sent', sent_at = coalesce(j.sent_at, clock_timestamp()), last_error = null
      from jsonb_to_recordset(${rows}::jsonb) as v(message_id bigint, channel_id uuid, wamid text)
      where j.message_id = v.message_id and j.state in ('sending', 'unknown', 'queued')`)
    await tx.execute(sql`
      update messages m set wamid = v.wamid
      from jsonb_to_recordset(${rows}::jsonb) as v(message_id bigint, channel_id uuid, wamid text)
      where m.id = v.message_id and m.channel_id = v.channel_id and m.wamid is null`)
  }

  const failures = statuses.filter((s) => s.status === 'failed' && s.error)
  // Failures Meta reports later (131026, 131047 ...) count like synchronous ones. A redelivered
  // status is counted again: the counter is an operator's rate, not a ledger.
  for (const f of failures) metaErrors.inc({ class: classifyError(f.error?.code ?? 0, 200).kind })
  const byCode = (codes: number[]) =>
    JSON.stringify(
      failures
        .filter((f) => codes.includes(f.error?.code ?? 0))
        .map((f) => ({ channel_id: f.channel.id, wamid: f.wamid })),
    )
  const unreachable = byCode([131026])
  if (unreachable !== '[]') {
    await tx.execute(sql`
      update contacts c set unreachable_at = clock_timestamp()
      from messages m join jsonb_to_recordset(${unreachable}::jsonb) as v(channel_id uuid, wamid text)
        on m.channel_id = v.channel_id and m.wamid = v.wamid
      where c.id = m.contact_id and m.direction = 'outbound'`)
  }
  const stoppedMarketing = byCode([131050])
  if (stoppedMarketing !== '[]') {
    await tx.execute(sql`
      update contacts c set marketing_opt_out_at = coalesce(c.marketing_opt_out_at, clock_timestamp())
      from messages m join jsonb_to_recordset(${stoppedMarketing}::jsonb) as v(channel_id uuid, wamid text)
        on m.channel_id = v.channel_id and m.wamid = v.wamid
      where c.id = m.contact_id and m.direction = 'outbound'`)
  }
  // Per-user marketing cap: one more try, no sooner than a day later, then it stays failed.
  const capped = byCode([131049])
  if (capped !== '[]') {
    await tx.execute(sql`
      update send_jobs j set state = 'queued', marketing_cap_retries = 1,
        not_before = clock_timestamp() + interval '24 hours', last_error = '(#131049) marketing cap: retrying in 24 h'
      from messages m join jsonb_to_recordset(${capped}::jsonb) as v(channel_id uuid, wamid text)
        on m.channel_id = v.channel_id and m.wamid = v.wamid
      where j.message_id = m.id and j.marketing_cap_retries = 0 and j.state = 'sent'`)
  }
}
