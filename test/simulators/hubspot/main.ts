/**
 * Runs the HubSpot simulator standalone:
 *   npx tsx test/simulators/hubspot/main.ts --port 4100 [--webhook-url http://127.0.0.1:3000/webhooks/hubspot]
 * Prints one JSON line `{"event":"listening","url":…}` on stdout when ready; stops on SIGINT / SIGTERM.
 * Every flag is also an environment variable (`--client-secret` = `HUBSPOT_SIM_CLIENT_SECRET`); flags win.
 */
import { parseArgs } from 'node:util'
import { startHubspotSimulator } from './simulator'
import { DEFAULTS, type HubspotSimulatorOptions } from './types'

const FLAGS = {
  port: 'listen port (4100; 0 = any free port)',
  host: `listen address (${DEFAULTS.host})`,
  'client-id': `OAuth client id (${DEFAULTS.clientId})`,
  'client-secret': 'OAuth client secret, also the webhook signing key (sim-client-secret-…)',
  'app-id': `app id in webhook events and token info (${DEFAULTS.appId})`,
  'rate-limit': `requests per portal per 10 s, search excluded (${DEFAULTS.rateLimitPerTenSeconds})`,
  'search-per-second': `search requests per portal per second (${DEFAULTS.searchPerSecond})`,
  'latency-ms': 'delay added to every API answer (0)',
  'token-ttl': `access token lifetime in seconds (${DEFAULTS.accessTokenTtlSeconds})`,
  'webhook-url': 'where webhooks are delivered (none)',
  'webhook-retries': `extra tries of a failed webhook (${DEFAULTS.webhookRetries})`,
  'deliver-own-changes': 'also send webhooks for the app’s own API writes (false)',
} as const

type Flag = keyof typeof FLAGS

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      ...Object.fromEntries(
        Object.keys(FLAGS).map((k) => [k, { type: k === 'deliver-own-changes' ? 'boolean' : 'string' }]),
      ),
      help: { type: 'boolean', short: 'h' },
    } as Record<string, { type: 'string' | 'boolean'; short?: string }>,
  })
  if (values.help) {
    const lines = Object.entries(FLAGS).map(([k, v]) => `  --${k.padEnd(22)} ${v}`)
    process.stdout.write(`Usage: main.ts [--flag value]…\n${lines.join('\n')}\n`)
    return
  }
  const get = (flag: Flag): string | undefined => {
    const v = values[flag] ?? process.env[`HUBSPOT_SIM_${flag.toUpperCase().replace(/-/g, '_')}`]
    return v === undefined ? undefined : String(v)
  }
  const num = (flag: Flag): number | undefined => {
    const v = get(flag)
    if (v === undefined) return undefined
    const n = Number(v)
    if (!Number.isFinite(n)) throw new Error(`--${flag} must be a number, got ${v}`)
    return n
  }
  const options: HubspotSimulatorOptions = {
    port: num('port') ?? 4100,
    host: get('host'),
    clientId: get('client-id'),
    clientSecret: get('client-secret'),
    appId: num('app-id'),
    rateLimitPerTenSeconds: num('rate-limit'),
    searchPerSecond: num('search-per-second'),
    latencyMs: num('latency-ms'),
    accessTokenTtlSeconds: num('token-ttl'),
    webhookUrl: get('webhook-url') ?? null,
    webhookRetries: num('webhook-retries'),
    deliverOwnChanges: /^(1|true|yes)$/i.test(get('deliver-own-changes') ?? ''),
  }
  const sim = await startHubspotSimulator(options)
  process.stdout.write(
    `${JSON.stringify({ event: 'listening', url: sim.url, webhookUrl: options.webhookUrl })}\n`,
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
