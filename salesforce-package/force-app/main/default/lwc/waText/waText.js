import LOCALE from '@salesforce/i18n/locale'
import TIME_ZONE from '@salesforce/i18n/timeZone'
import { maybeT, t } from 'c/waLabels'
import { InvalidAnswer } from 'c/waModel'

const KINDS = new Set([
  'http',
  'network',
  'timeout',
  'invalid_response',
  'not_configured',
  'no_access',
  'invalid_input',
])

const failure = (kind, message, extra = {}) => ({
  kind,
  status: null,
  code: null,
  reason: null,
  message,
  requestId: null,
  ...extra,
})

/**
 * Why a call failed, from whatever the platform handed us: the Apex controller's JSON failure
 * (WaBackend.Failure), a plain Apex or platform error, or an answer we could not read.
 */
export function toFailure(error) {
  if (error instanceof InvalidAnswer) return failure('invalid_response', '')
  const body = error?.body
  const message = typeof body?.message === 'string' ? body.message : null
  if (message) {
    try {
      const parsed = JSON.parse(message)
      if (parsed && KINDS.has(parsed.kind)) {
        return failure(parsed.kind, typeof parsed.message === 'string' ? parsed.message : '', {
          status: Number.isInteger(parsed.status) ? parsed.status : null,
          code: typeof parsed.code === 'string' ? parsed.code : null,
          reason: typeof parsed.reason === 'string' ? parsed.reason : null,
          requestId: typeof parsed.requestId === 'string' ? parsed.requestId : null,
        })
      }
    } catch {
      // A platform message in plain words (e.g. no access to the Apex class): shown as it is.
    }
    return failure('platform', message, { status: error.status ?? null })
  }
  if (error?.status === 0 || error?.statusText === 'Network error') return failure('network', '')
  return failure('platform', typeof error?.message === 'string' ? error.message : '')
}

/** One sentence for a failed call, in the user's language when we know the kind of failure. */
export function failureText(error) {
  switch (error.kind) {
    case 'timeout':
      return t('card.error.timeout')
    case 'network':
      return t('card.error.network')
    case 'invalid_response':
      return t('card.error.invalid_response')
    case 'not_configured':
      return t('card.error.notConfigured')
    case 'no_access':
      return t('card.error.noAccess')
    case 'http':
      if (error.status === 401 || error.code === 'unauthorized') return t('card.error.notConnected')
      // The backend's own sentence is more precise than a status code; it is shown as plain text.
      return error.code && error.message
        ? error.message
        : t('card.error.http', { status: error.status ?? '?' })
    default:
      return error.message || t('card.error.http', { status: error.status ?? '?' })
  }
}

export const isRefusal = (error) => error.status === 422 && error.code === 'send_refused'

/** Why a send was refused, in plain language; falls back to the backend's sentence for a new reason. */
export function refusalText(error) {
  const reason = error.reason ?? ''
  return (
    maybeT(`refusal.${reason}`) ??
    (error.message ? error.message : t('send.unknownReason', { reason: reason || '?' }))
  )
}

/** Date and time in the Salesforce user's locale and time zone. */
export function formatDateTime(iso) {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso ?? ''
  const options = { dateStyle: 'medium', timeStyle: 'short' }
  try {
    return new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: TIME_ZONE }).format(date)
  } catch {
    // An unknown locale tag or time zone: fall back rather than fail the whole thread.
    return new Intl.DateTimeFormat('en', options).format(date)
  }
}

export const INSIGHT_KINDS = ['segment', 'intent', 'sentiment', 'churn_risk']

function describeValue(raw) {
  if (typeof raw === 'number') return raw >= 0 && raw <= 1 ? `${Math.round(raw * 100)}%` : String(raw)
  if (typeof raw === 'boolean') return raw ? t('value.high') : t('value.low')
  return maybeT(`value.${raw.toLowerCase()}`) ?? raw.replace(/_/g, ' ')
}

/** The insights present on the contact, each with its value in the user's language and its "why". */
export function insightsOf(contact) {
  const out = []
  for (const kind of INSIGHT_KINDS) {
    const raw = contact?.[kind]
    if (raw === null || raw === undefined || raw === '') continue
    if (typeof raw !== 'object') {
      out.push({ kind, label: t(`insights.${kind}`), value: describeValue(raw), reason: null })
      continue
    }
    const value = raw.label ?? raw.value ?? raw.level ?? raw.score
    if (value === null || value === undefined || value === '') continue
    const reason = typeof raw.reason === 'string' && raw.reason ? raw.reason : null
    out.push({
      kind,
      label: t(`insights.${kind}`),
      value: describeValue(value),
      reason: reason ? t('insights.why', { reason }) : null,
    })
  }
  return out
}
