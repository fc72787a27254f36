import type { WriteResult } from '../port'
import { classifyRecordError } from './salesforce-errors'

/** One entry of an sObject Collections answer. */
export interface SaveResult {
  id?: string | null
  success: boolean
  errors?: { statusCode: string; message: string; fields?: string[] }[]
  created?: boolean
}

/** Collections answer in request order: result i belongs to input i. */
export function toWriteResults(refs: string[], answers: SaveResult[]): WriteResult[] {
  return refs.map((ref, i) => {
    const a = answers[i]
    if (a?.success && a.id)
      return {
        ref,
        ok: true as const,
        recordId: a.id,
        ...(typeof a.created === 'boolean' ? { created: a.created } : {}),
      }
    const first = a?.errors?.[0]
    return {
      ref,
      ok: false as const,
      error: first
        ? classifyRecordError(first)
        : {
            kind: 'transient' as const,
            code: 'NO_RESULT',
            message: 'Salesforce answered no result for this record',
          },
    }
  })
}
