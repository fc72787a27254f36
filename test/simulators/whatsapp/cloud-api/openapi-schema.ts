/**
 * Pulls the send-message request schema out of Meta's official OpenAPI description
 * (`business-messaging-api_v23.0.yaml`, operation `sendMessage` on `/{Version}/{Phone-Number-ID}/messages`)
 * and turns it into one self-contained JSON Schema 2020-12 document that Ajv can compile.
 *
 * The official file has defects that would reject Meta's own request examples; `patchSchemas` repairs
 * exactly those, each with the reason. Nothing else about the schema is changed.
 */
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..')
/** Where the spec lives: the copy in test/fixtures (see its README), overridable with WHATSAPP_OPENAPI_SPEC. */
export const DEFAULT_SPEC_PATH =
  process.env.WHATSAPP_OPENAPI_SPEC ??
  resolve(REPO_ROOT, 'test/fixtures/whatsapp/openapi/business-messaging-api_v23.0.yaml')

export const SEND_PATH = '/{Version}/{Phone-Number-ID}/messages'
const REF_PREFIX = '#/components/schemas/'

export interface ExtractedSpec {
  /** JSON Schema 2020-12 for a send body, `$defs` holding every referenced component. */
  messageSchema: Obj
  /** The official request examples of `sendMessage`, by example name. */
  requestExamples: Record<string, unknown>
}

const cache = new Map<string, ExtractedSpec>()

/** Parses the spec once per process and path (≈ 0.5 s for the 30 000-line file). */
export function loadSpec(specPath = DEFAULT_SPEC_PATH): ExtractedSpec {
  const hit = cache.get(specPath)
  if (hit) return hit
  const doc: unknown = parse(readFileSync(specPath, 'utf8'), { maxAliasCount: -1 })
  const extracted = extract(doc)
  cache.set(specPath, extracted)
  return extracted
}

function extract(doc: unknown): ExtractedSpec {
  const paths = isObj(doc) && isObj(doc.paths) ? doc.paths : {}
  const post = isObj(paths[SEND_PATH]) ? (paths[SEND_PATH] as Obj).post : undefined
  const body = isObj(post) && isObj(post.requestBody) ? post.requestBody.content : undefined
  const media = isObj(body) ? body['application/json'] : undefined
  if (!isObj(media) || !isObj(media.schema)) throw new Error(`${SEND_PATH} has no JSON request schema`)
  const schemas = isObj(doc) && isObj(doc.components) ? (doc.components as Obj).schemas : undefined
  if (!isObj(schemas)) throw new Error('the spec has no components.schemas')

  const defs: Record<string, Obj> = {}
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item)
      return
    }
    if (!isObj(node)) return
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(REF_PREFIX)) {
        const name = value.slice(REF_PREFIX.length)
        if (!defs[name]) {
          if (!isObj(schemas[name])) throw new Error(`missing component schema ${name}`)
          defs[name] = structuredClone(schemas[name]) as Obj
          visit(defs[name])
        }
      } else visit(value)
    }
  }
  const root = structuredClone(media.schema) as Obj
  visit(root)
  // Discriminator mappings name schemas too (TemplateComponent → HeaderComponent, …).
  for (let grown = true; grown; ) {
    const before = Object.keys(defs).length
    for (const def of Object.values(defs)) visit(discriminatorRefs(def))
    grown = Object.keys(defs).length > before
  }

  patchSchemas(defs)
  for (const name of Object.keys(defs)) defs[name] = normalise(defs[name], name, defs)
  rewriteRefs(defs)
  const requestExamples: Record<string, unknown> = {}
  if (isObj(media.examples)) {
    for (const [name, ex] of Object.entries(media.examples)) if (isObj(ex)) requestExamples[name] = ex.value
  }
  return {
    messageSchema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $ref: '#/$defs/Message',
      $defs: defs,
    },
    requestExamples,
  }
}

function discriminatorRefs(schema: Obj): Obj[] {
  const d = schema.discriminator
  if (!isObj(d) || !isObj(d.mapping)) return []
  return Object.values(d.mapping).map((ref) => ({ $ref: ref }))
}

