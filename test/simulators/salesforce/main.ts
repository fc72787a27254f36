/**
 * Runs the Salesforce simulator standalone:
 *   npx tsx test/simulators/salesforce/main.ts --port 4200 [--org 00D…] [--daily-limit 15000]
 * Prints one JSON line `{"event":"listening","url":…,"orgId":…,"accessToken":…}` on stdout when
 * ready; stops on SIGINT / SIGTERM. Every flag is also an environment variable
 * (`--daily-limit` = `SALESFORCE_SIM_DAILY_LIMIT`); flags win.
 */
import { readFlags, runStandalone } from '../standalone'
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

runStandalone(async () => {
  const flags = readFlags(FLAGS, 'SALESFORCE_SIM')
  if (!flags) return null
  const { get, num } = flags
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
  return {
    close: () => sim.close(),
    listening: {
      url: sim.url,
      sandboxLoginUrl: sim.sandboxLoginUrl,
      orgId: org?.orgId ?? null,
      ...(tokens ?? {}),
    },
  }
})
