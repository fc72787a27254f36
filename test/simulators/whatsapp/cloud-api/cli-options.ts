/**
 * Simulator options from the command line and the environment, for main.ts. Every setting is an
 * environment variable (`WEBHOOK_URL`) or the matching flag (`--webhook-url=…` / `--webhook-url …`);
 * flags win. `CONFIG` names a JSON file of SimulatorOptions that the other settings override.
 */
import { readFileSync } from 'node:fs'
import type { NumberConfig, SimulatorOptions, TemplateDef } from './types'

export const DEFAULT_NUMBER = '106540352242922:15550000001:102290129340398'
export const DEFAULT_PORT = 4010

export const SETTINGS: Record<string, string> = {
  PORT: `listen port (default ${DEFAULT_PORT}; 0 = any free port)`,
  HOST: 'listen address (default 127.0.0.1)',
  WEBHOOK_URL: "the backend's POST /webhooks/whatsapp URL (no webhooks when unset)",
  APP_SECRET: 'app secret that signs webhooks (required)',
  ACCESS_TOKENS: 'comma-separated bearer tokens to accept (any token when unset)',
  GRANTS:
    'comma-separated token:wabaId[|wabaId…]: each token reads and sends from only its WABAs’ numbers (unset: every token, every number)',
  NUMBERS: `comma-separated phoneNumberId:displayPhoneNumber:wabaId[:mps[:tierLimit]] (default ${DEFAULT_NUMBER})`,
  MPS: 'messages per second per number when NUMBERS does not say (default 80)',
  TIER_LIMIT:
    "unique business-initiated recipients per 24 h when NUMBERS does not say (default 250; 'unlimited')",
  PAIR_PER_SECONDS: 'pair rule period in seconds (default 6)',
  PAIR_BURST: 'pair rule burst (default 1)',
  STATUS_LATENCY_MS: 'min..max delay before each status webhook (default 20..80)',
  READ_RATE: 'fraction of delivered messages that are read (default 1)',
  DROP_DELIVERED_RATE: 'fraction of read messages without a delivered webhook (default 0)',
  DUPLICATE_RATE: 'fraction of status webhooks sent twice (default 0)',
  REORDER: 'true = post each message’s statuses in random order (default false)',
  HTTP5XX_RATE: 'fraction of sends answered 500/503 (default 0)',
  HTTP429_RATE: 'fraction of sends answered 429 #130429 (default 0)',
  GARBAGE_RATE: 'fraction of sends answered 502 with an HTML body (default 0)',
  TIMEOUT_RATE: 'fraction of sends never answered (default 0)',
  LOST_ANSWER_RATE: 'fraction of sends accepted whose answer is lost (default 0)',
  TIMEOUT_HANG_MS: 'how long an unanswered send hangs before the socket is closed (default 30000)',
  UNDELIVERABLE: 'comma-separated recipients whose messages fail with 131026',
  FAIL_CODES: 'comma-separated recipient:code pairs (e.g. 15551230001:131050)',
  TIER_FAIL_CODE: 'code of the failed status beyond the tier limit (default 131064)',
  TEMPLATES_FILE: 'JSON file with an array of templates (default: hello_world)',
  WEBHOOK_RETRIES: 'extra tries of a webhook answered non-2xx (default 3)',
  SEED: 'seed for every random choice',
  SPEC: 'path of business-messaging-api_v23.0.yaml (default test/fixtures/whatsapp/openapi/…)',
  CONFIG: 'JSON file of SimulatorOptions; the settings above override it',
}

/** `--webhook-url=x`, `--webhook-url x` and `--reorder` → { WEBHOOK_URL: 'x', REORDER: 'true' }. */
export function flagsToSettings(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const m = argv[i].match(/^--([a-z0-9-]+)(?:=(.*))?$/i)
    if (!m) throw new Error(`unexpected argument ${argv[i]}`)
    const name = m[1].toUpperCase().replace(/-/g, '_')
    if (m[2] !== undefined) out[name] = m[2]
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) out[name] = argv[++i]
    else out[name] = 'true'
  }
  return out
}

const list = (v: string | undefined): string[] | undefined =>
  v === undefined
    ? undefined
    : v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
const num = (v: string | undefined): number | undefined =>
  v === undefined || v === '' ? undefined : Number(v)
const bool = (v: string | undefined): boolean | undefined =>
  v === undefined ? undefined : /^(1|true|yes)$/i.test(v)

