/**
 * Runs the Cloud API simulator standalone:
 *   npx tsx test/simulators/whatsapp/cloud-api/main.ts --app-secret s --webhook-url http://127.0.0.1:3000/webhooks/whatsapp
 * Prints one JSON line `{"event":"listening","url":…}` on stdout when ready; stops on SIGINT / SIGTERM.
 * Settings: README.md in this folder, or `--help`.
 */
import { parseCliOptions, SETTINGS } from './cli-options'
import { startCloudApiSimulator } from './simulator'

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  if (argv.includes('--help') || argv.includes('-h')) {
    const lines = Object.entries(SETTINGS).map(
      ([k, v]) => `  ${k.padEnd(20)} --${k.toLowerCase().replace(/_/g, '-').padEnd(22)} ${v}`,
    )
    process.stdout.write(
      `Usage: main.ts [--flag value]… (or the environment variables)\n${lines.join('\n')}\n`,
    )
    return
  }
  const options = parseCliOptions(argv, process.env)
  const sim = await startCloudApiSimulator(options)
  process.stdout.write(
    `${JSON.stringify({ event: 'listening', url: sim.url, numbers: options.numbers, webhookUrl: options.webhookUrl ?? null })}\n`,
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
