/**
 * HubSpot's error bodies. Shapes and wording follow answers HubSpot gives in production (quoted in
 * public issue threads and its error-handling guide): `{ status: "error", message, correlationId,
 * category, errors?, context? }`, property validation as "Property values were not valid: [...]"
 * with one `errors[]` entry per invalid value, OAuth failures as `{ status: "BAD_…", message }`.
 */
import { randomUUID } from 'node:crypto'

export interface SimAnswer {
  status: number
  body: unknown
  headers?: Record<string, string>
}

export interface ErrorDetail {
  message: string
  code?: string
  context?: Record<string, string[]>
  in?: string
}

export const correlationId = (): string => randomUUID()

export function hubspotError(
  status: number,
  category: string,
  message: string,
  extra: { errors?: ErrorDetail[]; context?: Record<string, string[]>; links?: Record<string, string> } = {},
): SimAnswer {
  return {
    status,
    body: { status: 'error', message, correlationId: correlationId(), category, ...extra },
  }
}

export const invalidAuthentication = (): SimAnswer =>
  hubspotError(
    401,
    'INVALID_AUTHENTICATION',
    'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
  )

export function expiredAuthentication(expiredMsAgo: number): SimAnswer {
  const minutes = Math.max(1, Math.round(expiredMsAgo / 60_000))
  return hubspotError(
    401,
    'EXPIRED_AUTHENTICATION',
    `The OAuth token used to make this call expired ${minutes} minute(s) ago.`,
  )
}

export const missingScopes = (required: string[]): SimAnswer =>
  hubspotError(
    403,
    'MISSING_SCOPES',
    "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
    {
      errors: [
        {
          message: 'One or more of the following scopes are required.',
          context: { requiredGranularScopes: required },
        },
      ],
      links: { scopes: 'https://developers.hubspot.com/scopes' },
    },
  )

export const validationError = (
  message: string,
  extra?: { errors?: ErrorDetail[]; context?: Record<string, string[]> },
): SimAnswer => hubspotError(400, 'VALIDATION_ERROR', message, extra)

export const notFound = (message = 'resource not found'): SimAnswer =>
  hubspotError(404, 'OBJECT_NOT_FOUND', message)

export const conflict = (message: string, context?: Record<string, string[]>): SimAnswer =>
  hubspotError(409, 'CONFLICT', message, context ? { context } : {})

export const invalidJson = (): SimAnswer =>
  validationError(
    'Invalid input JSON on line 1, column 1: Cannot build request body, the body is not valid JSON',
  )

export const unknownObjectType = (objectType: string): SimAnswer =>
  validationError(`Unable to infer object type from: ${objectType}`)

export const tooManyInputs = (max: number): SimAnswer =>
  validationError(
    `The maximum number of inputs supported in a batch request is ${max}. Please reduce the number of items and try again`,
  )

export const duplicateIds = (ids: string[]): SimAnswer =>
  validationError(`Duplicate IDs found in batch input: [${ids.join(', ')}]. IDs must be unique`, {
    context: { ids },
  })

/** One entry of HubSpot's property validation result list. */
export interface PropertyProblem {
  name: string
  error: string
  message: string
  propertyValue?: string
}

/** The body HubSpot answers when property values of a write are invalid. */
export function propertyValuesInvalid(problems: PropertyProblem[], portalId: number): SimAnswer {
  const results = problems.map((p) => ({
    isValid: false,
    message: p.message,
    error: p.error,
    name: p.name,
    localizedErrorMessage: p.message,
    ...(p.propertyValue !== undefined ? { propertyValue: p.propertyValue } : {}),
    portalId,
  }))
  return validationError(`Property values were not valid: ${JSON.stringify(results)}`, {
    errors: problems.map((p) => ({
      message: p.message,
      code: p.error,
      context: { propertyName: [p.name] },
    })),
  })
}

/** 429 of the per-portal ten-second window (the SDK retries on `policyName`). */
export const tenSecondlyLimit = (groupName: string): SimAnswer => ({
  status: 429,
  body: {
    status: 'error',
    message: 'You have reached your ten_secondly_rolling limit.',
    errorType: 'RATE_LIMIT',
    correlationId: correlationId(),
    policyName: 'TEN_SECONDLY_ROLLING',
    groupName,
  },
})

/** 429 of the search API (the SDK retries on this exact message). */
export const secondlyLimit = (groupName: string): SimAnswer => ({
  status: 429,
  body: {
    status: 'error',
    message: 'You have reached your secondly limit.',
    errorType: 'RATE_LIMIT',
    correlationId: correlationId(),
    policyName: 'SECONDLY',
    groupName,
  },
})

export function serverError(status: 500 | 502 | 503): SimAnswer {
  const messages = {
    500: 'internal error',
    502: 'Bad Gateway: the upstream service did not answer in time',
    503: 'Service Unavailable: please retry later',
  }
  return hubspotError(status, status === 500 ? 'INTERNAL_ERROR' : 'SERVICE_UNAVAILABLE', messages[status])
}

/** OAuth endpoint errors: `status` carries HubSpot's code (BAD_AUTH_CODE, BAD_REFRESH_TOKEN, …). */
export function oauthError(code: string, message: string, status = 400): SimAnswer {
  return {
    status,
    body: { status: code, message, correlationId: correlationId(), category: 'VALIDATION_ERROR' },
  }
}
