/**
 * @fileoverview How the widget reads the backend's answers. The widget is uploaded to Zoho once and
 * keeps running while the backend moves on, so these read the `@scrm/shared` view contract loosely
 * (a new status or insight field must not blank the thread); `test/contract.test.ts` parses values
 * built with the shared schemas through them, so a drift either way fails a test.
 */
import { z } from 'zod'

const iso = z.string()

/** Segment / intent / sentiment / churn risk: an object with a value and a reason, read loosely. */
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
      why: z.looseObject({ note: z.string().nullish() }).nullish().catch(null),
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
  last_inbound_at: iso.nullable(),
  automation_paused_until: iso.nullish().catch(null),
  segment: insightSchema,
  intent: insightSchema,
  sentiment: insightSchema,
  churn_risk: insightSchema,
})
export type WidgetContact = z.infer<typeof contactSchema>

export const tagSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  label: z.string(),
  source: z.string(),
  added_at: iso,
})
export type WidgetTag = z.infer<typeof tagSchema>

export const messageSchema = z.looseObject({
  id: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  type: z.string(),
  text: z.string().nullable(),
  content: z.record(z.string(), z.unknown()),
  media: z
    .looseObject({
      id: z.string().nullable(),
      mime_type: z.string().nullable(),
      filename: z.string().nullable(),
      url: z.string().nullable(),
    })
    .nullable(),
  /** A string, not an enum: a status added later must not blank the whole thread. */
  status: z.string(),
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
  sent_at: iso,
  edited_at: iso.nullable(),
  original_text: z.string().nullable(),
  deleted_at: iso.nullable(),
  reactions: z.array(z.looseObject({ emoji: z.string(), direction: z.enum(['inbound', 'outbound']) })),
  /** What a customer message asks for; a shape the widget cannot read hides the control, not the thread. */
  intent: z
    .looseObject({ value: z.string(), confidence: z.number(), suggestion: z.boolean().nullish() })
    .nullish()
    .catch(null),
})
export type WidgetMessage = z.infer<typeof messageSchema>

/** A number the person used before (newest first); read loosely, absent from older servers. */
export const identityChangeSchema = z.looseObject({
  kind: z.string(),
  from: z.string(),
  to: z.string().nullable(),
  reason: z.string(),
  at: iso,
})
export type WidgetIdentityChange = z.infer<typeof identityChangeSchema>

/** Another contact that is probably the same person, with the reasons the backend found. */
export const duplicateHintSchema = z.looseObject({
  candidate_id: z.string(),
  other: z.looseObject({ id: z.string(), name: z.string().nullable(), phone: z.string().nullable() }),
  reasons: z.array(z.looseObject({ code: z.string(), detail: z.string() })),
})
export type WidgetDuplicateHint = z.infer<typeof duplicateHintSchema>

export const threadSchema = z.looseObject({
  contact: contactSchema.nullable(),
  tags: z.array(tagSchema),
  window: z.looseObject({ state: z.enum(['open', 'closed']), open_until: iso.nullable() }),
  messages: z.array(messageSchema),
  next_cursor: z.string().nullable(),
  /** Extras: a shape the widget cannot read drops the hint, never the thread. */
  identity_changes: z.array(identityChangeSchema).nullish().catch(null),
  duplicates: z.array(duplicateHintSchema).nullish().catch(null),
  /**
   * `YYYY-MM`: the person's messages before this month are in the archive (past retention). Anything
   * else reads as nothing archived, so no stray text reaches the notice.
   */
  archived_before: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .nullish()
    .catch(null),
})
export type WidgetThread = z.infer<typeof threadSchema>

export const sendAcceptedSchema = z.looseObject({
  message_id: z.string(),
  duplicate: z.boolean(),
  message: messageSchema,
})
export type WidgetSendAccepted = z.infer<typeof sendAcceptedSchema>

export const templateSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  language: z.string(),
  category: z.string(),
  status: z.string(),
  body_params: z.number().int().min(0),
  components: z.array(z.unknown()),
})
export type WidgetTemplate = z.infer<typeof templateSchema>
export const templatesSchema = z.looseObject({ templates: z.array(templateSchema) })

export const quickReplySchema = z.looseObject({
  key: z.string(),
  title: z.string(),
  body: z.string(),
  defaults: z.record(z.string(), z.string()),
})
export type WidgetQuickReply = z.infer<typeof quickReplySchema>
export const quickRepliesSchema = z.looseObject({ quick_replies: z.array(quickReplySchema) })

/** The stored correction: the widget only needs the value the backend kept. */
export const correctionResultSchema = z.looseObject({
  correction: z.looseObject({ message_id: z.number(), field: z.string(), value: z.string() }),
  paused: z.boolean(),
})

export const takeoverSchema = z.looseObject({ automation_paused_until: iso.nullable() })

export const tagListSchema = z
  .union([z.looseObject({ tags: z.array(tagSchema) }), z.array(tagSchema)])
  .transform((value) => (Array.isArray(value) ? value : value.tags))

/** What the widget sends; the tests check every body against the shared `sendRequestSchema`. */
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