function tier(v: string | undefined): number | null | undefined {
  if (v === undefined) return undefined
  return /^(unlimited|none|null)$/i.test(v) ? null : Number(v)
}

export function parseNumbers(spec: string, mps?: number, tierLimit?: number | null): NumberConfig[] {
  return (list(spec) ?? []).map((item) => {
    const [phoneNumberId, displayPhoneNumber, wabaId, ownMps, ownTier] = item.split(':')
    if (!phoneNumberId || !displayPhoneNumber || !wabaId)
      throw new Error(`NUMBERS item "${item}" needs id:display:waba`)
    const m = num(ownMps) ?? mps
    const t = ownTier !== undefined ? tier(ownTier) : tierLimit
    return {
      phoneNumberId,
      displayPhoneNumber,
      wabaId,
      ...(m !== undefined ? { mps: m } : {}),
      ...(t !== undefined ? { tierLimit: t } : {}),
    }
  })
}

/** Options from `env` overridden by `argv` flags; also returns the port to listen on. */
export function parseCliOptions(argv: string[], env: Record<string, string | undefined>): SimulatorOptions {
  const s: Record<string, string | undefined> = { ...env, ...flagsToSettings(argv) }
  const base: Partial<SimulatorOptions> = s.CONFIG ? JSON.parse(readFileSync(s.CONFIG, 'utf8')) : {}
  const appSecret = s.APP_SECRET ?? base.appSecret
  if (!appSecret) throw new Error('APP_SECRET (or --app-secret) is required')
  const latency = s.STATUS_LATENCY_MS?.split(/\.\.|,/).map(Number)
  const failCodes = list(s.FAIL_CODES)?.map((p) => p.split(':'))
  const faults = {
    ...base.faults,
    ...defined({
      http5xxRate: num(s.HTTP5XX_RATE),
      http429Rate: num(s.HTTP429_RATE),
      garbageRate: num(s.GARBAGE_RATE),
      timeoutRate: num(s.TIMEOUT_RATE),
      lostAnswerRate: num(s.LOST_ANSWER_RATE),
      timeoutHangMs: num(s.TIMEOUT_HANG_MS),
      undeliverable: list(s.UNDELIVERABLE),
      failCodes: failCodes ? Object.fromEntries(failCodes.map(([r, c]) => [r, Number(c)])) : undefined,
    }),
  }
  const numbers =
    s.NUMBERS !== undefined || !base.numbers
      ? parseNumbers(s.NUMBERS ?? DEFAULT_NUMBER, num(s.MPS), tier(s.TIER_LIMIT))
      : base.numbers
  const templates: TemplateDef[] | undefined = s.TEMPLATES_FILE
    ? JSON.parse(readFileSync(s.TEMPLATES_FILE, 'utf8'))
    : base.templates
  return {
    ...base,
    ...defined({
      port: num(s.PORT) ?? base.port ?? DEFAULT_PORT,
      host: s.HOST,
      webhookUrl: s.WEBHOOK_URL,
      accessTokens: list(s.ACCESS_TOKENS),
      grants: grantsOf(s.GRANTS),
      pairPerSeconds: num(s.PAIR_PER_SECONDS),
      pairBurst: num(s.PAIR_BURST),
      statusLatencyMs: latency ? { min: latency[0], max: latency[1] ?? latency[0] } : undefined,
      readRate: num(s.READ_RATE),
      dropDeliveredRate: num(s.DROP_DELIVERED_RATE),
      duplicateRate: num(s.DUPLICATE_RATE),
      reorder: bool(s.REORDER),
      tierFailCode: num(s.TIER_FAIL_CODE),
      webhookRetries: num(s.WEBHOOK_RETRIES),
      seed: num(s.SEED),
      specPath: s.SPEC,
      templates,
    }),
    appSecret,
    numbers,
    faults,
  }
}

/** `tokA:111|222,tokB:333` → `{ tokA: ['111', '222'], tokB: ['333'] }`. */
function grantsOf(value: string | undefined): Record<string, string[]> | undefined {
  const pairs = list(value)
  if (!pairs) return undefined
  return Object.fromEntries(
    pairs.map((p) => {
      const at = p.lastIndexOf(':')
      if (at <= 0) throw new Error(`GRANTS entry "${p}" must be token:wabaId[|wabaId…]`)
      return [
        p.slice(0, at),
        p
          .slice(at + 1)
          .split('|')
          .filter(Boolean),
      ]
    }),
  )
}

function defined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}
