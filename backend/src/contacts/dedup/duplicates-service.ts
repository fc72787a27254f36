import { and, desc, eq, sql } from 'drizzle-orm'
import type { Database, Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import {
  type ContactMerge,
  contactMerges,
  type DuplicateCandidate,
  type DuplicateReason,
  duplicateCandidates,
  workspaces,
} from '../../db/schema'
import { ConflictError, NotFoundError } from '../../lib/errors'
import { buildProfiles } from './build-profile'
import { findCandidates } from './find-candidates'
import { loadRawContacts } from './load-contacts'
import { type MergeField, mergeContactsReviewed, undoMergeRecord } from './merge-contacts'
import { isAutoMergeable } from './scoring'
import { type DedupSettings, dedupSettingsOf } from './settings'

/**
 * What else a merge or its undo must reach, in the same transaction: the CRM connectors report
 * here (api/ wires crm/merge-review-items), so contacts/ need not know about CRMs.
 */
export type MergeListener = (
  tx: Executor,
  workspaceId: string,
  merge: ContactMerge,
  event: 'merged' | 'undone',
) => Promise<void>

export interface ScanOutcome {
  contacts: number
  candidates: number
  pairsCompared: number
  autoMerged: number
}

export async function workspaceDedupSettings(db: Executor, workspaceId: string): Promise<DedupSettings> {
  const [ws] = await db
    .select({ settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
  return dedupSettingsOf(ws?.settings)
}

/**
 * Finds the workspace's duplicate candidates afresh: new pairs are proposed, pairs still found
 * get their current score and reasons, open pairs no longer found are withdrawn, and pairs a
 * person dismissed or merged stay as they were decided. Pairs proven by an exact identity above
 * the automatic-merge score are merged (and can be undone like any other merge).
 */
export async function scanDuplicates(
  db: Database,
  workspaceId: string,
  onMerge?: MergeListener,
): Promise<ScanOutcome> {
  const settings = await workspaceDedupSettings(db, workspaceId)
  const { contacts, region } = await loadRawContacts(db, workspaceId)
  const found = findCandidates(buildProfiles(contacts, region), { reviewScore: settings.review_score })
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      create temporary table if not exists scan_pairs (a uuid, b uuid, score real, reasons jsonb) on commit drop`)
    for (let i = 0; i < found.candidates.length; i += 2000) {
      const chunk = found.candidates
        .slice(i, i + 2000)
        .map((c) => ({ a: c.a, b: c.b, score: c.score, reasons: c.reasons }))
      await tx.execute(sql`insert into scan_pairs select * from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
                           as v(a uuid, b uuid, score real, reasons jsonb)`)
    }
    await tx.execute(sql`
      insert into duplicate_candidates (workspace_id, contact_a, contact_b, score, reasons)
      select ${workspaceId}, a, b, score, reasons from scan_pairs
      on conflict (workspace_id, contact_a, contact_b) do update
        set score = excluded.score, reasons = excluded.reasons, updated_at = now()
        where duplicate_candidates.state = 'open'`)
    await tx.execute(sql`
      delete from duplicate_candidates d where d.workspace_id = ${workspaceId} and d.state = 'open'
        and not exists (select 1 from scan_pairs p where p.a = d.contact_a and p.b = d.contact_b)`)
  })

  let autoMerged = 0
  const merged = new Set<string>()
  for (const c of found.candidates) {
    if (!isAutoMergeable(c, settings.auto_merge_score) || merged.has(c.a) || merged.has(c.b)) continue
    const [row] = await db
      .select()
      .from(duplicateCandidates)
      .where(
        and(
          eq(duplicateCandidates.workspaceId, workspaceId),
          eq(duplicateCandidates.contactA, c.a),
          eq(duplicateCandidates.contactB, c.b),
          eq(duplicateCandidates.state, 'open'),
        ),
      )
    if (!row) continue
    const merge = await mergeCandidate(db, workspaceId, row.id, {}, 'dedup', 'automatic', onMerge)
    merged.add(merge.absorbedId)
    autoMerged++
  }
  return {
    contacts: contacts.length,
    candidates: found.candidates.length,
    pairsCompared: found.pairsCompared,
    autoMerged,
  }
}

export interface CandidateSide {
  id: string
  name: string | null
  profile_name: string | null
  phone: string | null
  bsuid: string | null
  email: string | null
  created_at: string
  last_inbound_at: string | null
  messages: number
}

export interface CandidateView {
  id: string
  score: number
  state: DuplicateCandidate['state']
  reasons: DuplicateReason[]
  contacts: [CandidateSide, CandidateSide]
  created_at: string
}

/** Open candidates, best first, each with both contacts side by side. */
export async function listDuplicates(
  db: Executor,
  workspaceId: string,
  opts: { limit: number; minScore?: number; contactId?: string },
): Promise<CandidateView[]> {
  const rows = await queryRows<{
    id: string
    score: number
    state: DuplicateCandidate['state']
    reasons: DuplicateReason[]
    created_at: string
    a: CandidateSide
    b: CandidateSide
  }>(
    db,
    sql`select d.id, d.score, d.state, d.reasons, d.created_at, ${side('ca')} as a, ${side('cb')} as b
          from duplicate_candidates d
          join contacts ca on ca.id = d.contact_a
          join contacts cb on cb.id = d.contact_b
         where d.workspace_id = ${workspaceId} and d.state = 'open'
           and d.score >= ${opts.minScore ?? 0}
           ${opts.contactId ? sql`and (d.contact_a = ${opts.contactId} or d.contact_b = ${opts.contactId})` : sql``}
         order by d.score desc, d.id
         limit ${opts.limit}`,
  )
  return rows.map((r) => ({
    id: r.id,
    score: Number(r.score),
    state: r.state,
    reasons: r.reasons,
    contacts: [r.a, r.b],
    created_at: new Date(r.created_at).toISOString(),
  }))
}

function side(alias: string) {
  const c = sql.raw(alias)
  return sql`jsonb_build_object('id', ${c}.id, 'name', ${c}.name, 'profile_name', ${c}.profile_name,
    'phone', ${c}.phone_e164, 'bsuid', ${c}.bsuid, 'email', ${c}.email,
    'created_at', to_char(${c}.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'last_inbound_at', to_char(${c}.last_inbound_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'messages', (select count(*)::int from messages m where m.contact_id = ${c}.id))`
}

async function openCandidate(tx: Executor, workspaceId: string, id: string): Promise<DuplicateCandidate> {
  const [row] = await tx
    .select()
    .from(duplicateCandidates)
    .where(and(eq(duplicateCandidates.id, id), eq(duplicateCandidates.workspaceId, workspaceId)))
    .for('update')
  if (!row) throw new NotFoundError(`duplicate candidate ${id} does not exist`)
  if (row.state !== 'open') throw new ConflictError(`duplicate candidate ${id} is already ${row.state}`)
  return row
}

/** Never proposes the pair again (a later scan keeps it dismissed). */
export async function dismissCandidate(db: Database, workspaceId: string, id: string, actor: string) {
  return db.transaction(async (tx) => {
    await openCandidate(tx, workspaceId, id)
    const [row] = await tx
      .update(duplicateCandidates)
      .set({ state: 'dismissed', decidedBy: actor, decidedAt: new Date(), updatedAt: new Date() })
      .where(eq(duplicateCandidates.id, id))
      .returning()
    return row as DuplicateCandidate
  })
}

export interface MergeChoice {
  survivorId?: string
  fields?: Partial<Record<MergeField, string>>
}

/**
 * Merges a candidate's two contacts. The survivor is the one named, else the older contact
 * (the one CRM records and history most likely point at).
 */
export async function mergeCandidate(
  db: Database,
  workspaceId: string,
  id: string,
  choice: MergeChoice,
  actor: string,
  origin: ContactMerge['origin'] = 'review',
  onMerge?: MergeListener,
): Promise<ContactMerge> {
  return db.transaction(async (tx) => {
    const candidate = await openCandidate(tx, workspaceId, id)
    const pair = [candidate.contactA, candidate.contactB]
    let survivorId = choice.survivorId
    if (survivorId && !pair.includes(survivorId)) {
      throw new ConflictError(`survivor_id must be one of the candidate's contacts (${pair.join(', ')})`)
    }
    if (!survivorId) {
      const [older] = await queryRows<{ id: string }>(
        tx,
        sql`select id from contacts where id in (${candidate.contactA}, ${candidate.contactB}) order by created_at, id limit 1`,
      )
      if (!older) throw new NotFoundError('both contacts of this candidate are gone')
      survivorId = older.id
    }
    const absorbedId = (survivorId === candidate.contactA ? candidate.contactB : candidate.contactA) as string
    const { record } = await mergeContactsReviewed(tx, {
      workspaceId,
      survivorId,
      absorbedId,
      choices: choice.fields,
    })
    const [merge] = await tx
      .insert(contactMerges)
      .values({ workspaceId, survivorId, absorbedId, candidateId: id, origin, actor, record })
      .returning()
    await tx
      .update(duplicateCandidates)
      .set({ state: 'merged', decidedBy: actor, decidedAt: new Date(), updatedAt: new Date() })
      .where(eq(duplicateCandidates.id, id))
    await onMerge?.(tx, workspaceId, merge as ContactMerge, 'merged')
    return merge as ContactMerge
  })
}

/**
 * Undoes a merge, unless a later merge still in force involves either contact (that one must
 * be undone first: the error names it). The candidate becomes dismissed: a person said no.
 */
export async function undoMerge(
  db: Database,
  workspaceId: string,
  mergeId: string,
  actor: string,
  onMerge?: MergeListener,
): Promise<ContactMerge> {
  return db.transaction(async (tx) => {
    const [merge] = await tx
      .select()
      .from(contactMerges)
      .where(and(eq(contactMerges.id, mergeId), eq(contactMerges.workspaceId, workspaceId)))
      .for('update')
    if (!merge) throw new NotFoundError(`merge ${mergeId} does not exist`)
    if (merge.undoneAt) throw new ConflictError(`merge ${mergeId} was already undone`)
    const later = await queryRows<{ id: string }>(
      tx,
      sql`select id from contact_merges
           where workspace_id = ${workspaceId} and undone_at is null and id <> ${mergeId}
             and created_at >= ${merge.createdAt.toISOString()}::timestamptz
             and (survivor_id in (${merge.survivorId}, ${merge.absorbedId}) or absorbed_id in (${merge.survivorId}, ${merge.absorbedId}))
           order by created_at desc`,
    )
    if (later.length > 0) {
      throw new ConflictError(
        `merge ${mergeId} cannot be undone before the later merge(s) ${later.map((l) => l.id).join(', ')}`,
      )
    }
    await undoMergeRecord(tx, workspaceId, merge.survivorId, merge.record)
    const [undone] = await tx
      .update(contactMerges)
      .set({
        undoneAt: new Date(),
        actor: merge.actor ? `${merge.actor}; undone by ${actor}` : `undone by ${actor}`,
      })
      .where(eq(contactMerges.id, mergeId))
      .returning()
    if (merge.candidateId) {
      await tx
        .update(duplicateCandidates)
        .set({ state: 'dismissed', decidedBy: actor, decidedAt: new Date(), updatedAt: new Date() })
        .where(eq(duplicateCandidates.id, merge.candidateId))
    }
    await onMerge?.(tx, workspaceId, undone as ContactMerge, 'undone')
    return undone as ContactMerge
  })
}

export async function listMerges(db: Executor, workspaceId: string, limit: number): Promise<ContactMerge[]> {
  return db
    .select()
    .from(contactMerges)
    .where(eq(contactMerges.workspaceId, workspaceId))
    .orderBy(desc(contactMerges.createdAt), desc(contactMerges.id))
    .limit(limit)
}
