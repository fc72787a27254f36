import { z } from '@hono/zod-openapi'

/**
 * Every request value a route reads passes this check before its own schema: strings Postgres
 * cannot hold (NUL) or that are not Unicode text at all (a lone UTF-16 surrogate, which
 * `JSON.parse` lets through from `"\ud800"`) are refused with the field named, instead of failing
 * deep in a query as a 500 — or, for a lone surrogate, being silently turned into U+FFFD by the
 * driver. It runs on the raw input, so free-form parts a schema passes through unread
 * (`looseObject`, records) and field names are covered too.
 */

/** Deeper than any body the API describes; stops nesting bombs before jsonb or a walk of ours. */
export const MAX_INPUT_DEPTH = 32

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Why a string cannot be accepted as text, or null when it can. */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'contains the NUL character (U+0000), which text cannot hold'
  if (LONE_SURROGATE.test(value)) return 'is not valid Unicode text (it holds a lone surrogate)'
  return null
}

type Path = (string | number)[]

/** Any JSON-like value: each string, and each object key, must be text; nesting is bounded. */
export const safeInputSchema = z.unknown().superRefine((input, ctx) => {
  // Iterative, so a deeply nested body cannot overflow our own stack either.
  const stack: { value: unknown; path: Path }[] = [{ value: input, path: [] }]
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: Path }
    if (typeof value === 'string') {
      const problem = textProblem(value)
      if (problem) ctx.addIssue({ code: 'custom', path, message: problem })
      continue
    }
    if (value === null || typeof value !== 'object') continue
    if (path.length >= MAX_INPUT_DEPTH) {
      ctx.addIssue({ code: 'custom', path, message: `is nested deeper than ${MAX_INPUT_DEPTH} levels` })
      continue
    }
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((item, i) => [i, item])
      : Object.entries(value)
    for (const [key, item] of entries) {
      const keyProblem = typeof key === 'string' ? textProblem(key) : null
      if (keyProblem) ctx.addIssue({ code: 'custom', path, message: `has a field name that ${keyProblem}` })
      else stack.push({ value: item, path: [...path, key] })
    }
  }
})
