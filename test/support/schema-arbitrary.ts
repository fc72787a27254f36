import fc from 'fast-check'
import type { JsonSchema } from './openapi-operations'

/**
 * fast-check arbitraries from the JSON Schemas of the server's OpenAPI description. Values are
 * mostly the right shape, so requests get past the first check and reach the code behind it,
 * with hostile values swapped in at any depth. (No maintained package maps JSON Schema to
 * fast-check 4; the subset zod-openapi emits is small.)
 */

/** What an attacker or a broken client sends in place of a proper value. */
export const HOSTILE_STRINGS = [
  'a\u0000b',
  '\u0000',
  '\uD800',
  'x\uDC00y',
  '',
  ' ',
  '-1',
  '0',
  'NaN',
  '1e309',
  'null',
  '../../etc/passwd',
  "' or 1=1 --",
  '<script>alert(1)</script>',
  '{{contact.name}}',
  '%00',
  '00000000-0000-0000-0000-000000000000',
  '9'.repeat(40),
  'x'.repeat(5000),
]

/** Any UTF-16 code unit, NUL and surrogate halves drawn often (cheaper than fast-check's full-Unicode unit). */
export const anyCodeUnit = fc.oneof(
  fc.constantFrom('\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D', '\uDE00', 'a', 'ç', '中'),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
)

const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 20 }) },
  { weight: 1, arbitrary: fc.uuid() },
)

function nested(depth: number): unknown {
  let value: unknown = 'deep'
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value }
  return value
}

/** Any value in the wrong place: wrong types, bad text, extremes, nesting, prototype keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      false,
      -1,
      0,
      -0.5,
      1.5,
      2 ** 53 + 1,
      -1e308,
      1e308,
      [],
      {},
      [null],
      nested(40),
      nested(200),
      JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {}}}'),
      { 'x\u0000y': 1 },
      Array.from({ length: 2000 }, (_, i) => i),
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
)

export interface ArbitraryOptions {
  /** Weight of a hostile value against 10 for a proper one, at every node; 0 for proper values only. */
  hostility: number
  resolve(schema: JsonSchema): JsonSchema
}

/** Values for `schema`, hostile at any node with the given weight. */
export function arbitraryFor(
  schema: JsonSchema,
  options: ArbitraryOptions,
  depth = 0,
): fc.Arbitrary<unknown> {
  const proper = properFor(options.resolve(schema), options, depth)
  if (options.hostility === 0) return proper
  return fc.oneof({ weight: 10, arbitrary: proper }, { weight: options.hostility, arbitrary: hostileValue })
}

function properFor(schema: JsonSchema, options: ArbitraryOptions, depth: number): fc.Arbitrary<unknown> {
  const child = (s: JsonSchema) => arbitraryFor(s, options, depth + 1)
  if (depth > 12) return fc.constant(null)
  if ('const' in schema) return fc.constant(schema.const)
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return fc.constantFrom(...schema.enum)
  const variants = schema.anyOf ?? schema.oneOf
  if (Array.isArray(variants)) return fc.oneof(...variants.map((v: JsonSchema) => child(v)))
  if (Array.isArray(schema.allOf)) return child(Object.assign({}, ...schema.allOf.map(options.resolve)))
  if (Array.isArray(schema.type))
    return fc.oneof(...schema.type.map((type: string) => properFor({ ...schema, type }, options, depth)))
  switch (schema.type) {
    case 'null':
      return fc.constant(null)
    case 'boolean':
      return fc.boolean()
    case 'integer':
      return fc.integer({ min: bound(schema.minimum, -1000), max: bound(schema.maximum, 1000) })
    case 'number':
      return fc.double({ min: bound(schema.minimum, -1000), max: bound(schema.maximum, 1000), noNaN: true })
    case 'string':
      return stringFor(schema)
    case 'array':
      return fc.array(child(schema.items ?? {}), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      })
    case 'object':
      return objectFor(schema, options, depth)
    default:
      return fc.jsonValue({ maxDepth: 2 })
  }
}

const bound = (value: unknown, fallback: number) =>
  typeof value === 'number' ? Math.max(Math.min(value, 1e9), -1e9) : fallback

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid()
    case 'date-time':
      return fc
        .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString())
    case 'uri':
      return fc.webUrl()
    case 'email':
      return fc.emailAddress()
  }
  const minLength = schema.minLength ?? 0
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 24, 24))
  if (typeof schema.pattern === 'string') {
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY))
  }
  return fc.string({ minLength, maxLength })
}

function objectFor(schema: JsonSchema, options: ArbitraryOptions, depth: number): fc.Arbitrary<unknown> {
  const child = (s: JsonSchema) => arbitraryFor(s, options, depth + 1)
  const properties = Object.entries<JsonSchema>(schema.properties ?? {})
  const required: string[] = schema.required ?? []
  const known = fc.record(Object.fromEntries(properties.map(([k, s]) => [k, child(s)])), {
    // A hostile run may also leave out what is required.
    requiredKeys: options.hostility > 0 ? [] : required.filter((k) => schema.properties?.[k]),
  })
  const extra =
    schema.additionalProperties && typeof schema.additionalProperties === 'object'
      ? fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), child(schema.additionalProperties), {
          maxKeys: 3,
        })
      : options.hostility > 0
        ? fc.oneof(fc.constant({}), fc.dictionary(hostileString, hostileValue, { maxKeys: 2 }))
        : fc.constant({})
  return fc.tuple(known, extra).map(([k, e]) => ({ ...e, ...(k as object) }))
}
