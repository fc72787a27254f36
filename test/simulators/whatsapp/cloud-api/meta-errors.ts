/**
 * Meta's error catalogue as the simulator uses it (reference §4): code → HTTP status (or `async` for
 * errors Meta reports later in a `failed` status), title and details text, and the two body shapes.
 */
import { randomBytes } from 'node:crypto'

export interface MetaErrorDef {
  /** HTTP status of the synchronous answer; `async` = accepted, then a `failed` status webhook. */
  http: number | 'async'
  title: string
  details: string
}

export const ERROR_DOCS = 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/'

export const META_ERRORS: Record<number, MetaErrorDef> = {
  1: { http: 400, title: 'API Unknown', details: 'Invalid request or possible server error.' },
  2: { http: 503, title: 'API Service', details: 'Temporary due to downtime or due to being overloaded.' },
  4: { http: 400, title: 'Application request limit reached', details: 'Too many API calls.' },
  100: { http: 400, title: 'Invalid parameter', details: 'Invalid parameter.' },
  190: { http: 401, title: 'Access token has expired', details: 'Your access token has expired.' },
  368: {
    http: 400,
    title: 'Temporarily blocked for policies violations',
    details: 'The account is restricted.',
  },
  80007: {
    http: 400,
    title: 'Rate limit issues',
    details: 'The WhatsApp Business Account has reached its rate limit.',
  },
  130429: { http: 429, title: 'Rate limit hit', details: 'Cloud API message throughput has been reached.' },
  130472: {
    http: 'async',
    title: "User's number is part of an experiment",
    details: "Failed to send message because this user's phone number is part of an experiment.",
  },
  131000: {
    http: 500,
    title: 'Something went wrong',
    details: 'Message failed to send due to an unknown error.',
  },
  131016: { http: 503, title: 'Service unavailable', details: 'A service is temporarily unavailable.' },
  131021: {
    http: 400,
    title: 'Recipient cannot be sender',
    details: 'Sender and recipient phone number is the same.',
  },
  131026: { http: 'async', title: 'Message undeliverable', details: 'Message Undeliverable.' },
  131030: {
    http: 400,
    title: 'Recipient phone number not in allowed list',
    details:
      'Recipient phone number not in allowed list: Add recipient phone number to recipient list and try again.',
  },
  131031: {
    http: 400,
    title: 'Account has been locked',
    details: 'The Business Account was restricted or disabled for a violation of a platform policy.',
  },
  131042: {
    http: 400,
    title: 'Business eligibility payment issue',
    details: 'Message failed to send because there were one or more errors related to your payment method.',
  },
  131045: {
    http: 400,
    title: 'Incorrect certificate',
    details: 'Message failed to send due to a phone number registration error.',
  },
  131047: {
    http: 'async',
    title: 'Re-engagement message',
    details:
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  },
  131048: {
    http: 400,
    title: 'Spam rate limit hit',
    details:
      'Message failed to send because there are restrictions on how many messages can be sent from this phone number.',
  },
  131049: {
    http: 'async',
    title: 'This message was not delivered to maintain healthy ecosystem engagement.',
    details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.',
  },
  131050: {
    http: 'async',
    title:
      'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business',
    details: 'The user has stopped marketing messages.',
  },
  131051: {
    http: 'async',
    title: 'Unsupported message type',
    details: 'Message type is not currently supported.',
  },
  131052: {
    http: 'async',
    title: 'Media download error',
    details: 'Unable to download the media sent by the user.',
  },
  131053: {
    http: 400,
    title: 'Media upload error',
    details: 'Unable to upload the media used in the message.',
  },
  131056: {
    http: 400,
    title: '(Business Account, Consumer Account) pair rate limit hit',
    details:
      'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
  },
  131057: {
    http: 400,
    title: 'Account in maintenance mode',
    details: 'Business Account is in maintenance mode.',
  },
  131062: {
    http: 400,
    title: 'BSUID recipients are not supported for this message',
    details: 'This message type cannot be sent to a business-scoped user id.',
  },
  131063: {
    http: 400,
    title: 'Marketing messages are disabled for Cloud API',
    details: 'Marketing templates cannot be sent through Cloud API for this account.',
  },
  131064: {
    http: 'async',
    title: 'Messaging limit reached',
    details:
      'Message failed to send because the business has reached its limit of unique business-initiated recipients in a rolling 24-hour period.',
  },
  132000: {
    http: 400,
    title: 'Number of parameters does not match the expected number of params',
    details: 'The number of variable parameter values does not match the template.',
  },
  132001: {
    http: 400,
    title: 'Template name does not exist in the translation',
    details: 'Template name does not exist in the translation.',
  },
  132005: { http: 400, title: 'Translated text too long', details: 'Translated text is too long.' },
  132007: {
    http: 400,
    title: 'Template Format Character Policy Violated',
    details: 'Template content violates a WhatsApp policy.',
  },
  132012: {
    http: 400,
    title: 'Parameter format does not match format in the created template',
    details: 'Variable parameter values formatted incorrectly.',
  },
  132015: {
    http: 400,
    title: 'Template is Paused',
    details: 'Template is paused due to low quality so it cannot be sent in a template message.',
  },
  132016: {
    http: 400,
    title: 'Template is Disabled',
    details: 'Template has been paused too many times due to low quality and is now permanently disabled.',
  },
  137000: {
    http: 400,
    title: 'Identity key hash mismatch',
    details: "The recipient's identity key hash does not match.",
  },
}

