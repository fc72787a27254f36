import { z } from 'zod'
import type { CrmChange } from '../port'

/**
 * What Zoho connections store in `crm_webhook_events.payload`. `callback` is a notification as it
 * came (one per record it names): stored before we answer 200, never acted on as such. The
 * re-read pass (`callback-reread.ts`) reads the records it names and stores what they hold now as
 * `property` / `created` / `deleted` / `merged` events, which the engine applies. Their ids name the record,
 * the field and Zoho's Modified_Time, so a repeated callback stores nothing new.
 */
export const zohoEventSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('callback'),
    channelId: z.string(),
    module: z.string(),
    operation: z.string(),
    recordId: z.string(),
    affectedFields: z.array(z.string()),
    at: z.number(),
  }),
  z.object({
    kind: z.literal('property'),
    eventId: z.string(),
    recordId: z.string(),
    property: z.string(),
    value: z.string().nullable(),
    at: z.number(),
  }),
  z.object({ kind: z.literal('created'), eventId: z.string(), recordId: z.string(), at: z.number() }),
  z.object({ kind: z.literal('deleted'), eventId: z.string(), recordId: z.string(), at: z.number() }),
  /** A deleted record whose person lives on in another record (a Zoho merge, a Lead conversion). */
  z.object({
    kind: z.literal('merged'),
    eventId: z.string(),
    primaryId: z.string(),
    mergedIds: z.array(z.string()),
    at: z.number(),
  }),
])

export type ZohoEvent = z.infer<typeof zohoEventSchema>
export type ZohoCallbackEvent = Extract<ZohoEvent, { kind: 'callback' }>

export function parseZohoChange(payload: unknown): CrmChange | null {
  const parsed = zohoEventSchema.safeParse(payload)
  if (!parsed.success) return null
  const e = parsed.data
  switch (e.kind) {
    case 'callback':
      return null
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
    case 'deleted':
      return { type: 'deleted', eventId: e.eventId, recordId: e.recordId, at: e.at }
    case 'merged':
      return { type: 'merged', eventId: e.eventId, primaryId: e.primaryId, mergedIds: e.mergedIds, at: e.at }
  }
}
