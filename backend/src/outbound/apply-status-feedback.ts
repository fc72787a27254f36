import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { metaErrors } from '../lib/metrics'
import type { StatusRecord } from '../messages/status-record'
import { classifyError } from './error-classes'

const OURS = /^scrm:(\d+)$/
/** Reasons a send is given up without knowing whether Meta took it: a status proves it did. */
const UNANSWERED = ['timeout', 'connection_lost', 'network_error', 'unreadable_answer']
const unanswered = sql.join(
  UNANSWERED.map((r) => sql`${r}`),
  sql`, `,
)

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
    // A send given up for want of an answer (timeout ...) that Meta did accept after all is sent.
    await tx.execute(sql`
      update send_jobs j set state = 'sent', sent_at = coalesce(j.sent_at, clock_timestamp()), last_error = null,
        failing_since = null
      from jsonb_to_recordset(${rows}::jsonb) as v(message_id bigint, channel_id uuid, wamid text)
      where j.message_id = v.message_id and (j.state in ('sending', 'unknown', 'queued')
        or (j.state = 'failed' and exists (select 1 from messages m where m.id = j.message_id
          and m.status = 'failed' and m.error_reason in (${unanswered}))))`)
    await tx.execute(sql`
      update messages m set wamid = v.wamid
      from jsonb_to_recordset(${rows}::jsonb) as v(message_id bigint, channel_id uuid, wamid text)
      where m.id = v.message_id and m.channel_id = v.channel_id and m.wamid is null`)
    // A message shown as retrying (or given up unanswered) is out of trouble: the statuses recorded
    // next move it on from `pending`.
    await tx.execute(sql`
      update messages m set status = 'pending', status_at = clock_timestamp(),
        error_code = null, error_title = null, error_details = null, error_reason = null
      from jsonb_to_recordset(${rows}::jsonb) as v(message_id bigint, channel_id uuid, wamid text)
      where m.id = v.message_id and m.channel_id = v.channel_id
        and (m.status = 'retrying' or (m.status = 'failed' and m.error_reason in (${unanswered})))`)
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
