/** Hono plumbing shared by the route files: the context type, JSON answers, body parsing, scope checks. */
import type { HttpBindings } from '@hono/node-server'
import type { Context } from 'hono'
import { invalidJson, missingScopes, type SimAnswer, unknownObjectType } from './errors'
import { hasAnyScope } from './oauth'
import { type ObjectTypeDef, resolveObjectType } from './object-types'
import type { Portal } from './portal'
import type { SimulatorState } from './state'

export type SimEnv = {
  Bindings: HttpBindings
  Variables: { portalId: number | null; scopes: string[]; inputs: number }
}
export type Ctx = Context<SimEnv>

export function send(c: Ctx, answer: SimAnswer): Response {
  for (const [k, v] of Object.entries(answer.headers ?? {})) c.header(k, v)
  if (answer.body === null || answer.status === 204) return c.body(null, answer.status as 204)
  return c.body(JSON.stringify(answer.body), answer.status as 200, {
    'content-type': 'application/json;charset=utf-8',
  })
}

/** The JSON body, counting batch `inputs` for the request log. */
export async function readJson(
  c: Ctx,
): Promise<{ ok: true; body: unknown } | { ok: false; answer: SimAnswer }> {
  const text = await c.req.text()
  let body: unknown
  try {
    body = text === '' ? {} : JSON.parse(text)
  } catch {
    return { ok: false, answer: invalidJson() }
  }
  const inputs = (body as { inputs?: unknown } | null)?.inputs
  c.set('inputs', Array.isArray(inputs) ? inputs.length : Array.isArray(body) ? body.length : 1)
  return { ok: true, body }
}

export function portalOf(state: SimulatorState, c: Ctx): Portal {
  return state.portal(c.get('portalId') as number)
}

/** The object type named in the URL, or HubSpot's answer for a name it cannot infer. */
export function objectTypeOf(
  name: string,
): { ok: true; def: ObjectTypeDef } | { ok: false; answer: SimAnswer } {
  const def = resolveObjectType(name)
  return def ? { ok: true, def } : { ok: false, answer: unknownObjectType(name) }
}

/** HubSpot's 403 when the token has none of the scopes. */
export function requireScopes(c: Ctx, anyOf: string[]): SimAnswer | undefined {
  return hasAnyScope(c.get('scopes'), anyOf) ? undefined : missingScopes(anyOf)
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** `a,b` query values and repeated `?properties=a&properties=b` both list names. */
export function listParam(c: Ctx, name: string): string[] | undefined {
  const values = c.req.queries(name)
  if (!values) return undefined
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean)
}
