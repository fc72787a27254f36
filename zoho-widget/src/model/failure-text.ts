import type { ApiFailure } from '../api/result'
import type { Translator } from '../i18n/locale'

/** One sentence for a failed call, in the user's language when the kind of failure is known. */
export function failureText(error: ApiFailure, i18n: Translator): string {
  switch (error.kind) {
    case 'timeout':
      return i18n.t('card.error.timeout')
    case 'network':
      return i18n.t('card.error.network')
    case 'invalid_response':
      return i18n.t('card.error.invalid_response')
    case 'connection':
      return error.message
    case 'http':
      // The backend's own sentence says more than a status; it is shown as plain text.
      return error.code && error.message
        ? error.message
        : i18n.t('card.error.http', { status: error.status ?? '?' })
  }
}

/** Why a send was refused, in plain language; the backend's sentence for a reason this widget predates. */
export function refusalText(error: ApiFailure, i18n: Translator): string {
  const reason = error.reason ?? ''
  return (
    i18n.maybeT(`refusal.${reason}`) ??
    (error.message ? error.message : i18n.t('send.unknownReason', { reason: reason || '?' }))
  )
}

/** Zoho passes the HTTP status on only sometimes, so a refusal is known by its code. */
export const isRefusal = (error: ApiFailure): boolean => error.code === 'send_refused'
