import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { queryRows } from '../db/query-rows'

export interface ContactSummary {
  id: string
  name: string | null
  profile_name: string | null
  phone_e164: string | null
  language: string | null
}

export interface SearchOptions {
  /** Leading digits of the E.164 number, without the "+". */
  phoneDigits?: string
  /** Part of the name or the WhatsApp profile name, any case. */
  name?: string
  limit: number
  /** The sort name and id of the last contact of the previous page. */
  after?: { name: string; id: string }
}

/** `%`, `_` and `\` typed by a person are searched for, not wildcards. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * A workspace's contacts matching every given filter, ordered by the name a person sees
 * (name, else profile name, lower case) and id, so pages never skip or repeat a contact.
 */
export async function searchContacts(
  db: Executor,
  workspaceId: string,
  options: SearchOptions,
): Promise<{ contacts: ContactSummary[]; next: { name: string; id: string } | null }> {
  const sortName = sql`lower(coalesce(name, profile_name, ''))`
  const filters = [sql`workspace_id = ${workspaceId}`]
  if (options.phoneDigits) filters.push(sql`phone_e164 like ${`+${literal(options.phoneDigits)}%`}`)
  if (options.name) {
    const pattern = `%${literal(options.name)}%`
    filters.push(sql`(name ilike ${pattern} or profile_name ilike ${pattern})`)
  }
  if (options.after) filters.push(sql`(${sortName}, id) > (${options.after.name}, ${options.after.id}::uuid)`)
  const rows = await queryRows<ContactSummary & { sort_name: string }>(
    db,
    sql`select id::text as id, name, profile_name, phone_e164, language, ${sortName} as sort_name
        from contacts where ${sql.join(filters, sql` and `)}
        order by ${sortName}, id limit ${options.limit + 1}`,
  )
  const page = rows.slice(0, options.limit)
  const last = page.at(-1)
  return {
    contacts: page.map(({ sort_name: _, ...contact }) => contact),
    next: rows.length > options.limit && last ? { name: last.sort_name, id: last.id } : null,
  }
}
