import './lib/exit-on-unsupported-node'
import { parseArgs } from 'node:util'
import { BACKUP_USAGE, runBackupCommand } from './cli/backup-command'
import { runSyncCommand, SYNC_USAGE } from './cli/sync-command'
import { runWebhookSample, WEBHOOK_USAGE } from './cli/webhook-sample'
import { configFromEnvOrExit } from './config'

/** Operator commands: `npm run scrm -- <command>`. */
const USAGE = `usage:\n${SYNC_USAGE}\n${WEBHOOK_USAGE}\n${BACKUP_USAGE}`

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    connection: { type: 'string' },
    since: { type: 'string' },
    'no-wait': { type: 'boolean', default: false },
    'phone-number-id': { type: 'string' },
    from: { type: 'string' },
    text: { type: 'string', default: 'Oi! Vocês têm este tênis no tamanho 38?' },
    name: { type: 'string' },
    send: { type: 'string' },
    out: { type: 'string' },
    workspace: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
})
const [command, action = ''] = positionals

if (!values.help && (command === 'backup' || command === 'restore')) {
  process.exit(await runBackupCommand(command, values, positionals.slice(1)))
} else if (!values.help && command === 'sync' && ['backfill', 'status'].includes(action)) {
  await runSyncCommand(action, values)
} else if (!values.help && command === 'webhook' && action === 'sample') {
  if (!values['phone-number-id'] || !values.from) {
    process.stderr.write(`--phone-number-id and --from are required\n${USAGE}\n`)
    process.exit(2)
  }
  const config = configFromEnvOrExit()
  try {
    const code = await runWebhookSample(
      { phoneNumberId: values['phone-number-id'], from: values.from, text: values.text, name: values.name },
      config.WHATSAPP_APP_SECRET,
      values.send,
      (line) => process.stdout.write(`${line}\n`),
    )
    process.exit(code)
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`)
    process.exit(2)
  }
} else {
  process.stdout.write(`${USAGE}\n`)
  process.exit(values.help ? 0 : 2)
}