/**
 * Repairs of defects in the official schema. Each one is needed for Meta's own request examples (or
 * for requests Meta documents and accepts) to validate; see README.md "Schema repairs".
 */
function patchSchemas(defs: Record<string, Obj>): void {
  const base = defs.BaseMessageProperties
  const props = base.properties as Obj
  // 1. Only messaging_product is always required: `recipient_type` defaults to "individual" and `type`
  //    to "text" (examples "Send Test Message", "Send Text Message with Preview URL" omit them), and a
  //    BSUID is addressed with `recipient` instead of `to` (reference §1.5).
  base.required = ['messaging_product']
  base.anyOf = [{ required: ['to'] }, { required: ['recipient'] }]
  props.messaging_product = { type: 'string', enum: ['whatsapp'] }
  props.recipient = { type: 'string', description: 'Business-scoped user id (BSUID), e.g. US.1349…' }
  // 2. biz_opaque_callback_data is documented (≤ 512 bytes, echoed in statuses) but missing here.
  props.biz_opaque_callback_data = { type: 'string', maxLength: 512 }
  // 3. A text message needs a body of at most 4096 characters (Meta's docs; reference §2.3).
  const textObj = textProperty(defs.TextMessage)
  if (textObj) {
    textObj.required = ['body']
    ;(textObj.properties as Obj).body = { type: 'string', minLength: 1, maxLength: 4096 }
  }
  // 4. `language.policy` is optional ("deterministic" is the only value); every example omits it.
  defs.LanguageObject.required = ['code']
  // 5. Button `index` is written as "0" or 0 in the examples, and the spec's pattern "^[2-6, 11-14]$"
  //    is a malformed character class; Meta takes a position 0–9. `sub_type` comes in either case
  //    ("CATALOG" in "Send Catalog Template Message") and has more values than the enum lists.
  const subTypes = [
    'quick_reply',
    'url',
    'catalog',
    'copy_code',
    'flow',
    'mpm',
    'voice_call',
    'order_details',
  ]
  const subType = { type: 'string', enum: [...subTypes, ...subTypes.map((s) => s.toUpperCase())] }
  const index = { type: ['string', 'integer'], pattern: '^[0-9]$', minimum: 0, maximum: 9 }
  for (const name of ['TemplateComponent', 'ButtonComponent']) {
    const p = componentProps(defs[name])
    if (p?.index) p.index = index
    if (p?.sub_type) p.sub_type = subType
  }
  // 6. Button parameters also take `action` (catalog / MPM buttons), `coupon_code` and the rest of
  //    Meta's list; the spec's enum has only payload and text.
  const buttonParam = defs.ButtonParameterObject?.properties as Obj | undefined
  if (buttonParam?.type) {
    ;(buttonParam.type as Obj).enum = ['payload', 'text', 'action', 'coupon_code', 'flow']
  }
  // 7. Latitude and longitude are numbers in Meta's docs and examples; the spec types them as strings.
  const location = locationProperty(defs.LocationMessage)
  if (location) {
    for (const k of ['latitude', 'longitude'])
      (location.properties as Obj)[k] = { type: ['number', 'string'] }
    location.required = ['latitude', 'longitude']
  }
  // 8. Interactive types the spec's own examples use ("Send Order Details Message", "Send Order Status
  //    Message") and Meta documents (CTA URL, location request, address) are missing from the enum, and
  //    their `action` ({ name, parameters }) matches no branch of ActionObject.oneOf.
  const interactiveType = (defs.InteractiveObject?.properties as Obj | undefined)?.type as Obj | undefined
  const namedActions = ['review_and_pay', 'review_order', 'cta_url', 'send_location', 'address_message']
  if (interactiveType && Array.isArray(interactiveType.enum)) {
    const extra = ['order_details', 'order_status', 'cta_url', 'location_request_message', 'address_message']
    interactiveType.enum = [...new Set([...interactiveType.enum, ...extra])]
  }
  if (Array.isArray(defs.ActionObject?.oneOf)) {
    defs.ActionObject.oneOf.push({
      required: ['name'],
      properties: { name: { type: 'string', enum: namedActions }, parameters: { type: 'object' } },
    })
  }
}

