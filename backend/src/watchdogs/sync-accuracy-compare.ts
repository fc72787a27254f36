import { type FieldValue, sameValue } from '../crm/contact-values'
import type { CrmConnector, CrmRecord, MappedField } from '../crm/port'
import { outgoingValue, writtenToLinkedRecord } from '../crm/sync/outgoing-value'
import type { SyncAccuracyDifference } from '../db/schema'

/**
 * Fields left out of the comparison because their value changes with time alone, so the CRM
 * legitimately holds an older one: `window_open_until` is computed from `now` (fieldValues gives
 * the window's end while it is open and null once it closed), and nothing queues a sync when the
 * window closes, so a record synced while the window was open keeps that end until the contact
 * changes again. Every other field is a stored value whose change queues a sync.
 */
export const TIME_DEPENDENT_FIELDS: ReadonlySet<string> = new Set(['window_open_until'])

/** The most differences one sample keeps (the total is counted anyway). */
export const DIFFERENCES_KEPT = 50

/** The fields a sync writes to a linked record now, apart from the time-dependent ones. */
export function comparedFields(fields: MappedField[]): MappedField[] {
  return fields.filter((f) => writtenToLinkedRecord(f) && !TIME_DEPENDENT_FIELDS.has(f.field))
}

export interface SampleTally {
  fieldsCompared: number
  fieldsEqual: number
  differences: SyncAccuracyDifference[]
  differencesTotal: number
}

export function emptyTally(): SampleTally {
  return { fieldsCompared: 0, fieldsEqual: 0, differences: [], differencesTotal: 0 }
}

/**
 * Compares one record as the CRM holds it with what the sync would write now. Both sides go
 * through the connector's own formatting and parsing (formatValue, then parseValue), so a value
 * the CRM stores in another spelling (a date as ISO text, a number as "3.0") is equal, as it is
 * for the sync. A value the property cannot take is not sent by the sync either: not compared.
 * A record the CRM no longer has reads as empty on every field.
 */
export function compareRecord(
  tally: SampleTally,
  connector: CrmConnector,
  fields: MappedField[],
  ours: Record<string, FieldValue>,
  /** The record's upsert key as the sync sends it (the contact's number). */
  uniqueValue: string,
  recordId: string,
  record: CrmRecord | undefined,
): void {
  for (const f of fields) {
    const formatted = connector.formatValue(outgoingValue(f, ours), f.spec)
    if (!formatted.ok) continue
    let written: string = formatted.value
    const parsed = canonical(connector.parseValue(written, f.spec))
    // Where the CRM requires a value, the connector writes a stand-in for our empty one.
    if (parsed === null) written = connector.emptyStandIn?.(f.property, uniqueValue) ?? written
    const raw = record?.properties[f.property] ?? null
    tally.fieldsCompared += 1
    if (
      sameValue(
        canonical(connector.parseValue(written, f.spec)),
        canonical(connector.parseValue(raw, f.spec)),
      )
    ) {
      tally.fieldsEqual += 1
      continue
    }
    tally.differencesTotal += 1
    if (tally.differences.length < DIFFERENCES_KEPT)
      tally.differences.push({ record_id: recordId, field: f.field, ours: written, crm: raw })
  }
}

/** Multi-select values in a stable order; an empty value is null on both sides. */
function canonical(v: FieldValue): FieldValue {
  if (Array.isArray(v)) return v.length === 0 ? null : [...v].sort()
  return v === '' ? null : v
}

/** Percent with two decimals, null when nothing was compared. */
export function accuracyPercent(equal: number, compared: number): number | null {
  return compared === 0 ? null : Math.round((equal / compared) * 10_000) / 100
}

/** The alert threshold, in integers so exactly 99.0 % is not under it. */
export const ACCURACY_ALERT_PERCENT = 99
export function underThreshold(equal: number, compared: number): boolean {
  return compared > 0 && equal * 100 < ACCURACY_ALERT_PERCENT * compared
}
