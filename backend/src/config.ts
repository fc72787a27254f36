import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { isCronPattern } from './lib/cron-pattern'

/**
 * The environment, parsed once at start. Everything else receives a `Config`; no other file reads
 * `process.env`. Names follow DESIGN.md.
 */

/** An unset variable and an empty one mean the same: not configured. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional())

/** A five-field cron pattern (evaluated in each workspace's time zone), or `off`. */
const cronSchedule = (fallback: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === 'off' || isCronPattern(v), {
      message: `must be a five-field cron pattern such as "${fallback}", or off`,
    })
    .default(fallback)

const optionalSecret = (min: number) =>
  optional(
    z
      .string()
      .trim()
      .min(min, { message: `must be at least ${min} characters` }),
  )

const encryptionKey = z
  .string()
  .trim()
  .refine((v) => decodeKey(v) !== null, {
    message: 'must be 32 bytes as 64 hex characters or base64 (e.g. `openssl rand -base64 32`)',
  })
  .transform((v) => decodeKey(v) as Buffer)

function decodeKey(value: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex')
  const b64 = Buffer.from(value, 'base64')
  return b64.length === 32 ? b64 : null
}

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce
      .number({ message: 'must be a port number (0-65535)' })
      .int()
      .min(0)
      .max(65535)
      .default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_URL: optional(
      z
        .string()
        .trim()
        .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// or postgresql:// URL' }),
    ),
    DATABASE_DRIVER: z.enum(['auto', 'pglite', 'pg', 'neon']).default('auto'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    DATA_DIR: z.string().default('./.data'),
    ADMIN_API_KEY: optionalSecret(24),
    ENCRYPTION_KEY: optional(encryptionKey),
    WHATSAPP_APP_SECRET: optionalSecret(8),
    WHATSAPP_VERIFY_TOKEN: optionalSecret(8),
    WHATSAPP_GRAPH_URL: z.string().url().default('https://graph.facebook.com'),
    /** A second Graph API base (a regional egress or proxy) sends switch to when the hourly health probe fails three times in a row. */
    WHATSAPP_STANDBY_GRAPH_URL: optional(z.string().url()),
    /** When each workspace's WhatsApp Cloud API health probe runs (workspace time zone), or `off`. */
    WHATSAPP_HEALTH_SCHEDULE: cronSchedule('0 * * * *'),
    /** Wait between the quick re-probes of a failing primary within one run. */
    WHATSAPP_HEALTH_RETRY_MS: z.coerce.number().int().min(0).max(300_000).default(10_000),
    /**
     * Proof of ownership when a number is registered: `graph` (default) asks the Graph API
     * whether the given access token can read the number; `off` registers any number unchecked,
     * for development without Meta only (refused in production, logged at each registration).
     */
    WHATSAPP_NUMBER_PROOF: z.enum(['graph', 'off']).default('graph'),
    WHATSAPP_API_VERSION: z
      .string()
      .regex(/^v\d+\.\d+$/, { message: 'must look like v23.0' })
      .default('v23.0'),
    /**
     * Where this process processes stored deliveries: `thread` (default) in a worker thread with
     * its own connection pool, so webhook acks keep their latency while processing runs flat out
     * (on the embedded database it runs inline: PGlite belongs to one thread); `inline` on the
     * ack event loop; `off` leaves it to `npm run worker` processes.
     */
    INGEST_WORKER: z.enum(['thread', 'inline', 'off']).default('thread'),
    INGEST_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
    INGEST_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(200),
    INGEST_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
    SENDER: z.enum(['inline', 'off']).default('inline'),
    /** Queues running broadcasts' recipients in this process; unset, it follows SENDER. */
    BROADCAST_WORKER: optional(z.enum(['inline', 'off'])),
    /** Recipients one broadcast expansion step checks and queues in one transaction. */
    BROADCAST_CHUNK: z.coerce.number().int().min(1).max(5000).default(500),
    SENDER_HORIZON_MS: z.coerce.number().int().min(50).max(5000).default(250),
    SENDER_POLL_MS: z.coerce.number().int().min(10).max(10_000).default(200),
    /** The sender's claim lease; unset, LEASE_MS. Past it a send is an unknown outcome and reconciled. */
    SENDER_LEASE_MS: optional(z.coerce.number().int().min(1000).max(600_000)),
    SENDER_RECONCILE_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
    SENDER_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
    SENDER_PAIR_SPACING_MS: z.coerce.number().int().min(0).max(600_000).default(6_500),
    SENDER_THROUGHPUT_SHARE: z.coerce.number().min(0.1).max(1).default(0.97),
    SENDER_RETRY_BASE_MS: z.coerce.number().int().min(10).max(600_000).default(2_000),
    /** Runs the jobs rules queue (sends, discount codes, order look-ups) in this process. */
    CRM_SYNC: z.enum(['inline', 'off']).default('inline'),
    CRM_SYNC_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
    /** A contact is written once no change came for this long (a burst of messages → one write)... */
    CRM_SYNC_SETTLE_MS: z.coerce.number().int().min(0).max(60_000).default(300),
    /** ...or once its first unsent change is this old. */
    CRM_SYNC_MAX_WAIT_MS: z.coerce.number().int().min(0).max(600_000).default(1_000),
    /** The CRM outbox's claim lease; unset, LEASE_MS. */
    CRM_SYNC_LEASE_MS: optional(z.coerce.number().int().min(1_000).max(600_000)),
    CRM_SYNC_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
    CRM_SYNC_RETRY_MS: z.coerce.number().int().min(10).max(86_400_000).default(300_000),
    /**
     * What the sync may add to a CRM per month, in percent of its storage capacity, where a
     * connection sets no budget of its own; over it the sync writes thinned (crm/storage/).
     */
    CRM_STORAGE_BUDGET_PERCENT: z.coerce.number().min(0.01).max(100).default(5),
    AUTOMATION_WORKER: z.enum(['inline', 'off']).default('inline'),
    AUTOMATION_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
    /** Tries of a job that keeps failing for a passing reason (order service down) before it fails. */
    AUTOMATION_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
    /** First wait after a passing failure; each further one is four times longer. */
    AUTOMATION_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
    /** Runs periodic jobs (the rules sweep) in this process; processes share each slot through a lease. */
    SCHEDULER: z.enum(['inline', 'off']).default('inline'),
    /** Outbound event webhooks (events/): `off` keeps this process from delivering them. */
    EVENT_WEBHOOKS: z.enum(['inline', 'off']).default('inline'),
    EVENT_WEBHOOK_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
    EVENT_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    EVENT_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
    /** `allow`: http and private addresses may receive events (development); default allow outside production. */
    EVENT_WEBHOOK_PRIVATE_TARGETS: optional(z.enum(['allow', 'deny'])),
    /**
     * When the rules sweep (schedule rules, metrics) runs: a five-field cron pattern in each
     * workspace's time zone (default hourly, on the hour), or `off`.
     */
    RULES_SWEEP_SCHEDULE: cronSchedule('0 * * * *'),
    /**
     * When each workspace is scanned for duplicate contacts (README "Contacts and duplicates"):
     * a five-field cron pattern in the workspace's time zone (default 03:30 daily), or `off`.
     */
    DEDUP_SCAN_SCHEDULE: cronSchedule('30 3 * * *'),
    /**
     * When each workspace's intent layer is retrained on its reps' corrections (only if there are
     * new ones): a five-field cron pattern in the workspace's time zone (default hourly at :20), or `off`.
     */
    INTENT_RETRAIN_SCHEDULE: cronSchedule('20 * * * *'),
    /**
     * How long a claimed row of any queue (webhook events, sends, automation jobs, CRM outbox and
     * notifications, scheduled runs) stays taken without a heartbeat: a crashed worker's work comes
     * back after at most this long.
     */
    LEASE_MS: z.coerce.number().int().min(1_000).max(600_000).default(15_000),
    /** How often live work renews its leases (at most a third of the lease). */
    LEASE_HEARTBEAT_MS: z.coerce.number().int().min(100).max(200_000).default(5_000),
    MIGRATE_ON_START: boolish.default(true),
    /** /readyz fails when a running background loop has not finished a pass for this long. */
    READY_MAX_LOOP_SILENCE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(120_000),
    HUBSPOT_CLIENT_ID: z.string().optional(),
    HUBSPOT_CLIENT_SECRET: z.string().optional(),
    HUBSPOT_API_URL: z.string().url().default('https://api.hubapi.com'),
    /** Where installers approve the app (the tests and the demo point it at the HubSpot simulator's authorize page). */
    HUBSPOT_AUTHORIZE_URL: z.string().url().default('https://app.hubspot.com/oauth/authorize'),
    /** Space- or comma-separated; must equal the app's `requiredScopes` (hubspot-app/src/app/app-hsmeta.json). */
    HUBSPOT_SCOPES: optional(z.string().trim()),
    HUBSPOT_OPTIONAL_SCOPES: optional(z.string().trim()),
    /** Refresh an access token this long before it expires (HubSpot's live 30 min). */
    HUBSPOT_TOKEN_REFRESH_MARGIN_SECONDS: z.coerce.number().int().min(0).max(1700).default(300),
    /** After an install or re-install, redirect here instead of showing our own page. */
    HUBSPOT_INSTALL_SUCCESS_URL: optional(z.string().url()),
    /** The packaged External Client App's consumer key and secret (Salesforce sync and card). */
    SALESFORCE_CLIENT_ID: z.string().optional(),
    SALESFORCE_CLIENT_SECRET: z.string().optional(),
    /** Login hosts: production orgs, and sandboxes (install with `?sandbox=true`). */
    SALESFORCE_LOGIN_URL: z.string().url().default('https://login.salesforce.com'),
    SALESFORCE_SANDBOX_LOGIN_URL: z.string().url().default('https://test.salesforce.com'),
    /** REST API version every call uses (Spring '26 = 66.0; collection upserts need 46.0 or later). */
    SALESFORCE_API_VERSION: z
      .string()
      .regex(/^\d{2}\.0$/, 'must look like 66.0')
      .refine((v) => Number(v) >= 46, 'must be 46.0 or later (sObject Collections upsert)')
      .default('66.0'),
    /** Sync stops when this share of the org's daily API allocation is used (0.8 = 80 %). */
    SALESFORCE_API_STOP_SHARE: z.coerce.number().min(0.05).max(1).default(0.8),
    /** Polling for changes made in Salesforce may use at most this share of the daily allocation. */
    SALESFORCE_POLL_SHARE: z.coerce.number().min(0.001).max(0.5).default(0.05),
    /** Cron pattern of the change poll pass; each org is polled at most as often as its budget allows. */
    SALESFORCE_POLL_SCHEDULE: cronSchedule('* * * * *'),
    /** Objects new WhatsApp people are created as: Lead (default) or Contact. */
    SALESFORCE_NEW_RECORDS: z.enum(['Lead', 'Contact']).default('Lead'),
    /** Namespace prefix of a managed package (`ns` → fields `ns__WA_Phone__c`); empty for unmanaged. */
    SALESFORCE_NAMESPACE: z
      .string()
      .regex(/^([A-Za-z][A-Za-z0-9]{0,14})?$/, 'must be a package namespace such as waScrm, or empty')
      .default(''),
    /** The Zoho API console client (Server-based Application) for sync and the widget's org key. */
    ZOHO_CLIENT_ID: z.string().optional(),
    ZOHO_CLIENT_SECRET: z.string().optional(),
    /** Where installs start; Zoho sends the installer back with their own data centre's accounts server. */
    ZOHO_ACCOUNTS_URL: z.string().url().default('https://accounts.zoho.com'),
    /** Accounts servers a code may be traded at (comma-separated); default Zoho's eight data centres. */
    ZOHO_ACCOUNTS_SERVERS: optional(
      z
        .string()
        .trim()
        .transform((v) =>
          v
            .split(',')
            .map((s) => s.trim().replace(/\/+$/, ''))
            .filter(Boolean),
        )
        .pipe(z.array(z.string().url()).min(1)),
    ),
    /** The orgs' edition: sets the rolling 24 h credit base and the calls in flight per org. */
    ZOHO_EDITION: z
      .enum(['free', 'standard', 'professional', 'enterprise', 'ultimate'])
      .default('enterprise'),
    /** Credits per rolling 24 h per org (base + users + add-ons, as the org's admin reads it); default the edition's base. */
    ZOHO_DAILY_CREDITS: optional(z.coerce.number().int().min(100).max(100_000_000)),
    /** Sync stops (and alerts) when this share of the org's credits is used. */
    ZOHO_CREDIT_STOP_SHARE: z.coerce.number().min(0.05).max(1).default(0.8),
    /** Calls in flight per org across all processes; default the edition's concurrency. */
    ZOHO_CONCURRENCY: optional(z.coerce.number().int().min(1).max(25)),
    /** Module new WhatsApp people are created in. */
    ZOHO_NEW_RECORDS: z.enum(['Contacts', 'Leads']).default('Contacts'),
    /** Cron pattern of the pass that re-reads records named by stored Zoho notifications. */
    ZOHO_CALLBACK_SCHEDULE: cronSchedule('* * * * *'),
    /** Cron pattern of the daily renewal of notification channels (requested for 6 days). */
    ZOHO_WATCH_SCHEDULE: cronSchedule('20 3 * * *'),
    /** Fetches and shrinks inbound media in this process (the media job). */
    MEDIA_WORKER: z.enum(['inline', 'off']).default('inline'),
    MEDIA_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
    /** Where media bytes go: `local` (under DATA_DIR/media, the default) or an S3-compatible bucket. */
    MEDIA_STORAGE: z.enum(['local', 's3']).default('local'),
    MEDIA_S3_BUCKET: optional(z.string().trim().min(3).max(63)),
    MEDIA_S3_REGION: z.string().trim().default('us-east-1'),
    /** An S3-compatible endpoint (MinIO, R2, Garage …); unset for AWS S3. */
    MEDIA_S3_ENDPOINT: optional(z.string().url()),
    MEDIA_S3_FORCE_PATH_STYLE: boolish.default(true),
    MEDIA_S3_ACCESS_KEY_ID: optional(z.string().trim()),
    MEDIA_S3_SECRET_ACCESS_KEY: optional(z.string().trim()),
    MEDIA_S3_PREFIX: optional(z.string().trim().max(200)),
    /** Tries of a media fetch that keeps failing for a passing reason before it is shown as failed. */
    MEDIA_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
    /** First wait after a passing failure; each further one is four times longer. */
    MEDIA_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(5_000),
    MEDIA_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
    /** Longest file accepted from Meta (its own largest, documents, is 100 MB). */
    MEDIA_MAX_BYTES: z.coerce.number().int().min(1024).max(2_000_000_000).default(100_000_000),
    /** Images are scaled down to this longest side before they go to cards and CRMs. */
    MEDIA_IMAGE_MAX_SIDE: z.coerce.number().int().min(256).max(10_000).default(2_560),
    /** Every stored JPEG stays under this many bytes (the brief's 5 MB). */
    MEDIA_JPEG_MAX_BYTES: z.coerce.number().int().min(50_000).max(5_000_000).default(5_000_000),
    /** Life of a signed media link handed to a card or a CRM timeline. */
    MEDIA_URL_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(30)
      .max(7 * 86_400)
      .default(900),
    /** Audit entries are kept this long (at least 180 days), then pruned daily at 03:30 in each workspace's zone. */
    AUDIT_RETENTION_DAYS: z.coerce.number().int().min(180).max(36_500).default(730),
    /** Encrypts backups (`npm run scrm -- backup`, the daily job); the daily job runs only when it is set. */
    BACKUP_PASSPHRASE: optionalSecret(12),
    /** When each workspace's daily archive of messages past its retention runs (workspace time zone), or `off`. */
    ARCHIVE_SCHEDULE: cronSchedule('45 3 * * *'),
    /** When each workspace's daily backup runs (workspace time zone), or `off`. */
    BACKUP_SCHEDULE: cronSchedule('15 2 * * *'),
    /** When each workspace's export of unanswered conversations runs (workspace time zone), or `off`. */
    UNREAD_EXPORT_SCHEDULE: cronSchedule('0 2 * * *'),
    /** When each workspace's daily CRM sync-accuracy sample runs (workspace time zone), or `off`. */
    SYNC_ACCURACY_SCHEDULE: cronSchedule('40 4 * * *'),
    /** When each workspace's CRM storage capacities are read from the CRMs that report one (Salesforce), or `off`. */
    CRM_STORAGE_SCHEDULE: cronSchedule('10 5 * * *'),
    /** Where those exports go (`<dir>/<workspace id>/unread-<date>.csv`); default DATA_DIR/exports. */
    UNREAD_EXPORT_DIR: optional(z.string()),
    /** Exports older than this many days are removed. */
    UNREAD_EXPORT_KEEP_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    /** Where the daily backups go; default DATA_DIR/backups. */
    BACKUP_DIR: optional(z.string()),
    /** A full backup at least this often; the days between get incremental ones. */
    BACKUP_FULL_EVERY_DAYS: z.coerce.number().int().min(1).max(365).default(7),
    /** Backup chains whose newest file is older than this are removed (the newest chain always stays). */
    BACKUP_KEEP_DAYS: z.coerce.number().int().min(1).max(3650).default(35),
    /** Bearer token Prometheus sends to scrape GET /metrics on the main port. */
    METRICS_TOKEN: optionalSecret(16),
    /** A separate port that serves only /metrics, without a token (keep it on a private network). */
    METRICS_PORT: optional(
      z.coerce.number({ message: 'must be a port number (1-65535)' }).int().min(1).max(65535),
    ),
    /** Interface the metrics port listens on. */
    METRICS_HOST: z.string().default('127.0.0.1'),
    /** How long an admin console sign-in lasts before the browser is sent back to sign in. */
    CONSOLE_SESSION_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(8),
    /** The public origin CRMs call (behind a proxy the request URL is not what HubSpot signed). */
    PUBLIC_URL: optional(z.string().url()),
  })
  .superRefine((env, ctx) => {
    if (env.MEDIA_STORAGE === 's3' && !env.MEDIA_S3_BUCKET)
      ctx.addIssue({
        code: 'custom',
        path: ['MEDIA_S3_BUCKET'],
        message: 'is required when MEDIA_STORAGE=s3',
      })
    if (env.NODE_ENV !== 'production') return
    if (env.WHATSAPP_NUMBER_PROOF === 'off')
      ctx.addIssue({
        code: 'custom',
        path: ['WHATSAPP_NUMBER_PROOF'],
        message: 'cannot be off in production: anyone could register any number and receive its messages',
      })
    for (const name of ['ENCRYPTION_KEY', 'WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN'] as const) {
      if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required in production' })
    }
  })

