import { z } from 'zod'

/**
 * A workspace's sending policy. Defaults follow the product brief and WhatsApp's rules; an admin
 * changes them with PUT /api/v1/settings/sending-policy. Stored in `workspaces.settings`.
 */
export const sendingPolicySchema = z
  .object({
    /** Free text only while the customer-service window is open (WhatsApp: 24 h). */
    window_hours: z.number().int().min(1).max(72).default(24),
    /** Inbound texts that opt a contact out (compared without case and accents). */
    opt_out_keywords: z
      .array(z.string().min(1).max(40))
      .max(50)
      .default(['stop', 'parar', 'sair', 'baixa', 'baja', 'cancelar', 'unsubscribe', '退订', '取消订阅']),
    /** Templates a contact without opt-in may get per 24 h. */
    no_opt_in_templates_per_day: z.number().int().min(0).max(10).default(1),
    /** The same content at most this many times per contact in `same_content_days`. */
    same_content_max: z.number().int().min(1).max(100).default(5),
    same_content_days: z.number().int().min(1).max(365).default(30),
    /** Marketing templates at most once per this many days per contact. */
    marketing_interval_days: z.number().int().min(0).max(90).default(7),
    /** A service notification with the same event key at most once per this many hours. */
    event_key_hours: z.number().int().min(0).max(168).default(6),
    /** After a person writes to a contact, automated sends to them wait this long. */
    agent_pause_hours: z.number().int().min(0).max(168).default(12),
    /** Country calling codes Meta blocks marketing templates to (US +1 since 2025-04-01). */
    marketing_blocked_calling_codes: z
      .array(z.string().regex(/^\d{1,4}$/))
      .max(50)
      .default(['1']),
  })
  .strict()

export type SendingPolicy = z.infer<typeof sendingPolicySchema>

export function policyOf(settings: Record<string, unknown>): SendingPolicy {
  const stored = sendingPolicySchema.safeParse(settings.sending_policy ?? {})
  return stored.success ? stored.data : sendingPolicySchema.parse({})
}