export function errorDef(code: number): MetaErrorDef {
  return META_ERRORS[code] ?? { http: 'async', title: `Error ${code}`, details: `Error ${code}.` }
}

const TRACE_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'
/** An 11-character trace id like Graph's `fbtrace_id` / `x-fb-trace-id` (e.g. "E7riEe9OW2e"). */
export function traceId(): string {
  return Array.from(randomBytes(11), (b) => TRACE_CHARS[b % TRACE_CHARS.length]).join('')
}

export interface GraphErrorBody {
  error: {
    message: string
    type: string
    code: number
    error_subcode?: number
    error_data?: { messaging_product: 'whatsapp'; details: string }
    error_user_title?: string
    error_user_msg?: string
    fbtrace_id: string
  }
}

/** A Cloud API error answer: `{ error: { message: "(#CODE) Title", type, code, error_data, fbtrace_id } }`. */
export function metaError(
  code: number,
  details?: string,
  trace = traceId(),
): { status: number; body: GraphErrorBody } {
  const def = errorDef(code)
  const status = def.http === 'async' ? 400 : def.http
  return {
    status,
    body: {
      error: {
        message: `(#${code}) ${def.title}`,
        type: 'OAuthException',
        code,
        error_data: { messaging_product: 'whatsapp', details: details ?? def.details },
        fbtrace_id: trace,
      },
    },
  }
}

/** Graph's answer for an id that is not one of ours (or an unsupported method on it). */
export function unsupportedRequest(method: 'get' | 'post' | 'delete', id: string, trace = traceId()) {
  return {
    status: 400,
    body: {
      error: {
        message: `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
        type: 'GraphMethodException',
        code: 100,
        error_subcode: 33,
        fbtrace_id: trace,
      },
    } satisfies GraphErrorBody,
  }
}

/** Graph's answer to a missing or unknown access token. */
export function invalidToken(trace = traceId()) {
  return {
    status: 401,
    body: {
      error: {
        message: 'Invalid OAuth access token - Cannot parse access token',
        type: 'OAuthException',
        code: 190,
        fbtrace_id: trace,
      },
    } satisfies GraphErrorBody,
  }
}

/** Graph's answer to a path it does not know. */
export function unknownPath(path: string, trace = traceId()) {
  return {
    status: 400,
    body: {
      error: {
        message: `Unknown path components: ${path}`,
        type: 'OAuthException',
        code: 2500,
        fbtrace_id: trace,
      },
    } satisfies GraphErrorBody,
  }
}

/** The `errors[]` item of a `failed` status. */
export function statusError(code: number) {
  const def = errorDef(code)
  return {
    code,
    title: def.title,
    message: def.title,
    error_data: { details: def.details },
    href: ERROR_DOCS,
  }
}
