import { and, eq, inArray, or, sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import { type Contact, contacts, contactTags, messages } from '../db/schema'
import type { Identity } from './identity'
import { moveContactIdentity, previousValues } from './move-identity'

export const identityKey = (workspaceId: string, identity: Pick<Identity, 'phone' | 'bsuid'>): string =>
  `${workspaceId}|${identity.phone ?? ''}|${identity.bsuid ?? ''}`

type ContactFill = {
  id: string
  phone: string | null
  wa_id: string | null
  bsuid: string | null
  parent_bsuid: string | null
  username: string | null
  profile_name: string | null
  versions: Record<string, number>
}

/**
 * Finds or creates the contact for every identity in a batch with a handful of statements:
 * one select, one insert for the new ones, one update for those that gained an id or a name.
 * A person known by phone and, separately, by BSUID is merged into one contact.
 * Returns identity key → contact id.
 */
export async function resolveIdentities(
  tx: Executor,
  workspaceId: string,
  identities: Identity[],
  now: Date,
): Promise<Map<string, string>> {
  const unique = new Map<string, Identity>()
  for (const identity of identities) unique.set(identityKey(workspaceId, identity), identity)
  const result = new Map<string, string>()
  if (unique.size === 0) return result

  let rows = await loadMatching(tx, workspaceId, [...unique.values()])
  const missing = [...unique.values()].filter(
    (i) => !findMatch(rows, i).phoneRow && !findMatch(rows, i).bsuidRow,
  )
  if (missing.length > 0) {
    const stamp = now.getTime()
    await tx
      .insert(contacts)
      .values(dedupeNew(missing).map((i) => newContact(workspaceId, i, stamp)))
      .onConflictDoNothing()
    rows = await loadMatching(tx, workspaceId, [...unique.values()])
  }

  // Merges first, so that no identity is handed the id of a row a later merge deletes.
  for (const identity of unique.values()) {
    const { phoneRow, bsuidRow } = findMatch(rows, identity)
    if (phoneRow && bsuidRow && phoneRow.id !== bsuidRow.id) {
      const survivor = await mergeContacts(tx, phoneRow, bsuidRow)
      rows = [survivor, ...rows.filter((r) => r.id !== phoneRow.id && r.id !== bsuidRow.id)]
    }
  }

  await followNumberChanges(tx, rows, [...unique.values()], now)

  const fills = new Map<string, ContactFill>()
  for (const [key, identity] of unique) {
    const { phoneRow, bsuidRow } = findMatch(rows, identity)
    const row = phoneRow ?? bsuidRow
    if (!row) throw new Error(`contact for ${identity.phone ?? identity.bsuid} could not be created`)
    result.set(key, row.id)
    const fill = fillFor(row, identity, now.getTime())
    if (fill) {
      fills.set(row.id, mergeFill(fills.get(row.id), fill))
      applyFillLocally(row, fill)
    }
  }
  if (fills.size > 0) await applyFills(tx, [...fills.values()])
  return result
}

/**
 * A BSUID stays with the person while the number behind it changes: a known BSUID arriving with
 * a number no contact has means the person changed number, so the contact moves to it (the old
 * number goes to its identity history). A number the contact already left does not move it
 * back: that is a late delivery from before the change.
 */
async function followNumberChanges(tx: Executor, rows: Contact[], identities: Identity[], now: Date) {
  const changes = identities.flatMap((identity) => {
    const { phoneRow, bsuidRow } = findMatch(rows, identity)
    return identity.phone && bsuidRow?.phoneE164 && bsuidRow.phoneE164 !== identity.phone && !phoneRow
      ? [{ row: bsuidRow, phone: identity.phone }]
      : []
  })
  if (changes.length === 0) return
  const left = await previousValues(
    tx,
    changes.map((c) => c.row.id),
    'phone',
  )
  for (const { row, phone } of changes) {
    if (left.has(`${row.id}|${phone}`) || rows.some((r) => r.phoneE164 === phone)) continue
    const previous = row.phoneE164
    if (
      await moveContactIdentity(tx, {
        contactId: row.id,
        kind: 'phone',
        to: phone,
        reason: 'number_change',
        at: now,
      })
    ) {
      row.phoneE164 = phone
      row.waId = phone.slice(1)
      if (previous) left.add(`${row.id}|${previous}`)
    }
  }
}

/** Two identities of one batch may fill the same contact; one UPDATE row per contact. */
function mergeFill(earlier: ContactFill | undefined, later: ContactFill): ContactFill {
  if (!earlier) return later
  const pick = <K extends keyof ContactFill>(k: K) => later[k] ?? earlier[k]
  return {
    id: later.id,
    phone: pick('phone'),
    wa_id: pick('wa_id'),
    bsuid: pick('bsuid'),
    parent_bsuid: pick('parent_bsuid'),
    username: pick('username'),
    profile_name: pick('profile_name'),
    versions: { ...earlier.versions, ...later.versions },
  }
}

async function loadMatching(tx: Executor, workspaceId: string, identities: Identity[]): Promise<Contact[]> {
  const phones = identities.flatMap((i) => (i.phone ? [i.phone] : []))
  const bsuids = identities.flatMap((i) => (i.bsuid ? [i.bsuid] : []))
  const conditions = [
    phones.length ? inArray(contacts.phoneE164, phones) : undefined,
    bsuids.length ? inArray(contacts.bsuid, bsuids) : undefined,
  ].filter((c) => c !== undefined)
  return tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), or(...conditions)))
    .orderBy(contacts.createdAt, contacts.id)
}

