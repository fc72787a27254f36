/** Hono plumbing shared by the route files: the context type, JSON answers and body parsing. */
import type { HttpBindings } from '@hono/node-server'
import type { Context } from 'hono'
import { type SimAnswer, sfError } from './errors'
import type { Org } from './org'

export type SimEnv = {
  Bindings: HttpBindings
  Variables: { org: Org | null; userId: string | null; records: number }
}
export type Ctx = Context<SimEnv>

export function send(c: Ctx, answer: SimAnswer): Response {
  for (const [k, v] of Object.entries(answer.headers ?? {})) c.header(k, v)
  if (answer.body === null || answer.status === 204) return c.body(null, answer.status as 204)
  return c.body(JSON.stringify(answer.body), answer.status as 200, {
    'content-type': 'application/json;charset=UTF-8',
  })
}

export async function readJson(
  c: Ctx,
): Promise<{ ok: true; body: unknown } | { ok: false; answer: SimAnswer }> {
  const text = await c.req.text()
  try {
    return { ok: true, body: text === '' ? {} : JSON.parse(text) }
  } catch {
    return {
      ok: false,
      answer: sfError(400, 'JSON_PARSER_ERROR', 'Unexpected character: was expecting a JSON value'),
    }
  }
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

export function orgOf(c: Ctx): Org {
  const org = c.get('org')
  if (!org) throw new Error('route reached without an authenticated org')
  return org
}
