import { DomainError } from '../lib/errors'
import type { CloudApiConfig } from '../whatsapp/cloud-api-client'
import { readPhoneNumber, wabaHasNumber } from '../whatsapp/phone-number-lookup'

/**
 * How a registration proves that the caller controls the number: `graph` asks Meta with the
 * caller's token (the default, and the only mode production accepts); `off` trusts every caller
 * (development without Meta, WHATSAPP_NUMBER_PROOF=off, logged at each registration).
 */
export type OwnershipCheck = { mode: 'graph'; cloudApi: CloudApiConfig } | { mode: 'off' }

export interface ProvenNumber {
  displayPhoneNumber: string
  verifiedName: string | null
}

/** The machine reasons (error `reason`) a registration can be refused with. */
export const OWNERSHIP_REASONS = {
  notProven: 'ownership_not_proven',
  metaUnavailable: 'meta_unavailable',
  heldElsewhere: 'held_by_another_workspace',
} as const

/**
 * Asks Meta whether `accessToken` can read `phoneNumberId` (and, given a WABA id, whether that
 * WABA holds it). Runs before anything about the number is looked up here, so every answer
 * depends on the caller's token and Meta alone: a held number and a free one answer alike.
 */
export async function proveOwnership(
  cloudApi: CloudApiConfig,
  phoneNumberId: string,
  accessToken: string,
  wabaId: string | undefined,
): Promise<ProvenNumber> {
  const number = await readPhoneNumber(cloudApi, phoneNumberId, accessToken)
  if (number.kind !== 'ok') throw refusal(number, phoneNumberId, wabaId)
  if (wabaId) {
    const inWaba = await wabaHasNumber(cloudApi, wabaId, phoneNumberId, accessToken)
    if (inWaba.kind !== 'ok') throw refusal(inWaba, phoneNumberId, wabaId)
    if (!inWaba.value) {
      throw notProven(
        `Meta lists no phone_number_id ${phoneNumberId} among the numbers of WhatsApp Business Account ${wabaId}. Check both ids under WhatsApp → API Setup. Nothing was registered.`,
      )
    }
  }
  return { displayPhoneNumber: number.value.displayPhoneNumber, verifiedName: number.value.verifiedName }
}

function refusal(
  outcome: { kind: 'token_refused' | 'not_readable'; code: number } | { kind: 'unavailable'; detail: string },
  phoneNumberId: string,
  wabaId: string | undefined,
): DomainError {
  if (outcome.kind === 'unavailable') {
    return new DomainError(
      'unavailable',
      `Meta could not be asked whether this access token controls the number (no usable answer from the Graph API: ${outcome.detail}). Nothing was registered; try again in a minute.`,
      undefined,
      OWNERSHIP_REASONS.metaUnavailable,
    )
  }
  if (outcome.kind === 'token_refused') {
    return notProven(
      `Meta refused the access token (Graph error ${outcome.code}: invalid, expired or revoked). Registering a number needs a valid token of a System User with whatsapp_business_management or whatsapp_business_messaging on the number's WhatsApp Business Account. Nothing was registered.`,
    )
  }
  const what = wabaId
    ? `phone_number_id ${phoneNumberId} or WhatsApp Business Account ${wabaId}`
    : `phone_number_id ${phoneNumberId}`
  return notProven(
    `This access token cannot read ${what} through the Graph API (error ${outcome.code}), so it does not prove the number is yours. Use a token of a System User assigned to the WhatsApp Business Account that owns the number. Nothing was registered.`,
  )
}

function notProven(message: string): DomainError {
  return new DomainError('forbidden', message, undefined, OWNERSHIP_REASONS.notProven)
}
