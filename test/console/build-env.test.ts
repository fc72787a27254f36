import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const BUILD = pathToFileURL(join(__dirname, '../../admin-console/scripts/build.mjs')).href
const out = mkdtempSync(join(tmpdir(), 'console-build-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

/** A real Vite build of the console (into a scratch folder) in a process without NODE_ENV, as `npm start` has. */
function nodeEnvAfterBuild(guarded: boolean): string {
  const script = `
    const { keepingNodeEnv, CONSOLE } = await import(${JSON.stringify(BUILD)})
    const { build } = await import('vite')
    const run = () => build({ configFile: CONSOLE + '/vite.config.ts', logLevel: 'silent', build: { outDir: ${JSON.stringify(out)}, emptyOutDir: true } })
    await (${guarded} ? keepingNodeEnv(run) : run())
    process.stdout.write(String(process.env.NODE_ENV ?? 'unset'))`
  const env = { ...process.env }
  delete env.NODE_ENV
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' })
  expect(child.status, child.stderr).toBe(0)
  return child.stdout.trim()
}

describe('building the console on the first npm start', () => {
  it("leaves the server's NODE_ENV as it was (Vite alone sets it to production)", () => {
    expect(nodeEnvAfterBuild(false)).toBe('production')
    expect(nodeEnvAfterBuild(true)).toBe('unset')
  }, 120_000)
})
