import type { TestRuntime } from './test-runtime'

/** A JSON Schema node as @hono/zod-openapi writes it (OpenAPI 3.1). */
// biome-ignore lint/suspicious/noExplicitAny: JSON Schema is read node by node, whatever it holds
export type JsonSchema = Record<string, any>

export interface Parameter {
  name: string
  in: 'path' | 'query' | 'header'
  required: boolean
  schema: JsonSchema
}

/** One operation of the running server's own description: what the generated tests walk. */
export interface Operation {
  method: string
  /** As documented, `/api/v1/contacts/{id}`. */
  path: string
  parameters: Parameter[]
  body?: { schema: JsonSchema; required: boolean }
  /** Documented 2xx/4xx/5xx statuses. */
  statuses: number[]
}

export interface ApiDescription {
  operations: Operation[]
  /** Resolves `$ref`s to components. */
  resolve(schema: JsonSchema): JsonSchema
}

/** Reads GET /openapi.json, so a route added to the app is in every walk without a test edit. */
export async function apiDescription(rt: TestRuntime): Promise<ApiDescription> {
  const doc = await (await rt.request('/openapi.json')).json()
  const resolve = (schema: JsonSchema): JsonSchema => {
    const ref = schema?.$ref as string | undefined
    if (!ref) return schema ?? {}
    return resolve(
      ref
        .replace('#/', '')
        .split('/')
        .reduce((node, key) => node[key], doc),
    )
  }
  const operations: Operation[] = []
  for (const [path, item] of Object.entries<JsonSchema>(doc.paths)) {
    for (const [method, op] of Object.entries<JsonSchema>(item)) {
      const body = op.requestBody?.content?.['application/json']?.schema
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters ?? []).map((p: JsonSchema) => ({
          name: p.name,
          in: p.in,
          required: Boolean(p.required),
          schema: resolve(p.schema),
        })),
        body: body ? { schema: resolve(body), required: Boolean(op.requestBody.required) } : undefined,
        statuses: Object.keys(op.responses ?? {}).map(Number),
      })
    }
  }
  return { operations, resolve }
}

/** `/api/v1/contacts/:id` → `/api/v1/contacts/{id}`. */
export const toOpenApiPath = (honoPath: string) => honoPath.replaceAll(/:([A-Za-z0-9_]+)/g, '{$1}')

/** Fills a documented path's parameters. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replaceAll(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? 'x'))
}
