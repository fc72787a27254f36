/**
 * `npm run demo`: the whole product on this machine without any account. Starts the simulators of
 * Meta and the three CRMs, the real backend on the embedded database in a data directory of its
 * own, seeds a workspace through the product's API, and serves a customer phone and a card preview.
 * Ctrl-C (or SIGTERM) stops everything and removes the data directory.
 *
 * Settings (all optional): DEMO_DATA_DIR (default <tmp>/scrm-demo), DEMO_PORT (the demo pages'
 * port, default a free one), DEMO_LOG_LEVEL (the backend's log level, default warn).
 */
import '../../backend/src/lib/exit-on-unsupported-node'
import { FIRST_TRY } from './customers'
import { defaultDataDir, removeDataDir, takeDataDir } from './data-dir'
import type { DemoPages } from './demo-server'
import type { DemoSeed } from './seed'
import type { DemoStack } from './stack'

/** How long closing may take before the demo removes its data and exits anyway. */
const STOP_GRACE_MS = 10_000
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
type LogLevel = (typeof LOG_LEVELS)[number]

const started = Date.now()
const progress = (line: string) =>
  process.stdout.write(`[demo ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}\n`)

const dataDir = process.env.DEMO_DATA_DIR?.trim() || defaultDataDir()
const requestedPort = Number(process.env.DEMO_PORT ?? 0)
const logLevel = (LOG_LEVELS as readonly string[]).includes(process.env.DEMO_LOG_LEVEL ?? '')
  ? (process.env.DEMO_LOG_LEVEL as LogLevel)
  : 'warn'

let stack: DemoStack | null = null
let pages: DemoPages | null = null
let stopping = false
/** Whether this process holds the data directory (a refused second demo must not remove another's). */
let ownsDataDir = false

async function stop(code: number) {
  if (stopping) return
  stopping = true
  if (!ownsDataDir) process.exit(code)
  progress('stopping: closing the backend and the simulators, removing the demo data')
  // A part that does not close in time must not keep the data directory on disk.
  const closing = (async () => {
    await pages?.close().catch(() => {})
    await stack?.close().catch(() => {})
  })()
  await Promise.race([closing, new Promise((r) => setTimeout(r, STOP_GRACE_MS).unref())])
  removeDataDir(dataDir)
  progress('stopped')
  process.exit(code)
}
process.on('unhandledRejection', (reason) => {
  process.stderr.write(
    `demo: unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}\n`,
  )
})
process.on('SIGINT', () => void stop(0))
process.on('SIGTERM', () => void stop(0))
// `npm run demo` runs this under npm and sh; a SIGTERM to npm alone ends them without passing it
// on, leaving this process orphaned: noticing the parent is gone stops the demo all the same.
const parent = process.ppid
setInterval(() => {
  if (process.ppid !== parent) void stop(0)
}, 500).unref()

async function main() {
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535)
    throw new Error('DEMO_PORT must be a port number')
  takeDataDir(dataDir)
  ownsDataDir = true
  progress(`demo data in ${dataDir} (removed when the demo stops)`)
  progress('loading the backend and the simulators')
  // Loaded once the directory is ours: a refused start answers at once, not after the backend loads.
  const [{ CustomerSide }, { startDemoServer }, { seedDemo }, { startStack }, { buildWebAssets }] =
    await Promise.all([
      import('./customer-side'),
      import('./demo-server'),
      import('./seed'),
      import('./stack'),
      import('./web-assets'),
    ])
  const assetsReady = buildWebAssets(dataDir)
  // Awaited below; a failed start before then must not also report it as unhandled.
  assetsReady.catch(() => {})
  stack = await startStack(dataDir, progress, logLevel)
  progress('building the Zoho widget and the demo pages')
  const assets = await assetsReady
  const customers = new CustomerSide(stack.whatsapp)
  let seed: DemoSeed | null = null
  pages = await startDemoServer({ stack, customers, seed: () => seed }, assets, requestedPort)
  seed = await seedDemo(stack, customers, progress)
  printWelcome(stack, pages, seed)
}

function printWelcome(s: DemoStack, p: DemoPages, seed: DemoSeed) {
  const firstTry = seed.contacts.find((c) => c.phone === `+${FIRST_TRY.waId}`)
  const lines = [
    '',
    `The demo is up (${((Date.now() - started) / 1000).toFixed(1)} s). Nothing here reaches Meta, HubSpot, Salesforce or Zoho: they are simulated.`,
    '',
    `  Admin console     ${s.backendUrl}/admin`,
    `  Admin key         ${s.secrets.adminKey}`,
    `  Customer phone    ${p.url}/phone`,
    `  Card preview      ${p.url}/cards`,
    `  API docs          ${s.backendUrl}/docs`,
    `  Backend           ${s.backendUrl}  (curl -H "Authorization: Bearer <admin key>" ${s.backendUrl}/api/v1/review)`,
    '',
    'What to click first:',
    `  1. Open the customer phone, pick ${firstTry?.name ?? 'a customer'} (or type a new number) and write "${FIRST_TRY.text}".`,
    '     The message reaches the backend as a signed webhook, exactly like Meta’s; automation answers appear on the phone.',
    '  2. Open the card preview, pick the same customer: the HubSpot, Salesforce and Zoho cards show the thread.',
    '  3. Sign in to the admin console with the admin key: the review queue holds a HubSpot conflict, the broadcast "Spring collection launch" ran.',
    '',
    'Ctrl-C stops everything and removes the demo data.',
    '',
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
}

main().catch(async (error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`)
  await stop(1)
})
