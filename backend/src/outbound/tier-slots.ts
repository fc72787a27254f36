import { sql } from 'drizzle-orm'
import type { Database } from '../db/client'
import { queryRows } from '../db/query-rows'

/**
 * The messaging tier for the business-initiated sends of one claim: recipients already messaged
 * in the last 24 h are free; new ones take a slot while the portfolio has any. One transaction,
 * serialised per portfolio, so processes cannot both take the last slot.
 */
export async function takeTierSlots(
  db: Database,
  portfolioId: string,
  recipients: string[],
  limit: number | null,
): Promise<Set<string>> {
  const unique = [...new Set(recipients)]
  if (unique.length === 0) return new Set()
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`tier:${portfolioId}`}))`)
    const list = JSON.stringify(unique)
    const known = await queryRows<{ recipient: string }>(
      tx,
      sql`select recipient from tier_recipients
          where portfolio_id = ${portfolioId} and last_at > clock_timestamp() - interval '24 hours'
            and recipient in (select value from jsonb_array_elements_text(${list}::jsonb))`,
    )
    const allowed = new Set(known.map((k) => k.recipient))
    const fresh = unique.filter((r) => !allowed.has(r))
    let room = fresh.length
    if (limit !== null && fresh.length > 0) {
      const [used] = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from tier_recipients
            where portfolio_id = ${portfolioId} and last_at > clock_timestamp() - interval '24 hours'`,
      )
      room = Math.max(0, limit - (used?.n ?? 0))
    }
    for (const r of fresh.slice(0, room)) allowed.add(r)
    const touched = JSON.stringify([...allowed])
    await tx.execute(sql`
      insert into tier_recipients (portfolio_id, recipient, last_at)
      select ${portfolioId}, value, clock_timestamp() from jsonb_array_elements_text(${touched}::jsonb)
      on conflict (portfolio_id, recipient) do update set last_at = excluded.last_at`)
    return allowed
  })
}
