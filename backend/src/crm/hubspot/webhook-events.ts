import { z } from 'zod'
import type { CrmChange } from '../port'

/** One event of a HubSpot webhook delivery (the body is an array of these). */
export const hubspotEventSchema = z
  .object({
    eventId: z.union([z.number(), z.string()]).transform(String),
    subscriptionId: z.union([z.number(), z.string()]).optional(),
    portalId: z.union([z.number(), z.string()]).transform(String),
    appId: z.union([z.number(), z.string()]).optional(),
    occurredAt: z.number().int().positive(),
    subscriptionType: z.string().min(1).max(100),
    attemptNumber: z.number().int().optional(),
    objectId: z.union([z.number(), z.string()]).transform(String).optional(),
    propertyName: z.string().max(200).optional(),
    propertyValue: z.string().max(65_536).nullable().optional(),
    changeSource: z.string().optional(),
    primaryObjectId: z.union([z.number(), z.string()]).transform(String).optional(),
    mergedObjectIds: z.array(z.union([z.number(), z.string()]).transform(String)).optional(),
    newObjectId: z.union([z.number(), z.string()]).transform(String).optional(),
  })
  .passthrough()
export type HubspotEvent = z.infer<typeof hubspotEventSchema>

export const hubspotDeliverySchema = z.array(hubspotEventSchema).min(1).max(1000)

/** A stored HubSpot event in the engine's neutral form; null for types we do not act on. */
export function hubspotChange(e: HubspotEvent): CrmChange | null {
  const at = e.occurredAt
  const type = e.subscriptionType.replace(/^object\./, 'contact.')
  switch (type) {
    case 'contact.creation':
      return e.objectId ? { type: 'created', eventId: e.eventId, recordId: e.objectId, at } : null
    case 'contact.propertyChange':
      return e.objectId && e.propertyName
        ? {
            type: 'property',
            eventId: e.eventId,
            recordId: e.objectId,
            property: e.propertyName,
            value: e.propertyValue ?? null,
            at,
          }
        : null
    case 'contact.merge': {
      // HubSpot now merges contacts into a new record (`newObjectId`): the primary's id is then
      // an alias like the merged ones, and every link moves to the new record.
      const survivor = e.newObjectId ?? e.primaryObjectId ?? e.objectId
      if (!survivor) return null
      const formerIds = [e.primaryObjectId, ...(e.mergedObjectIds ?? [])].filter(
        (id): id is string => !!id && id !== survivor,
      )
      return {
        type: 'merged',
        eventId: e.eventId,
        primaryId: survivor,
        mergedIds: [...new Set(formerIds)],
        at,
      }
    }
    case 'contact.deletion':
      return e.objectId ? { type: 'deleted', eventId: e.eventId, recordId: e.objectId, at } : null
    case 'contact.privacyDeletion':
      return e.objectId ? { type: 'erased', eventId: e.eventId, recordId: e.objectId, at } : null
    default:
      return null
  }
}
