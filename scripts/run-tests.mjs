#!/usr/bin/env node
// `npm test`: type-check, run every vitest suite and the Salesforce package's Jest suites, and end
// with one plain line CI can read: "N passed, N failed", the total for all suites.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)
const resultsDir = join(root, '.test-results')
rmSync(resultsDir, { recursive: true, force: true })
mkdirSync(resultsDir, { recursive: true })

const engines = process.env.DATABASE_URL
  ? 'PGlite and the Postgres server in DATABASE_URL'
  : 'PGlite (set DATABASE_URL to add a Postgres server)'
console.log(`Type-checking...`)
// The root project, the HubSpot card (JSX), the Zoho widget and the demo pages (DOM) and the admin console (Preact) have their own tsconfigs.
const checks = [
  ['-p', 'tsconfig.json', '--noEmit'],
  ['-p', 'hubspot-app/src/app/cards/tsconfig.json', '--noEmit'],
  ['-p', 'hubspot-app/tsconfig.json', '--noEmit'],
  ['-p', 'zoho-widget/tsconfig.json', '--noEmit'],
  ['-p', 'scripts/demo/web/tsconfig.json', '--noEmit'],
  ['-p', 'admin-console/tsconfig.json', '--noEmit'],
]
let failed = checks.filter(
  (args) => spawnSync(bin('tsc'), args, { cwd: root, stdio: 'inherit' }).status !== 0,
).length
if (failed) console.log('Type-check failed (counted as 1 failed).')

console.log(`Running tests on ${engines}...`)
const vitestJson = join(resultsDir, 'vitest.json')
const args = [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
  ...process.argv.slice(2),
]
const vitest = spawnSync(bin('vitest'), args, { cwd: root, stdio: 'inherit' })

let passed = 0
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'))
  passed += report.numPassedTests
  failed += report.numFailedTests
  // A file that fails to load has no tests to count but must still fail the run.
  failed += report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length
} else {
  failed += 1
}
if (vitest.status !== 0 && failed === 0) failed = 1

// The Salesforce package's LWC tests run under Jest (sfdx-lwc-jest), from the SFDX project's own
// folder: it finds components through sfdx-project.json and its jest.config.js keeps Jest inside
// force-app. Jest's JSON report gives the counts added to the total line.
console.log('Running the Salesforce LWC tests (Jest)...')
const sfPackage = join(root, 'salesforce-package')
const jestJson = join(resultsDir, 'jest.json')
const jest = spawnSync(bin('sfdx-lwc-jest'), ['--', '--json', `--outputFile=${jestJson}`], {
  cwd: sfPackage,
  stdio: 'inherit',
})
let jestFailed = 0
if (existsSync(jestJson)) {
  const report = JSON.parse(readFileSync(jestJson, 'utf8'))
  passed += report.numPassedTests
  jestFailed += report.numFailedTests
  // A suite that fails to load (syntax error, missing module) has no tests to count.
  jestFailed += report.numRuntimeErrorTestSuites
} else {
  jestFailed += 1
}
if (jest.status !== 0 && jestFailed === 0) jestFailed = 1
failed += jestFailed

console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
