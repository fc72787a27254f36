import '../lib/exit-on-unsupported-node'
import { loadDotEnv, parseConfig } from '../config'
import { openDatabase } from './client'
import { migrateDatabase } from './migrate'

loadDotEnv()
const config = parseConfig(process.env)
const handle = await openDatabase({
  url: config.DATABASE_URL,
  driver: config.DATABASE_DRIVER,
  dataDir: config.DATA_DIR,
})
process.stdout.write(`Applying migrations on ${handle.driver}...\n`)
await migrateDatabase(handle)
await handle.close()
process.stdout.write('Migrations applied.\n')
