// `npm start`, `npm run worker`, `npm run scrm`, `npm run db:migrate`: run a compiled entry point
// (server, worker, cli, migrate) from backend/dist, building it first when it is missing or older
// than the sources, so `npm install && npm start` works on a fresh clone without a build step
// (the server's admin console too: admin-console/scripts/build.mjs).
// The entry runs in this same process (no tsx, no second Node): signals reach it directly.
import { pathToFileURL } from 'node:url'
import { ensureConsoleBuilt } from '../../admin-console/scripts/build.mjs'
import { build, buildNeeded, DIST, ENTRIES } from './build.mjs'

const [name, ...args] = process.argv.slice(2)
if (!name || !(name in ENTRIES)) {
  process.stderr.write(`usage: node backend/scripts/start.mjs <${Object.keys(ENTRIES).join('|')}> [args]\n`)
  process.exit(2)
}

const reason = buildNeeded()
if (reason) {
  process.stdout.write(
    reason === 'missing'
      ? 'Compiling the backend (first start)...\n'
      : 'Compiling the backend (sources changed since the last build)...\n',
  )
  const ms = await build()
  process.stdout.write(`Compiled to backend/dist in ${ms} ms.\n`)
}

// The server serves the admin console at /admin: built the same way, when missing or stale.
if (name === 'server') await ensureConsoleBuilt((line) => process.stdout.write(line))

const entry = `${DIST}/${name}.js`
// The entry reads its own arguments (the CLI parses process.argv), as if started as `node <entry> ...`.
process.argv = [process.argv[0], entry, ...args]
await import(pathToFileURL(entry).href)
