/**
 * The phone-number nodes as Graph answers them: `GET /{phone-number-id}?fields=…` and
 * `GET /{waba-id}/phone_numbers` (fields, `limit` 1–100 default 25, `after` / `before` cursors),
 * following the official OpenAPI (`getPhoneNumberById`, `getWhatsAppBusinessAccountPhoneNumbers`).
 */
import { traceId } from './meta-errors'
import type { NumberConfig } from './types'

type GraphAnswer = { status: number; body: unknown }

/** Fields Graph answers when `fields` is not given. */
const DEFAULT_FIELDS = ['id', 'display_phone_number', 'verified_name', 'quality_rating']

function fieldValues(n: NumberConfig): Record<string, unknown> {
  return {
    id: n.phoneNumberId,
    display_phone_number: formatDisplay(n.displayPhoneNumber),
    verified_name: n.verifiedName ?? 'Test Business',
    quality_rating: n.qualityRating ?? 'GREEN',
    code_verification_status: 'VERIFIED',
    name_status: 'APPROVED',
    status: 'CONNECTED',
    platform_type: 'CLOUD_API',
    account_mode: 'LIVE',
    host_platform: 'CLOUD_API',
    is_official_business_account: false,
    messaging_limit_tier: n.tierLimit === null ? 'TIER_UNLIMITED' : 'TIER_250',
    throughput: { level: (n.mps ?? 80) > 80 ? 'HIGH' : 'STANDARD' },
  }
}

/** Graph shows the number with its country code and spacing, e.g. "+1 555-078-3881". */
function formatDisplay(digits: string): string {
  const d = digits.replace(/\D/g, '')
  if (d.length === 11 && d.startsWith('1')) return `+1 ${d.slice(1, 4)}-${d.slice(4, 7)}-${d.slice(7)}`
  return `+${d.slice(0, 2)} ${d.slice(2)}`
}

/** Graph's answer to a field the node does not have. */
function nonexistingField(field: string) {
  return {
    status: 400,
    body: {
      error: {
        message: `(#100) Tried accessing nonexisting field (${field}) on node type (WhatsAppBusinessPhoneNumber)`,
        type: 'OAuthException',
        code: 100,
        fbtrace_id: traceId(),
      },
    },
  }
}

/** The node with the requested fields (`id` always), or Graph's #100 for an unknown field. */
export function phoneNumberFields(
  n: NumberConfig,
  fieldsParam: string | undefined,
): { node: Record<string, unknown> } | { error: GraphAnswer } {
  const values = fieldValues(n)
  const wanted = fieldsParam
    ? fieldsParam
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean)
    : DEFAULT_FIELDS
  const unknown = wanted.find((f) => !(f in values))
  if (unknown) return { error: nonexistingField(unknown) }
  return { node: Object.fromEntries(['id', ...wanted.filter((f) => f !== 'id')].map((f) => [f, values[f]])) }
}

const encodeCursor = (i: number): string => Buffer.from(String(i)).toString('base64url')
const decodeCursor = (c: string): number => Number(Buffer.from(c, 'base64url').toString()) || 0

/** One page of a WABA's numbers in Graph's `{ data, paging: { cursors, next? } }`. */
export function phoneNumberPage(
  numbers: NumberConfig[],
  query: Record<string, string | undefined>,
  selfUrl: string,
): { page: { data: Record<string, unknown>[]; paging: Record<string, unknown> } } | { error: GraphAnswer } {
  const limit = query.limit === undefined ? 25 : Number(query.limit)
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return {
      error: {
        status: 400,
        body: {
          error: {
            message: '(#100) Param limit must be an integer between 1 and 100',
            type: 'OAuthException',
            code: 100,
            fbtrace_id: traceId(),
          },
        },
      },
    }
  }
  let start = 0
  if (query.after) start = decodeCursor(query.after) + 1
  else if (query.before) start = Math.max(0, decodeCursor(query.before) - limit)
  const data: Record<string, unknown>[] = []
  for (const n of numbers.slice(start, start + limit)) {
    const fields = phoneNumberFields(n, query.fields)
    if ('error' in fields) return fields
    data.push(fields.node)
  }
  if (data.length === 0) return { page: { data, paging: { cursors: {} } } }
  const last = start + data.length - 1
  const cursors = { before: encodeCursor(start), after: encodeCursor(last) }
  if (last >= numbers.length - 1) return { page: { data, paging: { cursors } } }
  const next = new URL(selfUrl)
  next.searchParams.set('after', cursors.after)
  next.searchParams.delete('before')
  return { page: { data, paging: { cursors, next: next.toString() } } }
}
