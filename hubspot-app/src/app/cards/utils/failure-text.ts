import type { ApiFailure } from '../api/http'
import type { Translator } from '../i18n/locale'

/** One sentence for a failed call, in the user's language when we know the kind of failure. */
export function failureText(error: ApiFailure, i18n: Translator): string {
  switch (error.kind) {
    case 'timeout':
      return i18n.t('card.error.timeout')
    case 'network':
      return i18n.t('card.error.network')
    case 'invalid_response':
      return i18n.t('card.error.invalid_response')
    case 'http':
      // The backend's own sentence is more precise than a status code; it is shown as plain text.
      return error.code && error.message
        ? error.message
        : i18n.t('card.error.http', { status: error.status ?? '?' })
  }
}

/** Why a send was refused, in plain language; falls back to the backend's sentence for a new reason. */
export function refusalText(error: ApiFailure, i18n: Translator): string {
  const reason = error.reason ?? ''
  return (
    i18n.maybeT(`refusal.${reason}`) ??
    (error.message ? error.message : i18n.t('send.unknownReason', { reason: reason || '?' }))
  )
}

export const isRefusal = (error: ApiFailure): boolean => error.status === 422 && error.code === 'send_refused'
