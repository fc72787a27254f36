import type { CrmError, WriteResult } from '../port'

/** Our property values as the strings HubSpot's batch inputs take. */
export function stringProps(props: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(props)) out[k] = v === null || v === undefined ? '' : String(v)
  return out
}

export function missingResult(): CrmError {
  return { kind: 'transient', code: 'missing_result', message: 'HubSpot did not return this input.' }
}

export interface BatchAnswer {
  /**
   * Whether the upsert created the record: `_new` where the SDK answered (its name for the wire's
   * `new`), `new` where we called the API directly.
   */
  results: { id: string; properties?: Record<string, string | null>; new?: boolean; _new?: boolean }[]
  errors?: { message: string; category?: string; context?: Record<string, string[]> }[]
}

/** Pairs HubSpot's results (in no guaranteed order) with our inputs; 207 errors by trace id. */
export function matchResults<I extends { ref: string }>(
  inputs: I[],
  answer: BatchAnswer,
  resultKey: (r: BatchAnswer['results'][number]) => string | null | undefined,
  inputKey: (i: I) => string,
): WriteResult[] {
  const byKey = new Map(answer.results.map((r) => [resultKey(r) ?? '', r]))
  return inputs.map((i) => {
    const found = byKey.get(inputKey(i))
    if (found) {
      const created = typeof found._new === 'boolean' ? found._new : found.new
      return {
        ref: i.ref,
        ok: true as const,
        recordId: found.id,
        ...(typeof created === 'boolean' ? { created } : {}),
      }
    }
    const err = answer.errors?.find(
      (e) => e.context?.objectWriteTraceId?.includes(i.ref) || e.context?.ids?.includes(inputKey(i)),
    )
    return {
      ref: i.ref,
      ok: false as const,
      error: err
        ? { kind: 'permanent' as const, code: err.category ?? 'VALIDATION_ERROR', message: err.message }
        : missingResult(),
    }
  })
}
