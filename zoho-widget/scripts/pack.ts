/**
 * `npm run zoho:pack`: after `vite build`, checks `app/` against the zet pack rules and writes
 * `dist/zoho-widget.zip` (only `app/**`, as zet does), the file an admin uploads as the widget's
 * internal hosting. Exits 1 with every problem listed when the package would be refused.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { readConfig } from '../src/config'
import { packageProblems, START_PAGE, startPageProblems } from './pack-rules'
import { buildZip, readPackage } from './package-files'

// The project folder: this one, or the one given (tests pack a build made elsewhere).
const project = resolve(process.argv[2] ?? join(import.meta.dirname, '..'))
const files = readPackage(project)
const config = readConfig({
  backendUrl: process.env.SCRM_BACKEND_URL ?? '',
  connectionName: process.env.SCRM_ZOHO_CONNECTION ?? '',
})
const startPage = files.find((f) => f.path === START_PAGE)
const problems = [
  ...(config.ok ? [] : config.problems),
  ...packageProblems(files),
  ...(startPage ? startPageProblems(startPage.content.toString('utf8')) : []),
]
if (problems.length > 0) {
  console.error(`The Zoho package was not written:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  process.exit(1)
}
const out = join(project, 'dist', 'zoho-widget.zip')
mkdirSync(join(project, 'dist'), { recursive: true })
writeFileSync(out, buildZip(files))
const total = files.reduce((sum, f) => sum + f.bytes, 0)
console.log(
  `Wrote ${out}: ${files.length} files, ${total} bytes, for ${config.ok ? config.config.backendUrl : ''}`,
)
