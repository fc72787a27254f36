/**
 * Salesforce's error shapes: REST errors are a JSON array of `{ message, errorCode, fields? }`;
 * per-record results of sObject Collections carry `{ statusCode, message, fields }`; OAuth errors
 * are `{ error, error_description }`. Wording follows Salesforce's answers where it is public.
 */

export interface SimAnswer {
  status: number
  body: unknown
  headers?: Record<string, string>
}

export function sfError(status: number, errorCode: string, message: string, fields?: string[]): SimAnswer {
  return { status, body: [{ message, errorCode, ...(fields ? { fields } : {}) }] }
}

export interface RecordError {
  statusCode: string
  message: string
  fields: string[]
}

export const invalidSession = (): SimAnswer =>
  sfError(401, 'INVALID_SESSION_ID', 'Session expired or invalid')

export const requestLimitExceeded = (): SimAnswer =>
  sfError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.')

export const notFound = (message = 'The requested resource does not exist'): SimAnswer =>
  sfError(404, 'NOT_FOUND', message)

export const oauthError = (status: number, error: string, description: string): SimAnswer => ({
  status,
  body: { error, error_description: description },
})

export const serverError = (status: number): SimAnswer =>
  sfError(status, 'SERVER_UNAVAILABLE', 'The server is temporarily unable to service your request.')