function findMatch(rows: Contact[], identity: Identity): { phoneRow?: Contact; bsuidRow?: Contact } {
  return {
    phoneRow: identity.phone ? rows.find((r) => r.phoneE164 === identity.phone) : undefined,
    bsuidRow: identity.bsuid ? rows.find((r) => r.bsuid === identity.bsuid) : undefined,
  }
}

/** Two new identities in one batch may share a phone or a BSUID; insert each person once. */
function dedupeNew(identities: Identity[]): Identity[] {
  const seen = new Set<string>()
  return identities.filter((i) => {
    const keys = [i.phone && `p:${i.phone}`, i.bsuid && `b:${i.bsuid}`].filter(Boolean) as string[]
    if (keys.some((k) => seen.has(k))) return false
    for (const k of keys) seen.add(k)
    return true
  })
}

function newContact(workspaceId: string, i: Identity, stamp: number): typeof contacts.$inferInsert {
  const versions: Record<string, number> = {}
  for (const [field, value] of Object.entries({ phone: i.phone, bsuid: i.bsuid, name: i.profileName })) {
    if (value) versions[field] = stamp
  }
  return {
    workspaceId,
    phoneE164: i.phone,
    waId: i.waId,
    bsuid: i.bsuid,
    parentBsuid: i.parentBsuid,
    username: i.username,
    profileName: i.profileName,
    name: i.profileName,
    fieldVersions: versions,
  }
}

/** What an identity adds to a known contact; the profile name fills an empty name only. */
function fillFor(row: Contact, i: Identity, stamp: number): ContactFill | null {
  const fill: ContactFill = {
    id: row.id,
    phone: null,
    wa_id: null,
    bsuid: null,
    parent_bsuid: null,
    username: null,
    profile_name: null,
    versions: {},
  }
  let changed = false
  const set = <K extends keyof ContactFill>(key: K, value: ContactFill[K], versionField?: string) => {
    fill[key] = value
    if (versionField) fill.versions[versionField] = stamp
    changed = true
  }
  if (i.phone && !row.phoneE164) set('phone', i.phone, 'phone')
  if (i.waId && i.waId !== row.waId) set('wa_id', i.waId)
  if (i.bsuid && !row.bsuid) set('bsuid', i.bsuid, 'bsuid')
  if (i.parentBsuid && i.parentBsuid !== row.parentBsuid) set('parent_bsuid', i.parentBsuid)
  if (i.username && i.username !== row.username) set('username', i.username)
  if (i.profileName && i.profileName !== row.profileName) set('profile_name', i.profileName, 'profile_name')
  if (i.profileName && !row.name) fill.versions.name = stamp
  return changed ? fill : null
}

function applyFillLocally(row: Contact, fill: ContactFill): void {
  row.phoneE164 ??= fill.phone
  row.bsuid ??= fill.bsuid
  row.waId = fill.wa_id ?? row.waId
  row.profileName = fill.profile_name ?? row.profileName
  row.name ??= fill.profile_name
}

