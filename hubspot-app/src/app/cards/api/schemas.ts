/**
 * @fileoverview The card's own reading of the backend's answers. HubSpot builds only what is under
 * `hubspot-app/src`, so the card cannot import `@scrm/shared` at run time; these schemas mirror the
 * fields the card uses and tolerate additions. `__test__/contract.test.ts` parses objects built
 * with the shared schemas through them, so a drift in either direction fails a test.
 */
import { z } from 'zod'

const isoString = z.string()

/** Segment / intent / sentiment / churn risk, read loosely: a card already installed keeps working when the backend adds to them. */
const insightSchema = z
  .union([
    z.string(),
    z.number(),
    z.looseObject({
      value: z.union([z.string(), z.number()]).nullish(),
      label: z.string().nullish(),
      level: z.string().nullish(),
      score: z.number().nullish(),
      reason: z.string().nullish(),
    }),
  ])
  .nullish()
  .catch(null)

export const contactSchema = z.looseObject({
  id: z.string(),
  phone: z.string().nullable(),
  name: z.string().nullable(),
  profile_name: z.string().nullable(),
  opt_in: z.string(),
  marketing_opt_out: z.boolean(),
  last_inbound_at: isoString.nullable(),
  /** Optional until the thread view carries it: when automation is paused for a person. */
  automation_paused_until: isoString.nullish().catch(null),
  segment: insightSchema,
  intent: insightSchema,
  sentiment: insightSchema,
  churn_risk: insightSchema,
})
export type CardContact = z.infer<typeof contactSchema>

export const tagSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  label: z.string(),
  source: z.string(),
  added_at: isoString,
})
export type CardTag = z.infer<typeof tagSchema>

export const mediaSchema = z.looseObject({
  id: z.string().nullable(),
  mime_type: z.string().nullable(),
  filename: z.string().nullable(),
  url: z.string().nullable(),
  /** Our signed, short-lived thumbnail link (images and stickers). */
  thumbnail_url: z.string().nullish(),
  state: z.string().optional(),
  failure: z.object({ reason: z.string(), explanation: z.string() }).nullish(),
})
export type CardMedia = z.infer<typeof mediaSchema>

export const messageSchema = z.looseObject({
  id: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  type: z.string(),
  text: z.string().nullable(),
  content: z.record(z.string(), z.unknown()),
  media: mediaSchema.nullable(),
  /** A string, not an enum: a status added later must not blank the whole thread. */
  status: z.string(),
  /**
   * `code` is null when WhatsApp never answered (network, DNS, timeout); `reason` is the backend's
   * classification and `explanation` its English account, shown when the card has no translation.
   */
  error: z
    .looseObject({
      code: z.number().nullable(),
      title: z.string().nullable(),
      details: z.string().nullable(),
      reason: z.string().nullish(),
      explanation: z.string().nullish(),
    })
    .nullable(),
  sender: z.string(),
  sent_at: isoString,
  edited_at: isoString.nullable(),
  original_text: z.string().nullable(),
  deleted_at: isoString.nullable(),
  reactions: z.array(z.looseObject({ emoji: z.string(), direction: z.enum(['inbound', 'outbound']) })),
  /** What a customer message asks for; `suggestion` when too unsure to be stated as a fact. */
  intent: z
    .looseObject({ value: z.string(), confidence: z.number(), suggestion: z.boolean().nullish() })
    .nullish()
    .catch(null),
})
export type CardMessage = z.infer<typeof messageSchema>

/** Another contact that is probably this person; `code` keys the label, `detail` is the evidence. */
export const duplicateHintSchema = z.looseObject({
  candidate_id: z.string(),
  score: z.number(),
  other: z.looseObject({ id: z.string(), name: z.string().nullable(), phone: z.string().nullable() }),
  reasons: z.array(z.looseObject({ code: z.string(), detail: z.string() })),
})
export type CardDuplicateHint = z.infer<typeof duplicateHintSchema>

export const identityChangeSchema = z.looseObject({
  kind: z.string(),
  from: z.string(),
  to: z.string().nullable(),
  reason: z.string(),
  at: isoString,
})
export type CardIdentityChange = z.infer<typeof identityChangeSchema>
/** The answer to a rep's one-click correction. */
export const correctionResultSchema = z.looseObject({
  correction: z.looseObject({ message_id: z.number(), field: z.string(), value: z.string() }),
  paused: z.boolean(),
})

export const threadSchema = z.looseObject({
  contact: contactSchema.nullable(),
  tags: z.array(tagSchema),
  window: z.looseObject({ state: z.enum(['open', 'closed']), open_until: isoString.nullable() }),
  messages: z.array(messageSchema),
  next_cursor: z.string().nullable(),
  /** Optional: servers before the duplicate finder do not send them. */
  duplicates: z.array(duplicateHintSchema).optional(),
  identity_changes: z.array(identityChangeSchema).optional(),
  /** `YYYY-MM`: the person's messages before this month are archived (past retention). */
  archived_before: z.string().nullable().optional(),
})
export type CardThread = z.infer<typeof threadSchema>

export const sendAcceptedSchema = z.looseObject({
  message_id: z.string(),
  duplicate: z.boolean(),
  message: messageSchema,
})
export type CardSendAccepted = z.infer<typeof sendAcceptedSchema>

export const templateSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  language: z.string(),
  category: z.string(),
  status: z.string(),
  body_params: z.number().int().min(0),
  components: z.array(z.unknown()),
})
export type CardTemplate = z.infer<typeof templateSchema>
export const templatesSchema = z.looseObject({ templates: z.array(templateSchema) })

export const quickReplySchema = z.looseObject({
  key: z.string(),
  title: z.string(),
  body: z.string(),
  defaults: z.record(z.string(), z.string()),
})
export type CardQuickReply = z.infer<typeof quickReplySchema>
export const quickRepliesSchema = z.looseObject({ quick_replies: z.array(quickReplySchema) })

export const takeoverSchema = z.looseObject({ automation_paused_until: isoString.nullable() })

/** `{ tags: [...] }` is what the backend is asked for; a bare list is read the same way. */
export const tagListSchema = z
  .union([z.looseObject({ tags: z.array(tagSchema) }), z.array(tagSchema)])
  .transform((value) => (Array.isArray(value) ? value : value.tags))

export const errorEnvelopeSchema = z.looseObject({
  error: z.looseObject({
    code: z.string(),
    message: z.string(),
    reason: z.string().optional(),
    request_id: z.string().optional(),
  }),
})

/** What the card sends; the tests check every body against the shared `sendRequestSchema`. */
export type SendContent =
  | { type: 'text'; text: string }
  | {
      type: 'template'
      name: string
      language: string
      components?: {
        type: 'body'
        parameters: { type: 'text'; text: string; parameter_name?: string }[]
      }[]
    }
  | { type: 'quick_reply'; key: string; variables?: Record<string, string> }
