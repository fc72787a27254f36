import { z } from 'zod'
import type { CrmChange } from '../port'

/**
 * The inbound events the change poll stores (`crm_webhook_events.payload`), one per change, and
 * their neutral form. The event id names the record, the change and its SystemModstamp, so a poll
 * that reads the same change again (overlapping windows) stores it once.
 */
export const pollEventSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('property'),
    eventId: z.string(),
    recordId: z.string(),
    property: z.string(),
    value: z.string().nullable(),
    at: z.number(),
  }),
  z.object({ kind: z.literal('created'), eventId: z.string(), recordId: z.string(), at: z.number() }),
  z.object({
    kind: z.literal('merged'),
    eventId: z.string(),
    primaryId: z.string(),
    mergedIds: z.array(z.string()).min(1),
    at: z.number(),
  }),
  z.object({ kind: z.literal('deleted'), eventId: z.string(), recordId: z.string(), at: z.number() }),
])

export type PollEvent = z.infer<typeof pollEventSchema>

export function parseSalesforceChange(payload: unknown): CrmChange | null {
  const parsed = pollEventSchema.safeParse(payload)
  if (!parsed.success) return null
  const e = parsed.data
  switch (e.kind) {
    case 'property':
      return {
        type: 'property',
        eventId: e.eventId,
        recordId: e.recordId,
        property: e.property,
        value: e.value,
        at: e.at,
      }
    case 'created':
      return { type: 'created', eventId: e.eventId, recordId: e.recordId, at: e.at }
    case 'merged':
      return { type: 'merged', eventId: e.eventId, primaryId: e.primaryId, mergedIds: e.mergedIds, at: e.at }
    case 'deleted':
      return { type: 'deleted', eventId: e.eventId, recordId: e.recordId, at: e.at }
  }
}
