// `npm run build`: compiles the backend (with the @scrm/shared code and the npm packages it imports) to JavaScript in
// backend/dist, one ESM bundle per entry point with source maps. Plain JavaScript, so it runs
// without tsx.
//
// Why esbuild and not tsc: the sources import each other without file extensions
// (moduleResolution "Bundler"), which Node's ESM loader cannot resolve in tsc's per-file output,
// and @scrm/shared is published to the workspace as TypeScript source; a bundler resolves both
// without touching every import. esbuild is already in the tree (tsx runs on it) and maintained;
// tsup would only wrap it. Type-checking stays with `npm run typecheck` / `npm test`.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const BACKEND = fileURLToPath(new URL('..', import.meta.url))
export const DIST = join(BACKEND, 'dist')
const SRC = join(BACKEND, 'src')
const STAMP = join(DIST, 'build-info.json')

/** Output name → source entry point. */
export const ENTRIES = {
  server: 'src/server.ts',
  worker: 'src/worker.ts',
  // Not run by hand: the server starts it as its ingest worker thread (INGEST_WORKER=thread).
  'ingest-thread': 'src/ingest-thread.ts',
  cli: 'src/cli.ts',
  migrate: 'src/db/migrate-cli.ts',
}

/** What a build reads: when any of these is newer than the last build, the build is stale. */
export function buildInputs() {
  return [
    SRC,
    join(BACKEND, '..', 'shared', 'src'),
    join(BACKEND, 'package.json'),
    join(BACKEND, '..', 'shared', 'package.json'),
    fileURLToPath(import.meta.url),
  ]
}

/** Newest modification time under the given files and folders (folders count too: a deletion changes them). */
export function newestMtime(paths) {
  let newest = 0
  for (const path of paths) {
    const stat = statSync(path, { throwIfNoEntry: false })
    if (!stat) continue
    newest = Math.max(newest, stat.mtimeMs)
    if (stat.isDirectory())
      newest = Math.max(newest, newestMtime(readdirSync(path).map((name) => join(path, name))))
  }
  return newest
}

/** Why a build is needed ('missing' or 'stale'), or null when backend/dist is up to date. */
export function buildNeeded(inputs = buildInputs(), stamp = STAMP) {
  const built = statSync(stamp, { throwIfNoEntry: false })
  if (!built) return 'missing'
  return newestMtime(inputs) > built.mtimeMs ? 'stale' : null
}

/**
 * Each module's `import.meta.url` is rewritten to where that module would sit in a dist/ that
 * mirrors src/ (src/db/migrate.ts → dist/db/migrate.js), and the non-TypeScript files of src/ are
 * copied to the same mirrored places. So paths relative to a module (the intent model next to
 * model.ts, ../../drizzle from db/) resolve from the bundle as they do from the source.
 * Hand-written: esbuild gives a bundle one `import.meta.url`, and no maintained plugin maps it per module.
 */
const mirroredImportMetaUrl = {
  name: 'mirrored-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined
      const contents = readFileSync(args.path, 'utf8')
      if (!contents.includes('import.meta.url')) return undefined
      const fromSrc = relative(SRC, args.path)
      if (fromSrc.startsWith('..'))
        throw new Error(
          `${args.path} uses import.meta.url but is outside backend/src, so dist has no place for it`,
        )
      const mirrored = `./${fromSrc.split(sep).join('/').replace(/\.ts$/, '.js')}`
      return {
        contents: contents.replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(mirrored)}, import.meta.url).href`,
        ),
        loader: 'ts',
      }
    })
  },
}

/**
 * Each entry point becomes a small module that checks the Node version and turns source maps on
 * before it loads the code (a separate chunk): esbuild hoists a bundle's package imports to its
 * top, so without this split an old Node would meet those imports before the version check.
 */
const guardedEntries = {
  name: 'guarded-entries',
  setup(build) {
    build.onResolve({ filter: /^guarded:/ }, (args) => ({
      path: args.path.slice('guarded:'.length),
      namespace: 'guarded',
    }))
    build.onLoad({ filter: /.*/, namespace: 'guarded' }, (args) => ({
      contents: [
        "import './src/lib/exit-on-unsupported-node.ts'",
        'process.setSourceMapsEnabled(true)',
        `await import(${JSON.stringify(`./${args.path}`)})`,
      ].join('\n'),
      resolveDir: BACKEND,
      loader: 'js',
    }))
  },
}

/**
 * npm packages are bundled too: resolving and compiling thousands of package files (the HubSpot
 * SDK alone has ~2,800) was most of the start-up time. Kept as imports: packages that load files
 * of their own at run time (PGlite's wasm and data files, pino's worker-thread transports) and
 * pg's optional native binding, and whatwg-url (under the HubSpot SDK's node-fetch), which requires
 * Node's deprecated punycode module: Node warns about that only for code outside node_modules.
 */
export const EXTERNAL_PACKAGES = ['@electric-sql/pglite', 'pino', 'thread-stream', 'pg-native', 'whatwg-url']

function copyAssets(from, to) {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name)
    const target = join(to, entry.name)
    if (entry.isDirectory()) copyAssets(source, target)
    else if (!entry.name.endsWith('.ts')) {
      mkdirSync(dirname(target), { recursive: true })
      copyFileSync(source, target)
    }
  }
}

/** Builds backend/dist from scratch; returns the elapsed milliseconds. */
export async function build() {
  const started = performance.now()
  const esbuild = await import('esbuild')
  rmSync(DIST, { recursive: true, force: true })
  await esbuild.build({
    absWorkingDir: BACKEND,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, path]) => [name, `guarded:${path}`])),
    // Chunks sit beside the entries, at the root of dist, where mirroredImportMetaUrl expects its modules.
    splitting: true,
    chunkNames: '[name]-[hash]',
    outdir: DIST,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    sourcemap: true,
    external: EXTERNAL_PACKAGES,
    // Bundled CommonJS packages call require() for Node built-ins, which ESM has no binding for.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    plugins: [guardedEntries, mirroredImportMetaUrl],
    logLevel: 'warning',
  })
  // esbuild keeps a service process for further builds; `npm start` builds once, then serves.
  await esbuild.stop()
  copyAssets(SRC, DIST)
  writeFileSync(
    STAMP,
    `${JSON.stringify({ builtAt: new Date().toISOString(), entries: ENTRIES }, null, 2)}\n`,
  )
  return Math.round(performance.now() - started)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write('Building backend/dist...\n')
  const ms = await build()
  process.stdout.write(`Built backend/dist in ${ms} ms.\n`)
}
