import { getTableColumns, type SQL, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { contacts, type MergeRecord } from '../../db/schema'
import { ConflictError, InvalidInputError, NotFoundError } from '../../lib/errors'
import { MERGE_TABLES } from './merge-tables'

/** Fields a reviewer chooses between; the rest follow the rules in `mergedValues`. */
export const MERGE_FIELDS = [
  'name',
  'email',
  'phone',
  'bsuid',
  'profile_name',
  'username',
  'language',
  'segment',
  'priority',
] as const
export type MergeField = (typeof MERGE_FIELDS)[number]

/** Field → the contact columns it carries together (a phone is its wa_id too). */
const FIELD_COLUMNS: Record<MergeField, string[]> = {
  name: ['name'],
  email: ['email'],
  phone: ['phone_e164', 'wa_id'],
  bsuid: ['bsuid', 'parent_bsuid'],
  profile_name: ['profile_name'],
  username: ['username'],
  language: ['language'],
  segment: ['segment', 'segment_reason', 'segment_at'],
  priority: ['priority', 'priority_reason'],
}
/** The field_versions entry that dates each field (when the field has one). */
const FIELD_VERSION_KEY: Partial<Record<MergeField, string>> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  bsuid: 'bsuid',
  profile_name: 'profile_name',
  segment: 'segment',
  priority: 'priority',
}

const CONTACT_COLUMNS = new Set(Object.values(getTableColumns(contacts)).map((c) => c.name))
type Row = Record<string, unknown>

export interface MergeRequest {
  workspaceId: string
  survivorId: string
  absorbedId: string
  /** Field → the id of the contact whose value the survivor keeps. */
  choices?: Partial<Record<MergeField, string>>
}

export interface MergeOutcome {
  record: MergeRecord
  survivor: Row
}

