/**
 * The demo pages' files: HTML and CSS as written, the TypeScript compiled for the browser with
 * esbuild at start (milliseconds), and the Zoho widget built the way an admin builds it
 * (`npm run zoho:build`, vite) into the demo's data directory.
 */
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { build } from 'esbuild'
import { ZOHO_BACKEND_URL, ZOHO_CONNECTION } from './zoho-routes'

const repo = join(import.meta.dirname, '..', '..')
const web = join(import.meta.dirname, 'web')

export interface WebAssets {
  page(name: 'phone' | 'cards'): string
  file(name: string): { body: string; contentType: string } | null
  zohoAppDir: string
}

export async function buildWebAssets(dataDir: string): Promise<WebAssets> {
  const zohoAppDir = join(dataDir, 'zoho-app')
  const [scripts] = await Promise.all([
    build({
      entryPoints: ['phone.ts', 'cards.ts', 'zoho-sdk-shim.ts'].map((f) => join(web, f)),
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2022',
      outdir: '/',
      logLevel: 'silent',
    }),
    promisify(execFile)(join(repo, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'error'], {
      cwd: join(repo, 'zoho-widget'),
      env: {
        ...process.env,
        SCRM_BACKEND_URL: ZOHO_BACKEND_URL,
        SCRM_ZOHO_CONNECTION: ZOHO_CONNECTION,
        SCRM_ZOHO_OUT_DIR: zohoAppDir,
      },
    }),
  ])
  const files = new Map<string, { body: string; contentType: string }>()
  for (const out of scripts.outputFiles)
    files.set(out.path.split('/').at(-1) as string, {
      body: out.text,
      contentType: 'text/javascript; charset=utf-8',
    })
  files.set('demo.css', {
    body: readFileSync(join(web, 'demo.css'), 'utf8'),
    contentType: 'text/css; charset=utf-8',
  })
  const pages = {
    phone: readFileSync(join(web, 'phone.html'), 'utf8'),
    cards: readFileSync(join(web, 'cards.html'), 'utf8'),
  }
  return { page: (name) => pages[name], file: (name) => files.get(name) ?? null, zohoAppDir }
}
