import { z } from 'zod'

export const messageDirectionSchema = z.enum(['inbound', 'outbound'])
export type MessageDirection = z.infer<typeof messageDirectionSchema>

/**
 * Delivery states in the order they can be reached; `failed` is terminal. `retrying`: a send that
 * could not reach WhatsApp yet (network, token, no answer) and is being tried again; `error` says why.
 */
export const messageStatusSchema = z.enum([
  'received',
  'queued',
  'retrying',
  'pending',
  'sent',
  'delivered',
  'read',
  'played',
  'failed',
])
export type MessageStatus = z.infer<typeof messageStatusSchema>

export const STATUS_RANK: Record<MessageStatus, number> = {
  received: 0,
  queued: 0,
  retrying: 0,
  pending: 0,
  sent: 1,
  delivered: 2,
  read: 3,
  played: 4,
  failed: 5,
}

export const messageSenderSchema = z.enum(['customer', 'agent', 'automation', 'business_app', 'api'])
export type MessageSender = z.infer<typeof messageSenderSchema>

/** Where our copy of a message's media stands: queued, being fetched, kept, or lost for good. */
export const mediaStateSchema = z.enum(['pending', 'fetching', 'stored', 'failed'])
export type MediaState = z.infer<typeof mediaStateSchema>

export const mediaRefSchema = z.object({
  id: z.string().nullable(),
  mime_type: z.string().nullable(),
  sha256: z.string().nullable(),
  filename: z.string().nullable(),
  /** A short-lived signed link to our copy (JPEG for images); never Meta's own URL. */
  url: z.string().nullable(),
  /** A short-lived signed link to a small JPEG for cards (images and stickers). */
  thumbnail_url: z.string().nullable().optional(),
  /** The animation of an animated sticker or image (WebP), when it has one. */
  animation_url: z.string().nullable().optional(),
  /** When `url` and `thumbnail_url` expire (ISO time): a card asks for the thread again after it. */
  url_expires_at: z.string().nullable().optional(),
  state: mediaStateSchema.optional(),
  /** Why the media is not (yet) kept: a machine reason and our sentence for a person. */
  failure: z.object({ reason: z.string(), explanation: z.string() }).nullable().optional(),
  /** Our copy's type and size (the JPEG for images). */
  stored_mime_type: z.string().nullable().optional(),
  stored_bytes: z.number().int().nullable().optional(),
  width: z.number().int().nullable().optional(),
  height: z.number().int().nullable().optional(),
})
export type MediaRef = z.infer<typeof mediaRefSchema>

/**
 * Why a message is not (yet) delivered. `code`, `title`, `details` are Meta's when Meta answered
 * (`code` is null when it never did: network, DNS, timeout); `reason` is our classification
 * (see SEND_FAILURE_EXPLANATIONS) and `explanation` our plain-language account of it.
 */
export const messageErrorSchema = z.object({
  code: z.number().int().nullable(),
  title: z.string().nullable(),
  details: z.string().nullable(),
  /** Optional in the contract so a message from before reasons existed still reads. */
  reason: z.string().nullish(),
  explanation: z.string().nullish(),
})

export const reactionSchema = z.object({
  emoji: z.string(),
  direction: messageDirectionSchema,
  at: z.string(),
})

/** One message as every card renders it. `text` is plain text, never markup. */
export const threadMessageSchema = z.object({
  id: z.string(),
  wamid: z.string().nullable(),
  direction: messageDirectionSchema,
  type: z.string(),
  text: z.string().nullable(),
  /** Type-specific fields (location, contacts, order, interactive reply ...), as Meta sent them. */
  content: z.record(z.string(), z.unknown()),
  media: mediaRefSchema.nullable(),
  status: messageStatusSchema,
  status_at: z.string().nullable(),
  error: messageErrorSchema.nullable(),
  sender: messageSenderSchema,
  sent_at: z.string(),
  reply_to: z.string().nullable(),
  edited_at: z.string().nullable(),
  original_text: z.string().nullable(),
  deleted_at: z.string().nullable(),
  reactions: z.array(reactionSchema),
  /** For customer messages: what they asked for, how they felt, which language. */
  intent: z
    .object({
      value: z.string(),
      confidence: z.number().min(0).max(1),
      /** True when the confidence is too low to state the intent as a fact: show it as a guess. */
      suggestion: z.boolean().optional(),
    })
    .nullable()
    .optional(),
  /** Every intent the message shows (calibrated confidence ≥ 0.1), the primary one first. */
  intents: z
    .array(z.object({ value: z.string(), confidence: z.number().min(0).max(1) }))
    .nullable()
    .optional(),
  sentiment: z.number().min(0).max(1).nullable().optional(),
  language: z.string().nullable().optional(),
  /** Standard product codes the message mentions (the workspace's catalogue). */
  products: z.array(z.string()).nullable().optional(),
})
export type ThreadMessage = z.infer<typeof threadMessageSchema>