const jsonRow = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`
const col = (name: string): SQL => {
  if (!CONTACT_COLUMNS.has(name) && !/^[a-z_]+$/.test(name)) throw new Error(`not a column: ${name}`)
  return sql.raw(`"${name}"`)
}

async function lockContact(tx: Executor, workspaceId: string, id: string): Promise<Row> {
  const [row] = await queryRows<{ row: Row }>(
    tx,
    sql`select to_jsonb(c) as row from contacts c where c.id = ${id} and c.workspace_id = ${workspaceId} for update`,
  )
  if (!row) throw new NotFoundError(`contact ${id} does not exist (merged or removed?)`)
  return row.row
}

const empty = (v: unknown) => v === null || v === undefined || v === ''
const stampOf = (row: Row, field: MergeField): number => {
  const key = FIELD_VERSION_KEY[field]
  const versions = (row.field_versions ?? {}) as Record<string, number>
  const stamp = key ? versions[key] : undefined
  return stamp ?? new Date(String(row.updated_at)).getTime()
}

/**
 * The survivor's values after a merge. A field the reviewer chose comes from that contact;
 * otherwise the newest non-empty value wins. Consent is never widened: an opt-out on either
 * contact stays. Times of last contact take the later; attributes keep the survivor's value per
 * key and gain the absorbed contact's other keys.
 */
export function mergedValues(survivor: Row, absorbed: Row, choices: MergeRequest['choices'] = {}): Row {
  const out: Row = {}
  for (const field of MERGE_FIELDS) {
    const chosen = choices[field]
    let from: Row
    if (chosen === absorbed.id) from = absorbed
    else if (chosen === survivor.id) from = survivor
    else {
      const [first] = FIELD_COLUMNS[field] as [string]
      if (empty(absorbed[first])) from = survivor
      else if (empty(survivor[first])) from = absorbed
      else from = stampOf(absorbed, field) > stampOf(survivor, field) ? absorbed : survivor
    }
    for (const c of FIELD_COLUMNS[field]) out[c] = from[c] ?? null
  }
  const later = (k: string) => {
    const [a, b] = [survivor[k], absorbed[k]] as (string | null)[]
    out[k] = !a ? (b ?? null) : !b ? a : new Date(a) >= new Date(b) ? a : b
  }
  for (const k of ['last_inbound_at', 'last_outbound_at', 'automation_paused_until']) later(k)
  const optedOut = [survivor, absorbed].find((r) => r.opt_in_status === 'opted_out')
  const optedIn = [survivor, absorbed].find((r) => r.opt_in_status === 'opted_in')
  const consent = optedOut ?? optedIn ?? survivor
  out.opt_in_status = consent.opt_in_status
  out.opt_in_source = consent.opt_in_source ?? null
  out.opt_in_at = consent.opt_in_at ?? null
  const stops = [survivor.marketing_opt_out_at, absorbed.marketing_opt_out_at].filter(Boolean) as string[]
  out.marketing_opt_out_at = stops.sort()[0] ?? null
  out.attributes = { ...((absorbed.attributes as Row) ?? {}), ...((survivor.attributes as Row) ?? {}) }
  out.field_versions = {
    ...((absorbed.field_versions as Row) ?? {}),
    ...((survivor.field_versions as Row) ?? {}),
  }
  return out
}

/**
 * Merges `absorbedId` into `survivorId` inside the caller's transaction. Every row that hangs
 * off the absorbed contact moves to the survivor; a row the survivor already has for the same
 * key (the same tag, the same product, a record in the same CRM connection) is combined or set
 * aside in the record, never lost. The absorbed contact row itself is kept in the record, so an
 * undo puts it back with its own id. Its number and BSUID, when the survivor keeps its own, go
 * to the survivor's identity history: a thread asked for by them finds the survivor.
 */
export async function mergeContactsReviewed(tx: Executor, req: MergeRequest): Promise<MergeOutcome> {
  if (req.survivorId === req.absorbedId) throw new InvalidInputError('a contact cannot be merged into itself')
  // Lock in id order so two merges of overlapping pairs cannot deadlock.
  const [first, second] = [req.survivorId, req.absorbedId].sort() as [string, string]
  const locked = new Map([
    [first, await lockContact(tx, req.workspaceId, first)],
    [second, await lockContact(tx, req.workspaceId, second)],
  ])
  const survivor = locked.get(req.survivorId) as Row
  const absorbed = locked.get(req.absorbedId) as Row
  for (const [field, id] of Object.entries(req.choices ?? {})) {
    if (id !== req.survivorId && id !== req.absorbedId) {
      throw new InvalidInputError(`fields.${field} must name one of the two contacts`)
    }
  }

  const tables: MergeRecord['tables'] = {}
  const S = req.survivorId
  const A = req.absorbedId
  for (const table of MERGE_TABLES) {
    const name = sql.raw(table.name)
    const conflict = table.conflictOn
      ? sql.raw(table.conflictOn.map((c) => `s.${c} is not distinct from a.${c}`).join(' and '))
      : null
    const survivorBefore = table.combine
      ? (
          await queryRows<{ row: Row }>(
            tx,
            sql`select to_jsonb(s) as row from ${name} s where s.contact_id = ${S}
                and exists (select 1 from ${name} a where a.contact_id = ${A} and ${conflict})`,
          )
        ).map((r) => r.row)
      : []
    if (table.combine) {
      await tx.execute(sql`update ${name} s set ${table.combine} from ${name} a
                           where s.contact_id = ${S} and a.contact_id = ${A} and ${conflict}`)
    }
    const moved = await queryRows<{ k: string }>(
      tx,
      sql`update ${name} a set contact_id = ${S} where a.contact_id = ${A}
          ${conflict ? sql`and not exists (select 1 from ${name} s where s.contact_id = ${S} and ${conflict})` : sql``}
          returning ${table.key} as k`,
    )
    const setAside = (
      await queryRows<{ row: Row }>(
        tx,
        sql`delete from ${name} a where a.contact_id = ${A} returning to_jsonb(a) as row`,
      )
    ).map((r) => r.row)
    if (moved.length || setAside.length || survivorBefore.length) {
      tables[table.name] = { moved: moved.map((m) => m.k), setAside, survivorBefore }
    }
  }

  const values = mergedValues(survivor, absorbed, req.choices)
  await tx.execute(sql`delete from contacts where id = ${A}`)
  const historyIds: number[] = []
  const at = new Date().toISOString()
  for (const [kind, column] of [
    ['phone', 'phone_e164'],
    ['bsuid', 'bsuid'],
  ] as const) {
    for (const row of [survivor, absorbed]) {
      const old = row[column] as string | null
      if (!old || old === values[column]) continue
      const [h] = await queryRows<{ id: number }>(
        tx,
        sql`insert into contact_identity_history (workspace_id, contact_id, kind, previous_value, new_value, reason, changed_at)
            values (${req.workspaceId}, ${S}, ${kind}, ${old}, ${(values[column] as string | null) ?? null}, 'merge', ${at}::timestamptz)
            returning id`,
      )
      if (h) historyIds.push(Number(h.id))
    }
  }
  const columns = Object.keys(values)
  await tx.execute(sql`
    update contacts c set (${sql.join(columns.map(col), sql`, `)}) =
      (select ${sql.join(
        columns.map((k) => sql`v.${col(k)}`),
        sql`, `,
      )} from jsonb_populate_record(null::contacts, ${jsonRow(values)}) v),
      updated_at = now()
    where c.id = ${S}`)
  // The trigger dates the fields the merge changed; the merged versions (the newer of the two
  // contacts' per field) are what the sync should compare, so they are written last.
  await tx.execute(
    sql`update contacts set field_versions = ${jsonRow(values.field_versions)} where id = ${S}`,
  )
  const after = await lockContact(tx, req.workspaceId, S)
  const written: Row = {}
  for (const [k, v] of Object.entries(after)) {
    if (JSON.stringify(v) !== JSON.stringify(survivor[k])) written[k] = v
  }
  return {
    record: { survivorBefore: survivor, absorbed, written, tables, historyIds },
    survivor: after,
  }
}

/**
 * Puts both contacts back as the merge found them: the absorbed contact with its own id and
 * values, its rows moved back, rows set aside restored, combined rows split again, and the
 * survivor's fields restored where nothing changed them since the merge (a later edit wins).
 */
export async function undoMergeRecord(
  tx: Executor,
  workspaceId: string,
  survivorId: string,
  record: MergeRecord,
): Promise<void> {
  const absorbedId = String(record.absorbed.id)
  const current = await lockContact(tx, workspaceId, survivorId)
  // Survivor columns the merge wrote and nothing changed since go back; the others stay.
  const restore = Object.keys(record.written).filter(
    (k) =>
      k !== 'updated_at' &&
      k !== 'field_versions' &&
      JSON.stringify(current[k]) === JSON.stringify(record.written[k]),
  )
  // Both contacts' identities must be free: the absorbed one's, and the survivor's own when the
  // merge gave it the absorbed one's number or BSUID and the undo hands its old one back.
  const wanted = (key: 'phone_e164' | 'bsuid') =>
    [record.absorbed[key], restore.includes(key) ? record.survivorBefore[key] : null].filter(
      (v): v is string => typeof v === 'string' && v.length > 0,
    )
  const taken = await queryRows<{ id: string }>(
    tx,
    sql`select id from contacts where workspace_id = ${workspaceId} and id <> ${survivorId} and (
          id = ${absorbedId}
          or phone_e164 = any(${pgTextArray(wanted('phone_e164'))}::text[])
          or bsuid = any(${pgTextArray(wanted('bsuid'))}::text[]))`,
  )
  if (taken.length > 0) {
    throw new ConflictError(
      `a number or BSUID this undo would give back now belongs to contact ${taken[0]?.id}; merge or edit that one first`,
    )
  }
  // The survivor's number may be the absorbed one's until restored: free it first.
  if (restore.includes('phone_e164') || restore.includes('bsuid')) {
    const cleared = ['phone_e164', 'bsuid'].filter((k) => restore.includes(k))
    await tx.execute(
      sql`update contacts set ${sql.join(
        cleared.map((k) => sql`${col(k)} = null`),
        sql`, `,
      )} where id = ${survivorId}`,
    )
  }
  await tx.execute(
    sql`insert into contacts select * from jsonb_populate_record(null::contacts, ${jsonRow(record.absorbed)})`,
  )
  for (const table of [...MERGE_TABLES].reverse()) {
    const entry = record.tables[table.name]
    if (!entry) continue
    const name = sql.raw(table.name)
    if (entry.moved.length > 0) {
      await tx.execute(sql`update ${name} set contact_id = ${absorbedId}
                           where contact_id = ${survivorId} and ${table.key} = any(${pgTextArray(entry.moved.map(String))}::text[])`)
    }
    for (const row of entry.survivorBefore) {
      const cols = Object.keys(row).filter((k) => /^[a-z_]+$/.test(k))
      await tx.execute(sql`
        update ${name} s set (${sql.join(
          cols.map((k) => sql.raw(`"${k}"`)),
          sql`, `,
        )}) =
          (select ${sql.join(
            cols.map((k) => sql.raw(`v."${k}"`)),
            sql`, `,
          )} from jsonb_populate_record(null::${name}, ${jsonRow(row)}) v)
        where s.contact_id = ${survivorId} and ${table.key} = (select ${table.key} from jsonb_populate_record(null::${name}, ${jsonRow(row)}) as x)`)
    }
    if (entry.setAside.length > 0) {
      await tx.execute(sql`insert into ${name} overriding system value
                           select * from jsonb_populate_recordset(null::${name}, ${jsonRow(entry.setAside)})`)
    }
  }
  if (record.historyIds.length > 0) {
    await tx.execute(
      sql`delete from contact_identity_history where id = any(${pgTextArray(record.historyIds.map(String))}::bigint[])`,
    )
  }
  if (restore.length > 0) {
    await tx.execute(sql`
      update contacts c set (${sql.join(restore.map(col), sql`, `)}) =
        (select ${sql.join(
          restore.map((k) => sql`v.${col(k)}`),
          sql`, `,
        )} from jsonb_populate_record(null::contacts, ${jsonRow(record.survivorBefore)}) v)
      where c.id = ${survivorId}`)
  }
  // Triggers dated the rows put back just now; the dates they had are the true ones.
  const survivorStamps = JSON.stringify(current.updated_at) === JSON.stringify(record.written.updated_at)
  await tx.execute(sql`
    update contacts set field_versions = v.field_versions, updated_at = v.updated_at
      from jsonb_populate_record(null::contacts, ${jsonRow(record.absorbed)}) v where contacts.id = ${absorbedId}`)
  if (survivorStamps) {
    await tx.execute(sql`
      update contacts set field_versions = v.field_versions, updated_at = v.updated_at
        from jsonb_populate_record(null::contacts, ${jsonRow(record.survivorBefore)}) v where contacts.id = ${survivorId}`)
  }
}

/** A Postgres array literal of text values (quoted, so any value is safe). */
function pgTextArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`
}
