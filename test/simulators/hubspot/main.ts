/**
 * Runs the HubSpot simulator standalone:
 *   npx tsx test/simulators/hubspot/main.ts --port 4100 [--webhook-url http://127.0.0.1:3000/webhooks/hubspot]
 * Prints one JSON line `{"event":"listening","url":…}` on stdout when ready; stops on SIGINT / SIGTERM.
 * Every flag is also an environment variable (`--client-secret` = `HUBSPOT_SIM_CLIENT_SECRET`); flags win.
 */
import { readFlags, runStandalone } from '../standalone'
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

runStandalone(async () => {
  const flags = readFlags(FLAGS, 'HUBSPOT_SIM', ['deliver-own-changes'])
  if (!flags) return null
  const { get, num, bool } = flags
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
    deliverOwnChanges: bool('deliver-own-changes'),
  }
  const sim = await startHubspotSimulator(options)
  return { close: () => sim.close(), listening: { url: sim.url, webhookUrl: options.webhookUrl } }
})