function ownBranch(schema: Obj | undefined): Obj | undefined {
  const all = schema?.allOf
  return Array.isArray(all) ? (all.find((s) => isObj(s) && !('$ref' in s)) as Obj | undefined) : undefined
}
function textProperty(schema: Obj | undefined): Obj | undefined {
  const p = ownBranch(schema)?.properties
  return isObj(p) && isObj(p.text) ? p.text : undefined
}
function locationProperty(schema: Obj | undefined): Obj | undefined {
  const p = ownBranch(schema)?.properties
  return isObj(p) && isObj(p.location) ? p.location : undefined
}
function componentProps(schema: Obj | undefined): Obj | undefined {
  if (!schema) return undefined
  const p = isObj(schema.properties) ? schema.properties : ownBranch(schema)?.properties
  return isObj(p) ? p : undefined
}

/**
 * Makes OpenAPI 3.1 idioms mean what they say under plain JSON Schema 2020-12:
 * - `discriminator` → an enum on the property plus one if/then per mapping (the redundant oneOf goes),
 *   and mapped schemas that `allOf` the base get the base without its discriminator (no recursion);
 * - `allOf` whose own branch says `additionalProperties: false` → `unevaluatedProperties: false` on the
 *   whole, so properties declared by the other branches (the common message fields) stay allowed.
 */
function normalise(schema: Obj, name: string, defs: Record<string, Obj>): Obj {
  const out: Obj = { ...schema }
  const d = out.discriminator
  if (isObj(d) && isObj(d.mapping) && typeof d.propertyName === 'string') {
    const prop = d.propertyName
    const mapping = d.mapping as Record<string, string>
    delete out.discriminator
    delete out.oneOf
    const baseName = `${name}__base`
    const baseSchema: Obj = { ...schema }
    delete baseSchema.discriminator
    delete baseSchema.oneOf
    defs[baseName] = baseSchema
    for (const target of Object.values(mapping)) {
      const targetName = target.slice(REF_PREFIX.length)
      const t = defs[targetName]
      if (Array.isArray(t?.allOf)) {
        t.allOf = t.allOf.map((s) =>
          isObj(s) && s.$ref === `${REF_PREFIX}${name}` ? { $ref: `${REF_PREFIX}${baseName}` } : s,
        )
      }
    }
    const props = isObj(out.properties) ? { ...out.properties } : {}
    // Values the schema lists without a mapped subschema stay allowed (and unconstrained).
    const declared = isObj(props[prop]) ? props[prop] : { type: 'string' }
    const listed = Array.isArray(declared.enum) ? declared.enum : []
    props[prop] = { ...declared, enum: [...new Set([...listed, ...Object.keys(mapping)])] }
    out.properties = props
    out.required = [...new Set([...(Array.isArray(out.required) ? out.required : []), prop])]
    out.allOf = [
      ...(Array.isArray(out.allOf) ? out.allOf : []),
      ...Object.entries(mapping).map(([value, ref]) => ({
        if: { properties: { [prop]: { const: value } }, required: [prop] },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a thenable
        then: { $ref: ref },
      })),
    ]
  }
  if (Array.isArray(out.allOf)) {
    let closed = false
    out.allOf = out.allOf.map((branch) => {
      if (!isObj(branch) || branch.additionalProperties !== false) return branch
      closed = true
      const { additionalProperties: _dropped, ...rest } = branch
      return rest
    })
    if (closed) out.unevaluatedProperties = false
  }
  return out
}

/** `#/components/schemas/X` → `#/$defs/X`, everywhere. */
function rewriteRefs(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) rewriteRefs(item)
    return
  }
  if (!isObj(node)) return
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith(REF_PREFIX)) {
      node.$ref = `#/$defs/${value.slice(REF_PREFIX.length)}`
    } else rewriteRefs(value)
  }
}
