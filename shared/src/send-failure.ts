/**
 * Why a send did not (yet) reach WhatsApp, as a stable reason every front end can branch on, and the
 * plain-language explanation the thread shows when a card has no translation of its own. Each
 * names the cause only: the message's state (`retrying`, `failed`) says what happens next.
 */
export const SEND_FAILURE_EXPLANATIONS = {
  // The request never reached the Cloud API: safe to send again.
  connection_refused: 'The WhatsApp Cloud API refused the connection, so the message did not reach WhatsApp.',
  dns_failure:
    "The WhatsApp Cloud API's address could not be looked up (DNS), so the message did not reach WhatsApp.",
  network_unreachable:
    'The server could not reach the WhatsApp Cloud API (network down or blocked), so the message did not reach WhatsApp.',
  tls_failure:
    'A secure connection to the WhatsApp Cloud API could not be set up (certificate or proxy problem), so the message did not reach WhatsApp.',
  access_token_invalid:
    "WhatsApp refused this number's access token (expired, revoked or wrong); an administrator must register a new token for the number.",
  // The request may have reached the Cloud API: its status webhook would prove it.
  timeout: 'The WhatsApp Cloud API did not answer in time, and WhatsApp has not confirmed the message.',
  connection_lost:
    'The connection to the WhatsApp Cloud API broke before it answered, and WhatsApp has not confirmed the message.',
  network_error:
    'A network error interrupted the request to the WhatsApp Cloud API, and WhatsApp has not confirmed the message.',
  unreadable_answer:
    "The WhatsApp Cloud API's answer could not be read, and WhatsApp has not confirmed the message.",
  // Meta answered with an error (its code, title and details are kept beside the reason).
  server_error: 'WhatsApp had a temporary problem and did not take the message.',
  window_closed:
    'The 24-hour customer-service window is closed: only an approved template can reach this person now.',
  contact_unreachable: 'WhatsApp reports that this number cannot receive messages.',
  marketing_opted_out: 'This person stopped marketing messages from the business in WhatsApp.',
  marketing_cap:
    'WhatsApp limits how many marketing messages this person receives; it refused again a day later.',
  spam_rate_limit:
    'WhatsApp blocked the number for sending too much; the number is paused until an administrator resumes it.',
  policy_block:
    'WhatsApp blocked the number for a policy violation; the number is paused until an administrator resumes it.',
  account_locked:
    'WhatsApp locked the business account; the number is paused until an administrator resumes it.',
  template_error: 'WhatsApp refused the template (unknown, not approved, or wrong parameters).',
  rejected: 'WhatsApp refused the message.',
} as const satisfies Record<string, string>

export type SendFailureReason = keyof typeof SEND_FAILURE_EXPLANATIONS

/** Our explanation of a stored reason; null for a reason this version does not know. */
export function explainSendFailure(reason: string | null): string | null {
  if (!reason || !Object.hasOwn(SEND_FAILURE_EXPLANATIONS, reason)) return null
  return SEND_FAILURE_EXPLANATIONS[reason as SendFailureReason]
}
