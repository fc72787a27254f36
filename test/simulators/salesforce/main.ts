/**
 * Runs the Salesforce simulator standalone:
 *   npx tsx test/simulators/salesforce/main.ts --port 4200 [--org 00D…] [--daily-limit 15000]
 * Prints one JSON line `{"event":"listening","url":…,"orgId":…,"accessToken":…}` on stdout when
 * ready; stops on SIGINT / SIGTERM. Every flag is also an environment variable
 * (`--daily-limit` = `SALESFORCE_SIM_DAILY_LIMIT`); flags win.
 */
import { parseArgs } from 'node:util'
import { startSalesforceSimulator } from './simulator'
import { DEFAULTS, type SalesforceSimulatorOptions } from './types'

const FLAGS = {
  port: 'listen port (4200; 0 = any free port)',
  host: `listen address (${DEFAULTS.host})`,
  'client-id': `External Client App consumer key (${DEFAULTS.clientId})`,
  'client-secret': `consumer secret (${DEFAULTS.clientSecret})`,
  'daily-limit': `daily API requests per org (${DEFAULTS.dailyApiLimit})`,
  'latency-ms': 'delay added to every answer (0)',
  'token-ttl': `access token lifetime in seconds (${DEFAULTS.accessTokenTtlSeconds})`,
  'query-batch': `records per query page (${DEFAULTS.queryBatchSize})`,
  org: 'create this org (18-char 00D… id) at start and print a token for it',
} as const

type Flag = keyof typeof FLAGS

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      ...Object.fromEntries(Object.keys(FLAGS).map((k) => [k, { type: 'string' }])),
      help: { type: 'boolean', short: 'h' },
    } as Record<string, { type: 'string' | 'boolean'; short?: string }>,
  })
  if (values.help) {
    const lines = Object.entries(FLAGS).map(([k, v]) => `  --${k.padEnd(16)} ${v}`)
    process.stdout.write(`Usage: main.ts [--flag value]…\n${lines.join('\n')}\n`)
    return
  }
  const get = (flag: Flag): string | undefined => {
    const v = values[flag] ?? process.env[`SALESFORCE_SIM_${flag.toUpperCase().replace(/-/g, '_')}`]
    return v === undefined ? undefined : String(v)
  }
  const num = (flag: Flag): number | undefined => {
    const v = get(flag)
    if (v === undefined) return undefined
    const n = Number(v)
    if (!Number.isFinite(n)) throw new Error(`--${flag} must be a number, got ${v}`)
    return n
  }
  const options: SalesforceSimulatorOptions = {
    port: num('port') ?? 4200,
    host: get('host'),
    clientId: get('client-id'),
    clientSecret: get('client-secret'),
    dailyApiLimit: num('daily-limit'),
    latencyMs: num('latency-ms'),
    accessTokenTtlSeconds: num('token-ttl'),
    queryBatchSize: num('query-batch'),
  }
  const sim = await startSalesforceSimulator(options)
  const orgArg = get('org')
  const org = orgArg ? sim.org(orgArg) : null
  const tokens = org ? sim.issueToken(org.orgId) : null
  process.stdout.write(
    `${JSON.stringify({ event: 'listening', url: sim.url, sandboxLoginUrl: sim.sandboxLoginUrl, orgId: org?.orgId ?? null, ...(tokens ?? {}) })}\n`,
  )
  const stop = async () => {
    await sim.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
