import openapiTS, { astToString } from 'openapi-typescript'
import { parseConfig } from '../../backend/src/config'
import { openDatabase } from '../../backend/src/db/client'
import { createLogger } from '../../backend/src/lib/logger'
import { startRuntime } from '../../backend/src/runtime'

/** Where the console's generated API types live (committed: the build needs no running backend). */
export const API_TYPES_PATH = new URL('../src/api/schema.d.ts', import.meta.url)

const HEADER =
  "// Generated from the backend's /openapi.json by `npm run generate:api -w @scrm/admin-console`. Do not edit.\n"

/** The backend's own description, read from an app on a throwaway in-memory database, workers off. */
export async function backendOpenApi(): Promise<Record<string, unknown>> {
  const db = await openDatabase({ driver: 'pglite', dataDir: 'memory://' })
  const config = parseConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    INGEST_WORKER: 'off',
    SENDER: 'off',
    AUTOMATION_WORKER: 'off',
    CRM_SYNC: 'off',
    SCHEDULER: 'off',
    EVENT_WEBHOOKS: 'off',
    MEDIA_WORKER: 'off',
  })
  const runtime = await startRuntime(config, createLogger('silent'), { db, ownsDb: true })
  try {
    return (await (await runtime.app.request('/openapi.json')).json()) as Record<string, unknown>
  } finally {
    await runtime.close()
  }
}

/** The TypeScript types openapi-fetch checks every call against. */
export async function apiTypesSource(doc: Record<string, unknown>): Promise<string> {
  // biome-ignore lint/suspicious/noExplicitAny: openapi-typescript takes its own OpenAPI3 type; the doc is ours, valid 3.1
  return HEADER + astToString(await openapiTS(doc as any))
}