export type Config = z.infer<typeof envSchema>

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

/** Parses an environment. Values are never echoed back: some are secrets. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env)
  if (result.success) return result.data
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)'
    const missing = issue.code === 'invalid_type' && env[name] === undefined
    return missing ? `${name} is missing` : `${name} ${issue.message}`
  })
  throw new ConfigError(problems)
}

/** `backend/.env`: this file sits one folder below `backend/` both as source (src/) and bundled (dist/). */
const BACKEND_DOT_ENV = fileURLToPath(new URL('../.env', import.meta.url))

/**
 * Reads `.env` from the working directory, or else `backend/.env` (`npm run scrm` runs from the
 * repository root, `npm start` from `backend/`: both find the file the README tells you to write).
 * Node's own loader, no dependency; variables already in the environment win.
 */
export function loadDotEnv(path?: string): void {
  const found = [path ?? '.env', ...(path ? [] : [BACKEND_DOT_ENV])].find((p) => existsSync(p))
  if (found) process.loadEnvFile(found)
}

/**
 * For command-line entry points (server, worker, CLI): `.env` then the environment, parsed once;
 * a configuration problem is printed with `hint` and the process exits 1 instead of throwing.
 */
export function configFromEnvOrExit(hint = ''): Config {
  loadDotEnv()
  try {
    return parseConfig(process.env)
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n${hint ? `${hint}\n` : ''}`)
      process.exit(1)
    }
    throw error
  }
}