async function applyFills(tx: Executor, fills: ContactFill[]): Promise<void> {
  fills.sort((a, b) => a.id.localeCompare(b.id))
  await tx.execute(sql`
    update contacts c set
      phone_e164 = coalesce(c.phone_e164, v.phone),
      wa_id = coalesce(v.wa_id, c.wa_id),
      bsuid = coalesce(c.bsuid, v.bsuid),
      parent_bsuid = coalesce(v.parent_bsuid, c.parent_bsuid),
      username = coalesce(v.username, c.username),
      profile_name = coalesce(v.profile_name, c.profile_name),
      name = coalesce(c.name, v.profile_name),
      field_versions = c.field_versions || v.versions,
      updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(fills)}::jsonb)
      as v(id uuid, phone text, wa_id text, bsuid text, parent_bsuid text, username text, profile_name text, versions jsonb)
    where c.id = v.id`)
}

/**
 * One person, two rows: one found by phone, one by BSUID (the BSUID arrived before the phone
 * did, or the other way round). The older row survives and takes the other's history and tags;
 * its own values win, the other's fill its gaps.
 */
export async function mergeContacts(tx: Executor, a: Contact, b: Contact): Promise<Contact> {
  const [survivor, absorbed] = a.createdAt <= b.createdAt ? [a, b] : [b, a]
  await tx.update(messages).set({ contactId: survivor.id }).where(eq(messages.contactId, absorbed.id))
  await tx.execute(sql`
    insert into contact_tags (workspace_id, contact_id, tag_id, source, reason, created_at)
    select workspace_id, ${survivor.id}, tag_id, source, reason, created_at
    from contact_tags where contact_id = ${absorbed.id}
    on conflict do nothing`)
  await tx.delete(contactTags).where(eq(contactTags.contactId, absorbed.id))
  // Everything else that hangs off a contact moves too: deleting the absorbed row would otherwise
  // cascade away its queued sends, its CRM record links and its product interests.
  await tx.execute(sql`update send_jobs set contact_id = ${survivor.id} where contact_id = ${absorbed.id}`)
  // A connection keeps one record per contact: the survivor's link stays, the absorbed one's moves
  // only where the survivor has none.
  await tx.execute(sql`
    update crm_record_links l set contact_id = ${survivor.id}
     where l.contact_id = ${absorbed.id}
       and not exists (select 1 from crm_record_links s
                        where s.contact_id = ${survivor.id} and s.connection_id = l.connection_id
                          and s.object_type = l.object_type)`)
  await tx.execute(sql`
    insert into contact_interests (workspace_id, contact_id, sku, mentions, first_at, last_at)
    select workspace_id, ${survivor.id}, sku, mentions, first_at, last_at from contact_interests where contact_id = ${absorbed.id}
    on conflict (contact_id, sku) do update set
      mentions = contact_interests.mentions + excluded.mentions,
      first_at = least(contact_interests.first_at, excluded.first_at),
      last_at = greatest(contact_interests.last_at, excluded.last_at)`)
  await tx.delete(contacts).where(eq(contacts.id, absorbed.id))
  const merged = {
    phoneE164: survivor.phoneE164 ?? absorbed.phoneE164,
    waId: survivor.waId ?? absorbed.waId,
    bsuid: survivor.bsuid ?? absorbed.bsuid,
    parentBsuid: survivor.parentBsuid ?? absorbed.parentBsuid,
    username: survivor.username ?? absorbed.username,
    profileName: survivor.profileName ?? absorbed.profileName,
    name: survivor.name ?? absorbed.name,
    email: survivor.email ?? absorbed.email,
    lastInboundAt: latest(survivor.lastInboundAt, absorbed.lastInboundAt),
    lastOutboundAt: latest(survivor.lastOutboundAt, absorbed.lastOutboundAt),
    fieldVersions: { ...absorbed.fieldVersions, ...survivor.fieldVersions },
    updatedAt: new Date(),
  }
  const [row] = await tx.update(contacts).set(merged).where(eq(contacts.id, survivor.id)).returning()
  if (!row) throw new Error(`contact ${survivor.id} vanished during a merge`)
  return row
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b
  if (!b) return a
  return a > b ? a : b
}
