/** HubSpot's batch envelope: the `inputs` list (≤ 100), per-input errors and the 200/201/207 answer. */
import { type SimAnswer, tooManyInputs, validationError } from './errors'
import { isRecord } from './http'

export const MAX_BATCH = 100

export function inputsOf(body: unknown): { ok: true; inputs: unknown[] } | { ok: false; answer: SimAnswer } {
  const inputs = isRecord(body) ? body.inputs : undefined
  if (!Array.isArray(inputs))
    return { ok: false, answer: validationError('Invalid input JSON: "inputs" is required') }
  if (inputs.length > MAX_BATCH) return { ok: false, answer: tooManyInputs(MAX_BATCH) }
  return { ok: true, inputs }
}

/** One entry of a batch answer's `errors[]`, from a single-input error answer. */
export function batchError(answer: SimAnswer, context: Record<string, string[]>): Record<string, unknown> {
  const b = answer.body as {
    category?: string
    message?: string
    errors?: unknown
    context?: Record<string, string[]>
  }
  return {
    status: 'error',
    category: b.category,
    message: b.message,
    context: { ...b.context, ...context },
    ...(b.errors ? { errors: b.errors } : {}),
  }
}

/** HubSpot's batch envelope: `okStatus` when all inputs succeeded, 207 with `errors` otherwise. */
export function batchAnswer(
  okStatus: number,
  results: unknown[],
  errors: unknown[],
  startedAt: string,
): SimAnswer {
  return {
    status: errors.length ? 207 : okStatus,
    body: {
      status: 'COMPLETE',
      results,
      ...(errors.length ? { numErrors: errors.length, errors } : {}),
      startedAt,
      completedAt: new Date().toISOString(),
    },
  }
}
