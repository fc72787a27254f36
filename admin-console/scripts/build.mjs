// `npm run build -w @scrm/admin-console`: builds the console into admin-console/dist with Vite.
// Also imported by backend/scripts/start.mjs (`npm start`) and the tests' global setup, which build
// it only when dist is missing or older than the sources — so `npm install && npm start` and
// `npm ci && npm test` need no build step, and a `git pull` that changes the console rebuilds it.
import { readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const CONSOLE = fileURLToPath(new URL('..', import.meta.url))
export const CONSOLE_DIST = join(CONSOLE, 'dist')
const STAMP = join(CONSOLE_DIST, 'build-info.json')

const INPUTS = ['src', 'index.html', 'vite.config.ts', 'package.json', 'scripts/build.mjs'].map((p) =>
  join(CONSOLE, p),
)

function newestMtime(paths) {
  let newest = 0
  for (const path of paths) {
    const stat = statSync(path, { throwIfNoEntry: false })
    if (!stat) continue
    newest = Math.max(newest, stat.mtimeMs)
    if (stat.isDirectory())
      newest = Math.max(newest, newestMtime(readdirSync(path).map((n) => join(path, n))))
  }
  return newest
}

/** Why a build is needed ('missing' or 'stale'), or null when dist is up to date. */
export function consoleBuildNeeded() {
  const built = statSync(STAMP, { throwIfNoEntry: false })
  if (!built) return 'missing'
  return newestMtime(INPUTS) > built.mtimeMs ? 'stale' : null
}

/**
 * Runs `work` and puts NODE_ENV back as it was. Vite's build sets NODE_ENV=production in the
 * process when it is unset, and `npm start` builds the console in the process that then starts the
 * server: left set, the first start of a fresh clone would demand the production secrets.
 */
export async function keepingNodeEnv(work) {
  const before = process.env.NODE_ENV
  try {
    return await work()
  } finally {
    if (before === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = before
  }
}

/** Builds admin-console/dist; returns the elapsed milliseconds. */
export async function buildConsole() {
  const started = performance.now()
  const { build } = await import('vite')
  await keepingNodeEnv(() => build({ configFile: join(CONSOLE, 'vite.config.ts'), logLevel: 'warn' }))
  writeFileSync(STAMP, `${JSON.stringify({ builtAt: new Date().toISOString() }, null, 2)}\n`)
  return Math.round(performance.now() - started)
}

/** Builds when needed, saying so on `write` (a start prints it; tests stay quiet). */
export async function ensureConsoleBuilt(write = () => {}) {
  const reason = consoleBuildNeeded()
  if (!reason) return
  write(
    reason === 'missing'
      ? 'Building the admin console (first start)...\n'
      : 'Building the admin console (sources changed since the last build)...\n',
  )
  const ms = await buildConsole()
  write(`Built admin-console/dist in ${ms} ms.\n`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write('Building admin-console/dist...\n')
  const ms = await buildConsole()
  process.stdout.write(`Built admin-console/dist in ${ms} ms.\n`)
}
