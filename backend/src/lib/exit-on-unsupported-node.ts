import { unsupportedNodeMessage } from './node-support'

// Imported first by every entry point (server, worker, CLI, migrations), so an old Node stops
// here with one clear line instead of failing later on an API it lacks.
const message = unsupportedNodeMessage(process.version, process.execPath)
if (message) {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}
