/**
 * Validates send bodies against the (repaired) official schema with Ajv, and words the first problem
 * the way Meta's `error_data.details` does, naming the parameter in Meta's notation (`text['body']`).
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { DEFAULT_SPEC_PATH, loadSpec } from './openapi-schema'

export type Validation = { ok: true } | { ok: false; field: string; details: string }

/** Mark-as-read (+ typing indicator): not in the spec's schema, only in its example of the same name. */
const markReadSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['messaging_product', 'status', 'message_id'],
  properties: {
    messaging_product: { type: 'string', enum: ['whatsapp'] },
    status: { type: 'string', enum: ['read'] },
    message_id: { type: 'string', minLength: 1 },
    typing_indicator: {
      type: 'object',
      additionalProperties: false,
      required: ['type'],
      properties: { type: { type: 'string', enum: ['text'] } },
    },
  },
}

export interface RequestValidator {
  message(body: unknown): Validation
  markRead(body: unknown): Validation
}

const compiled = new Map<string, RequestValidator>()

/** Compiles once per spec path; later simulators in the same process reuse the validators. */
export function requestValidator(specPath = DEFAULT_SPEC_PATH): RequestValidator {
  const hit = compiled.get(specPath)
  if (hit) return hit
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true })
  addFormats(ajv)
  // The spec's `format: url` (media links): Meta fetches http(s) only.
  ajv.addFormat('url', /^https?:\/\/[^\s/$.?#][^\s]*$/i)
  const message = ajv.compile(loadSpec(specPath).messageSchema)
  const markRead = ajv.compile(markReadSchema)
  const validator: RequestValidator = {
    message: (body) => run(message, withDefaultType(body)),
    markRead: (body) => run(markRead, body),
  }
  compiled.set(specPath, validator)
  return validator
}

/** Meta treats a body without `type` as a text message. */
function withDefaultType(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || 'type' in body) return body
  return { ...body, type: 'text' }
}

function run(validate: ValidateFunction, body: unknown): Validation {
  if (validate(body)) return { ok: true }
  return describe(validate.errors ?? [])
}

const COMBINATORS = new Set(['oneOf', 'anyOf', 'allOf', 'if', 'not', 'then', 'else'])

/** The deepest non-combinator error; at equal depth a broken value beats a missing key. */
function mostSpecific(errors: ErrorObject[]): ErrorObject | undefined {
  const depth = (e: ErrorObject) => e.instancePath.split('/').length * 2 + (e.keyword === 'required' ? 0 : 1)
  const leaves = errors.filter((e) => !COMBINATORS.has(e.keyword))
  return (
    leaves.reduce<ErrorObject | undefined>(
      (best, e) => (!best || depth(e) > depth(best) ? e : best),
      undefined,
    ) ?? errors[0]
  )
}

/** The most specific error, in Meta's words. */
export function describe(errors: ErrorObject[]): { ok: false; field: string; details: string } {
  const error = mostSpecific(errors)
  if (!error) return { ok: false, field: '', details: 'Invalid parameter' }
  const at = param(error.instancePath)
  const p = error.params as Record<string, unknown>
  // "either id or link" (MediaObject.oneOf) and similar: several alternatives all missing.
  const alternatives = errors.filter((e) => e.keyword === 'required' && e.instancePath === error.instancePath)
  if (error.keyword === 'required' && at && alternatives.length > 1) {
    const names = [...new Set(alternatives.map((e) => String(e.params.missingProperty)))]
    return { ok: false, field: at, details: `Param ${at} must contain one of {${names.join(', ')}}.` }
  }
  switch (error.keyword) {
    case 'required': {
      const field = join(at, String(p.missingProperty))
      return { ok: false, field, details: `The parameter ${field} is required.` }
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = String(p.additionalProperty ?? p.unevaluatedProperty)
      return {
        ok: false,
        field: join(at, key),
        details: `Unexpected key "${key}" on param "${at || 'message'}".`,
      }
    }
    case 'type':
      return {
        ok: false,
        field: at,
        details: `Param ${at} must be of type ${String(p.type).replace(',', ' or ')}.`,
      }
    case 'enum':
    case 'const': {
      const allowed = (p.allowedValues as unknown[] | undefined) ?? [p.allowedValue]
      return { ok: false, field: at, details: `Param ${at} must be one of {${allowed.join(', ')}}.` }
    }
    case 'maxLength':
      return { ok: false, field: at, details: `Param ${at} must be at most ${p.limit} characters long.` }
    case 'minLength':
      return { ok: false, field: at, details: `Param ${at} must be at least ${p.limit} characters long.` }
    case 'maxItems':
      return { ok: false, field: at, details: `Param ${at} must have at most ${p.limit} elements.` }
    case 'minItems':
      return { ok: false, field: at, details: `Param ${at} must have at least ${p.limit} elements.` }
    case 'format':
      return { ok: false, field: at, details: `Param ${at} must be a valid ${p.format}.` }
    default:
      return {
        ok: false,
        field: at,
        details: `Param ${at || 'message'} is invalid: ${error.message ?? 'invalid'}.`,
      }
  }
}

/** `/template/components/0/parameters` → `template['components'][0]['parameters']`. */
export function param(pointer: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
  return parts.reduce(
    (acc, part, i) => (i === 0 ? part : /^\d+$/.test(part) ? `${acc}[${part}]` : `${acc}['${part}']`),
    '',
  )
}

const join = (at: string, key: string): string => (at ? `${at}['${key}']` : key)
