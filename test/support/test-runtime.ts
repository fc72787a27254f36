import { sql } from 'drizzle-orm'
import { type Config, parseConfig } from '../../backend/src/config'
import { queryRows } from '../../backend/src/db/query-rows'
import { createLogger, type Logger } from '../../backend/src/lib/logger'
import { type Runtime, type RuntimeOptions, startRuntime } from '../../backend/src/runtime'
import { type CloudApiSimulator, startCloudApiSimulator } from '../simulators/whatsapp/cloud-api'
import type { NumberRef } from '../simulators/whatsapp/envelopes'
import { type Engine, openTestDb, serverUrl } from './test-db'

export const TEST_ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  WHATSAPP_APP_SECRET: 'test-app-secret-0123456789',
  WHATSAPP_VERIFY_TOKEN: 'test-verify-token',
  ADMIN_API_KEY: 'test-admin-key-0123456789abcdef',
  ENCRYPTION_KEY: '00'.repeat(32),
  INGEST_WORKER: 'off',
  SENDER: 'off',
  AUTOMATION_WORKER: 'off',
  CRM_SYNC: 'off',
  SCHEDULER: 'off',
  EVENT_WEBHOOKS: 'off',
  MEDIA_WORKER: 'off',
  MIGRATE_ON_START: 'false',
  // Scheduled jobs that reach outside the database stay out of tests that run the scheduler for
  // other jobs; their own tests turn them on.
  WHATSAPP_HEALTH_SCHEDULE: 'off',
  SYNC_ACCURACY_SCHEDULE: 'off',
  CRM_STORAGE_SCHEDULE: 'off',
  UNREAD_EXPORT_SCHEDULE: 'off',
}

/** A response whose JSON tests read field by field; contract checks parse with @scrm/shared schemas. */
export type TestResponse = Omit<Response, 'json'> & {
  // biome-ignore lint/suspicious/noExplicitAny: assertions inspect arbitrary JSON answers
  json(): Promise<any>
}

/** The token tests register numbers with; the runtime's Cloud API simulator lets it read them. */
export const TEST_WHATSAPP_TOKEN = 'EAAG-test-token-not-real'

export interface TestRuntime extends Runtime {
  config: Config
  /**
   * The Meta side: the Cloud API simulator the runtime's Graph URL points at (started with the
   * runtime unless the test gave WHATSAPP_GRAPH_URL; a test with its own simulator may set it).
   * registerChannel adds the number to it and lets TEST_WHATSAPP_TOKEN read it.
   */
  whatsapp?: CloudApiSimulator
  /** Calls the app in-process with the admin key. */
  api(path: string, init?: RequestInit & { json?: unknown; key?: string }): Promise<TestResponse>
  /** Calls the app in-process without credentials (webhooks, health, docs). */
  request(path: string, init?: RequestInit): Promise<TestResponse>
}

/** The real backend on a fresh database of the given engine; ingest runs when a test drains it. */
export async function startTestRuntime(
  engine: Engine,
  env: Record<string, string> = {},
  /** A logger of the test's own, e.g. one writing to an array so a test can read what was logged. */
  logger: Logger = createLogger('silent'),
  /** Extra CRM providers (a test's fake CRM), registered next to the built-in ones. */
  extra: Pick<RuntimeOptions, 'crmProviders'> = {},
): Promise<TestRuntime> {
  // Registering a number asks the Graph API for proof of ownership: unless the test brought its
  // own Graph URL, the runtime gets a simulated Meta account (numbers added by registerChannel).
  const whatsapp = env.WHATSAPP_GRAPH_URL
    ? undefined
    : await startCloudApiSimulator({
        appSecret: TEST_ENV.WHATSAPP_APP_SECRET,
        accessTokens: [TEST_WHATSAPP_TOKEN],
        grants: {},
        numbers: [],
      })
  const config = parseConfig({
    ...TEST_ENV,
    ...(whatsapp ? { WHATSAPP_GRAPH_URL: whatsapp.url } : {}),
    ...env,
  })
  const db = await openTestDb(engine)
  // On the server the ingest thread (INGEST_WORKER=thread) opens its own pool on the same database.
  const databaseUrl =
    engine === 'pg'
      ? serverUrl(
          (await queryRows<{ name: string }>(db.db, sql`select current_database() as name`))[0]?.name ?? '',
        )
      : undefined
  const runtime = await startRuntime(config, logger, { db, ownsDb: true, databaseUrl, ...extra })
  return {
    ...runtime,
    config,
    whatsapp,
    async close() {
      await runtime.close()
      await whatsapp?.close()
    },
    request: (path, init) => Promise.resolve(runtime.app.request(path, init)),
    api(path, init = {}) {
      const { json, key, ...rest } = init
      const headers = new Headers(rest.headers)
      headers.set('authorization', `Bearer ${key ?? config.ADMIN_API_KEY}`)
      if (json !== undefined) headers.set('content-type', 'application/json')
      return Promise.resolve(
        runtime.app.request(path, {
          ...rest,
          headers,
          body: json !== undefined ? JSON.stringify(json) : rest.body,
        }),
      )
    },
  }
}

export const NUMBER_A: NumberRef = {
  phoneNumberId: '106540352242922',
  displayPhoneNumber: '15550783881',
  wabaId: '102290129340398',
}
export const NUMBER_B: NumberRef = {
  phoneNumberId: '209876543210987',
  displayPhoneNumber: '5511940000000',
  wabaId: '102290129340398',
}

/** Meta's side of a number the test owns: the simulated account has it, and the test token reads it. */
export function ownNumber(
  sim: CloudApiSimulator | undefined,
  number: NumberRef,
  token = TEST_WHATSAPP_TOKEN,
) {
  if (!sim) return
  sim.addNumber({ ...number, tierLimit: null })
  sim.grant(token, number.wabaId)
}

/** Registers a number through the API, its ownership proven against the runtime's simulated Meta. */
export async function registerChannel(
  rt: TestRuntime,
  number: NumberRef,
  region = 'US',
  key?: string,
): Promise<TestResponse> {
  ownNumber(rt.whatsapp, number)
  return rt.api('/api/v1/channels', {
    method: 'POST',
    key,
    json: {
      phone_number_id: number.phoneNumberId,
      display_phone_number: `+${number.displayPhoneNumber}`,
      default_region: region,
      waba_id: number.wabaId,
      access_token: TEST_WHATSAPP_TOKEN,
    },
  })
}
