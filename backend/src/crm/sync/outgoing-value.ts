import type { FieldValue } from '../contact-values'
import { fieldSpec } from '../fields'
import type { MappedField } from '../port'

/**
 * What the contact sync writes for one mapped field, shared by the sync and the daily accuracy
 * sample (watchdogs/) so the sample compares against exactly what a sync would send.
 */

/** Whether the field is written to a record that is already linked (create-only fields are not). */
export function writtenToLinkedRecord(f: MappedField): boolean {
  const spec = fieldSpec(f.field)
  return Boolean(spec) && !spec?.onCreateOnly
}

/** Our value for the field, or the mapping's default when ours is empty. */
export function outgoingValue(f: MappedField, values: Record<string, FieldValue>): FieldValue {
  const value = values[f.field] ?? null
  if ((value === null || value === '') && f.defaultValue !== null && f.defaultValue !== undefined) {
    return f.defaultValue
  }
  return value
}
