import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'
import pg from 'pg'
import { type CloudApiSimulator, startCloudApiSimulator } from '../../simulators/whatsapp/cloud-api'
import { singleText, wamid } from '../../simulators/whatsapp/envelopes'
import { metaDelivery } from '../../simulators/whatsapp/webhook-sender'
import { TOKEN } from '../../support/send-harness'
import { NUMBER_A, TEST_ENV } from '../../support/test-runtime'

const ROOT = join(import.meta.dirname, '..', '..', '..')
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** The fault suite's heavier variant (`npm run test:faults`): longer streams, more restarts. */
export const HEAVY = process.env.SCRM_FAULTS_HEAVY === '1'

export interface AppProcess {
  child: ChildProcess
  output(): string
  exited: Promise<number | null>
  alive(): boolean
  /** SIGKILL (kill -9) or SIGTERM to node itself: tsx runs as a loader, so the pid is the app's. */
  kill(signal: 'SIGKILL' | 'SIGTERM'): Promise<void>
}

/** `server` = the API process (npm start), `worker` = the separate worker process (npm run worker). */
export function spawnApp(kind: 'server' | 'worker', env: Record<string, string>): AppProcess {
  let out = ''
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'backend', 'src', `${kind}.ts`)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  })
  child.stdout?.on('data', (d) => (out += d))
  child.stderr?.on('data', (d) => (out += d))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return {
    child,
    output: () => out,
    exited,
    alive: () => child.exitCode === null && child.signalCode === null,
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill(signal)
      await exited
    },
  }
}

/** The environment of a server or worker on `databaseUrl`; `extra` wins. */
export function appEnv(databaseUrl: string, port: number, extra: Record<string, string> = {}) {
  return {
    ...TEST_ENV,
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    MIGRATE_ON_START: 'true',
    ...extra,
  }
}

export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  everyMs = 100,
): Promise<number> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started
    await sleep(everyMs)
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`)
}

export const httpOk = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(3_000) })
    .then((r) => r.ok)
    .catch(() => false)

/** The fields these tests read from API answers (a channel, a broadcast). */
export interface ApiBody {
  channel: { id: string }
  id: string
  state: string
}

export async function api(base: string, path: string, init: { method?: string; json?: unknown } = {}) {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${TEST_ENV.ADMIN_API_KEY}`, 'content-type': 'application/json' },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  })
  const body = (await res.json()) as ApiBody
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${JSON.stringify(body)}`)
  return body
}

/** Meta's side of NUMBER_A, where a registration proves the number is ours (WHATSAPP_GRAPH_URL). */
export function startMeta(): Promise<CloudApiSimulator> {
  return startCloudApiSimulator({
    appSecret: TEST_ENV.WHATSAPP_APP_SECRET,
    accessTokens: [TOKEN],
    numbers: [{ ...NUMBER_A, tierLimit: null }],
  })
}

/** Registers NUMBER_A with the simulator's token, so its deliveries are routed and stored. */
export async function registerNumber(base: string): Promise<string> {
  const { channel } = await api(base, '/api/v1/channels', {
    method: 'POST',
    json: {
      phone_number_id: NUMBER_A.phoneNumberId,
      display_phone_number: `+${NUMBER_A.displayPhoneNumber}`,
      default_region: 'US',
      waba_id: NUMBER_A.wabaId,
      access_token: TOKEN,
    },
  })
  return channel.id
}

export interface StreamReport {
  /** wamids answered 200: each must end up stored exactly once. */
  acked: string[]
  /** Deliveries answered otherwise or not at all (Meta would deliver them again). */
  refused: number
}

/**
 * Meta's side under load: `concurrency` posters, each sending signed single-message deliveries
 * one after another until stopped. Every answer is recorded by wamid.
 */
export function deliveryStream(base: string, concurrency: number) {
  const acked: string[] = []
  let refused = 0
  let running = true
  let customer = 0
  const poster = async () => {
    while (running) {
      customer += 1
      const id = wamid('FLT')
      const waId = `1555${String(700_000 + (customer % 50_000)).padStart(7, '0')}`
      const delivery = metaDelivery(
        singleText(NUMBER_A, { waId, name: 'Fault' }, `message ${id}`, new Date(), id),
        TEST_ENV.WHATSAPP_APP_SECRET,
      )
      try {
        const res = await fetch(`${base}/webhooks/whatsapp`, {
          method: 'POST',
          headers: delivery.headers,
          body: delivery.body,
          signal: AbortSignal.timeout(5_000),
        })
        await res.arrayBuffer()
        if (res.status === 200) acked.push(id)
        else refused += 1
      } catch {
        refused += 1
        // The server is away (killed, restarting): Meta backs off too.
        await sleep(50)
      }
    }
  }
  const posters = Array.from({ length: concurrency }, poster)
  return {
    acked: () => acked.length,
    async stop(): Promise<StreamReport> {
      running = false
      await Promise.all(posters)
      return { acked: [...acked], refused }
    },
  }
}

/** How many stored messages each wamid has (missing = none). */
export async function storedCounts(databaseUrl: string, wamids: string[]): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ wamid: string; n: number }>(
      'select wamid, count(*)::int as n from messages where wamid = any($1::text[]) group by wamid',
      [wamids],
    )
    return new Map(rows.map((r) => [r.wamid, r.n]))
  } finally {
    await client.end()
  }
}

/** Waits until every acknowledged wamid is stored; returns those stored more than once. */
export async function expectStoredOnce(databaseUrl: string, acked: string[], timeoutMs: number) {
  let counts = new Map<string, number>()
  await waitFor(
    'every acknowledged delivery stored',
    async () => {
      counts = await storedCounts(databaseUrl, acked).catch(() => counts)
      return counts.size === acked.length
    },
    timeoutMs,
    250,
  ).catch(() => {})
  const missing = acked.filter((w) => !counts.has(w))
  const duplicated = [...counts].filter(([, n]) => n > 1).map(([w]) => w)
  return { missing, duplicated }
}

export async function sql<T extends pg.QueryResultRow>(
  databaseUrl: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return (await client.query<T>(text, values)).rows
  } finally {
    await client.end()
  }
}
