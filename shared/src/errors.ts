import { z } from 'zod'

/** Every error the product returns over HTTP, machine-readable. */
export const errorCodeSchema = z.enum([
  'bad_request',
  'validation_failed',
  'invalid_json',
  'invalid_envelope',
  'unauthorized',
  'invalid_signature',
  'forbidden',
  'not_found',
  'conflict',
  'send_refused',
  'payload_too_large',
  'not_configured',
  'unavailable',
  /** A CRM refused or did not answer a call made for this request (its message is passed on). */
  'crm_unavailable',
  'internal',
])
export type ErrorCode = z.infer<typeof errorCodeSchema>

/** The one error envelope: a code for programs and a sentence for people. */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** For `send_refused`: the machine-readable reason (see SEND_REFUSALS). */
    reason: z.string().optional(),
    request_id: z.string().optional(),
  }),
})
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>
