import { z } from 'zod'
import { threadMessageSchema } from './message'

const mediaContent = (type: 'image' | 'video' | 'audio' | 'document' | 'sticker') =>
  z
    .object({
      type: z.literal(type),
      link: z.string().url().max(2048).optional(),
      id: z.string().min(1).max(200).optional(),
      /** A file uploaded with POST /api/v1/media: our copy shows in the thread, Meta gets its id. */
      upload_id: z.string().uuid().optional(),
      caption: z.string().max(1024).optional(),
      filename: z.string().max(240).optional(),
    })
    .refine((m) => [m.link, m.id, m.upload_id].filter(Boolean).length === 1, {
      message: 'give exactly one of link, id or upload_id',
    })

const templateParameter = z.looseObject({ type: z.string() })

/** What a send carries. Free text and quick replies only while the 24 h window is open. */
export const sendContentSchema = z.union([
  z.object({
    type: z.literal('text'),
    text: z.string().trim().min(1).max(4096),
    preview_url: z.boolean().optional(),
  }),
  z.object({
    type: z.literal('template'),
    name: z.string().min(1).max(512),
    language: z.string().min(2).max(15),
    components: z
      .array(
        z.looseObject({
          type: z.enum(['header', 'body', 'button']),
          sub_type: z.string().optional(),
          index: z.union([z.string(), z.number()]).optional(),
          parameters: z.array(templateParameter).max(100).optional(),
        }),
      )
      .max(20)
      .optional(),
  }),
  z.object({
    type: z.literal('quick_reply'),
    key: z.string().min(1).max(100),
    variables: z.record(z.string(), z.string().max(1024)).optional(),
  }),
  mediaContent('image'),
  mediaContent('video'),
  mediaContent('audio'),
  mediaContent('document'),
  mediaContent('sticker'),
])
export type SendContent = z.infer<typeof sendContentSchema>

export const sendRequestSchema = z
  .object({
    contact_id: z.string().uuid().optional(),
    phone: z.string().min(3).max(40).optional(),
    /** Which number sends; defaults to the workspace's number the person last wrote to. */
    channel_id: z.string().uuid().optional(),
    content: sendContentSchema,
    /** The same key always names the same message: a retried request never sends twice. */
    idempotency_key: z.string().min(1).max(200).optional(),
    /** Service notifications with the same key go out at most once per 6 h. */
    event_key: z.string().min(1).max(200).optional(),
    /** agent = a person typed it; automation = a rule; api = an integration. */
    sender: z.enum(['agent', 'automation', 'api']).default('api'),
    /** For `agent` sends: the backend or CRM user who wrote it, so response times are reported per person. */
    agent_id: z.string().trim().min(1).max(200).optional(),
    reply_to: z.string().min(1).max(200).optional(),
  })
  .refine((r) => Boolean(r.contact_id) !== Boolean(r.phone), {
    message: 'give exactly one of contact_id or phone',
  })
export type SendRequest = z.input<typeof sendRequestSchema>

/** Why a send was refused before it was queued. `cap_exceeded:*` names the cap. */
export const SEND_REFUSALS = [
  'window_closed_template_required',
  'opted_out',
  'marketing_opted_out',
  'cap_exceeded:no_opt_in_daily_template',
  'cap_exceeded:same_content',
  'cap_exceeded:marketing_weekly',
  'cap_exceeded:event_notification',
  'automation_paused',
  'marketing_blocked_us',
  'invalid_recipient',
  'contact_unreachable',
  'no_channel',
  'channel_paused',
  'unknown_template',
  'template_params_mismatch',
  'quick_reply_not_found',
  'quick_reply_variable_missing',
  'broadcast_duplicate',
] as const
export type SendRefusal = (typeof SEND_REFUSALS)[number]

export const sendAcceptedSchema = z.object({
  message_id: z.string(),
  state: z.literal('queued'),
  duplicate: z.boolean(),
  message: threadMessageSchema,
})
export type SendAccepted = z.infer<typeof sendAcceptedSchema>
