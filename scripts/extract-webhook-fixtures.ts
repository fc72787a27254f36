/**
 * Extracts the webhook example envelopes of Meta's official OpenAPI description (path
 * `/whatsapp/webhooks`, requestBody examples) into one pretty JSON file per example under
 * test/fixtures/whatsapp/official/. Run: `npx tsx scripts/extract-webhook-fixtures.ts [spec.yaml]`.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const DEFAULT_SPEC = resolve(ROOT, 'test/fixtures/whatsapp/openapi/business-messaging-api_v23.0.yaml')
const OUT_DIR = join(ROOT, 'test/fixtures/whatsapp/official')
const WEBHOOK_PATH = '/whatsapp/webhooks'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** "Text Message with Context (Product Inquiry)" → "text-message-with-context-product-inquiry". */
function slug(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/** Every `examples.<name>.value` of every request body media type under the webhook path. */
function webhookExamples(spec: unknown): Map<string, unknown> {
  const paths = isObj(spec) && isObj(spec.paths) ? spec.paths : {}
  const item = paths[WEBHOOK_PATH]
  if (!isObj(item)) throw new Error(`${WEBHOOK_PATH} is not in the spec`)
  const out = new Map<string, unknown>()
  for (const operation of Object.values(item)) {
    const content =
      isObj(operation) && isObj(operation.requestBody) ? operation.requestBody.content : undefined
    if (!isObj(content)) continue
    for (const media of Object.values(content)) {
      const examples = isObj(media) && isObj(media.examples) ? media.examples : {}
      for (const [name, example] of Object.entries(examples)) {
        if (!isObj(example) || !('value' in example)) continue
        const file = slug(name)
        if (out.has(file)) throw new Error(`two examples map to ${file}.json`)
        out.set(file, example.value)
      }
    }
  }
  if (out.size === 0) throw new Error(`no examples under ${WEBHOOK_PATH}`)
  return out
}

function main(): void {
  const specPath = resolve(process.argv[2] ?? DEFAULT_SPEC)
  const examples = webhookExamples(parse(readFileSync(specPath, 'utf8')))
  mkdirSync(OUT_DIR, { recursive: true })
  // Regeneration replaces the extracted files; README.md stays.
  for (const old of readdirSync(OUT_DIR)) if (old.endsWith('.json')) rmSync(join(OUT_DIR, old))
  for (const [file, value] of examples) {
    writeFileSync(join(OUT_DIR, `${file}.json`), `${JSON.stringify(value, null, 2)}\n`)
  }
  console.log(`wrote ${examples.size} fixtures from ${specPath} to ${OUT_DIR}`)
}

main()
