import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { type CrmConnection, type CrmStorageKind, crmStorageUsage } from '../../db/schema'
import type { CrmStorageProfile, WriteResult } from '../port'
import { monthOf } from './storage-month'
import { workspaceTimeZone } from './workspace-zone'

/** One successful write as the meter sees it. */
export interface MeteredWrite {
  ref: string
  /** UTF-8 bytes of the text we sent (values, bodies, titles, links). */
  bytes: number
  /** The CRM made no new record when we knew the record (an update by id): false. */
  mayCreate: boolean
}

export const utf8Bytes = (...parts: (string | null | undefined)[]) =>
  parts.reduce((n, p) => n + (p ? Buffer.byteLength(p, 'utf8') : 0), 0)

/**
 * Adds a batch's successful writes to the connection's month, in one upsert: counted when the
 * sync writes, so the estimate never scans history. A write the CRM says created a record (or
 * that may have, when the connector does not say) costs the profile's record cost.
 */
export async function meterWrites(
  db: Executor,
  connection: CrmConnection,
  kind: CrmStorageKind,
  profile: CrmStorageProfile,
  writes: MeteredWrite[],
  results: WriteResult[],
  now = new Date(),
): Promise<void> {
  const byRef = new Map(writes.map((w) => [w.ref, w]))
  let records = 0
  let count = 0
  let bytes = 0
  for (const r of results) {
    const w = byRef.get(r.ref)
    if (!r.ok || !w) continue
    count++
    bytes += w.bytes
    if (r.created ?? w.mayCreate) records++
  }
  if (count === 0) return
  await addUsage(db, connection, kind, now, {
    records,
    writes: count,
    bytes,
    units: records * profile.recordCost[kind],
    skipped: 0,
  })
}

/** Messages thinning left out of the CRM this month (they stay in our thread). */
export async function meterSkipped(
  db: Executor,
  connection: CrmConnection,
  skipped: number,
  now = new Date(),
): Promise<void> {
  if (skipped === 0) return
  await addUsage(db, connection, 'message', now, { records: 0, writes: 0, bytes: 0, units: 0, skipped })
}

async function addUsage(
  db: Executor,
  connection: CrmConnection,
  kind: CrmStorageKind,
  now: Date,
  add: { records: number; writes: number; bytes: number; units: number; skipped: number },
): Promise<void> {
  const month = monthOf(now, await workspaceTimeZone(db, connection.workspaceId))
  const u = crmStorageUsage
  await db
    .insert(u)
    .values({
      connectionId: connection.id,
      workspaceId: connection.workspaceId,
      month,
      kind,
      recordsCreated: add.records,
      writes: add.writes,
      bytes: add.bytes,
      units: add.units,
      skipped: add.skipped,
    })
    .onConflictDoUpdate({
      target: [u.connectionId, u.month, u.kind],
      set: {
        recordsCreated: sql`${u.recordsCreated} + ${add.records}`,
        writes: sql`${u.writes} + ${add.writes}`,
        bytes: sql`${u.bytes} + ${add.bytes}`,
        units: sql`${u.units} + ${add.units}`,
        skipped: sql`${u.skipped} + ${add.skipped}`,
        updatedAt: sql`now()`,
      },
    })
}
