import { z } from 'zod'

/**
 * Zod schemas for Meta's webhook envelope. Objects are loose (unknown keys kept) and type-like
 * strings are open, because Meta keeps adding message types, categories and fields; the ingest
 * path must store what it does not know yet rather than reject it.
 */

const timestamp = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const seconds = typeof v === 'number' ? v : Number(v)
  if (!Number.isFinite(seconds) || seconds < 0) {
    ctx.addIssue({ code: 'custom', message: 'timestamp must be Unix seconds' })
    return z.NEVER
  }
  return new Date(seconds * 1000)
})

export const changeSchema = z.looseObject({
  field: z.string().min(1),
  value: z.record(z.string(), z.unknown()),
})

export const entrySchema = z.looseObject({
  id: z.string(),
  changes: z.array(changeSchema),
})

/** What the ack path checks: the outer shape only, so a new inner shape is never refused. */
export const envelopeSchema = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(entrySchema).min(1),
})
export type Envelope = z.infer<typeof envelopeSchema>
export type Change = z.infer<typeof changeSchema>

export const metadataSchema = z.looseObject({
  display_phone_number: z.string().optional(),
  phone_number_id: z.string(),
})

export const contactProfileSchema = z.looseObject({
  profile: z.looseObject({ name: z.string().optional(), username: z.string().optional() }).optional(),
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  parent_user_id: z.string().optional(),
})
export type ContactProfile = z.infer<typeof contactProfileSchema>

export const errorItemSchema = z.looseObject({
  code: z.coerce.number().int(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
})
export type ErrorItem = z.infer<typeof errorItemSchema>

/** Inbound messages and SMB echoes share this shape; echoes carry `to` / `to_user_id`. */
export const messageItemSchema = z.looseObject({
  id: z.string().min(1),
  timestamp,
  type: z.string().min(1),
  from: z.string().optional(),
  from_user_id: z.string().optional(),
  from_parent_user_id: z.string().optional(),
  to: z.string().optional(),
  to_user_id: z.string().optional(),
  context: z.looseObject({ id: z.string().optional(), from: z.string().optional() }).optional(),
  errors: z.array(errorItemSchema).optional(),
})
export type MessageItem = z.infer<typeof messageItemSchema>

export const statusItemSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string().min(1),
  timestamp,
  recipient_id: z.string().optional(),
  recipient_user_id: z.string().optional(),
  biz_opaque_callback_data: z.string().optional(),
  conversation: z.record(z.string(), z.unknown()).optional(),
  pricing: z.record(z.string(), z.unknown()).optional(),
  errors: z.array(errorItemSchema).optional(),
})
export type StatusItem = z.infer<typeof statusItemSchema>

export const userPreferenceSchema = z.looseObject({
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  category: z.string(),
  value: z.string(),
  detail: z.string().optional(),
  timestamp,
})
export type UserPreference = z.infer<typeof userPreferenceSchema>

/** Every phone_number_id an envelope's changes are addressed to (their routing keys). */
export function phoneNumberIdsOf(envelope: Envelope): string[] {
  const ids = new Set<string>()
  for (const entry of envelope.entry) {
    for (const change of entry.changes) {
      const meta = change.value.metadata as { phone_number_id?: unknown } | undefined
      if (typeof meta?.phone_number_id === 'string') ids.add(meta.phone_number_id)
    }
  }
  return [...ids]
}
