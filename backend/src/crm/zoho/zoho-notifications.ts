import { timingSafeEqual } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '../../db/client'
import { crmConnections } from '../../db/schema'
import { DomainError } from '../../lib/errors'
import type { CrmChangeNotifications, CrmInboundEvent } from '../provider'
import { zohoStateOf } from './org-state'
import { tokenHash } from './zoho-watch'

/** A callback as Zoho posts it (`operation` is `insert` in Zoho's samples although events say `create`). */
const callbackSchema = z.object({
  server_time: z.number(),
  query_params: z.object({ org: z.string().regex(/^\d{1,30}$/) }).passthrough(),
  module: z.enum(['Contacts', 'Leads']),
  ids: z
    .array(z.union([z.string(), z.number()]).transform(String))
    .min(1)
    .max(1000),
  affected_fields: z
    .array(z.record(z.string(), z.array(z.string())))
    .optional()
    .nullable(),
  operation: z.enum(['insert', 'create', 'update', 'edit', 'delete']),
  channel_id: z.union([z.string(), z.number()]).transform(String),
  token: z.string().max(50).nullable().optional(),
})

function parseCallback(body: string): z.infer<typeof callbackSchema> {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch (error) {
    throw new DomainError('invalid_json', `Body is not JSON: ${(error as Error).message}`)
  }
  const parsed = callbackSchema.safeParse(json)
  if (!parsed.success)
    throw new DomainError(
      'bad_request',
      'Not a Zoho CRM notification.',
      parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })),
    )
  return parsed.data
}

/**
 * Zoho's notification callbacks: no signature, so the channel's random token (compared in constant
 * time with the hash we kept) and the channel id must match the org's live channel. The callback
 * names records, not values: it is stored as is, one event per record, and the re-read pass reads
 * the records before anything is applied.
 */
export function zohoChangeNotifications(db: Database): CrmChangeNotifications {
  return {
    maxBytes: 256 * 1024,
    async verify(_request, body) {
      const callback = parseCallback(body)
      const [row] = await db
        .select()
        .from(crmConnections)
        .where(
          and(
            eq(crmConnections.provider, 'zoho'),
            eq(crmConnections.accountId, callback.query_params.org),
            eq(crmConnections.state, 'active'),
          ),
        )
      const channel = row ? zohoStateOf(row).channel : undefined
      const given = Buffer.from(tokenHash(callback.token ?? ''), 'hex')
      const expected = Buffer.from(channel?.tokenHash ?? '0'.repeat(64), 'hex')
      const tokenOk = timingSafeEqual(given, expected) && Boolean(callback.token)
      if (!channel || !tokenOk || channel.id !== callback.channel_id)
        throw new DomainError(
          'unauthorized',
          'The Zoho notification does not carry the token of this org’s channel.',
        )
    },
    parse(body): CrmInboundEvent[] {
      const c = parseCallback(body)
      const operation = c.operation === 'create' ? 'insert' : c.operation === 'edit' ? 'update' : c.operation
      const affected = new Map<string, string[]>()
      for (const entry of c.affected_fields ?? [])
        for (const [id, fields] of Object.entries(entry)) affected.set(id, fields)
      return c.ids.map((recordId) => ({
        accountId: c.query_params.org,
        eventId: `callback:${c.channel_id}:${c.server_time}:${operation}:${recordId}`,
        occurredAt: new Date(c.server_time),
        payload: {
          kind: 'callback',
          channelId: c.channel_id,
          module: c.module,
          operation,
          recordId,
          affectedFields: affected.get(recordId) ?? [],
          at: c.server_time,
        },
      }))
    },
  }
}
