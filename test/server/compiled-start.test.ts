import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, buildNeeded } from '../../backend/scripts/build.mjs'
import { MIN_NODE_MAJOR } from '../../backend/src/lib/node-support'
import { freePort } from '../support/free-port'
import { runProcess } from '../support/run-process'

const ROOT = join(import.meta.dirname, '..', '..')
const COMPILED_SERVER = join(ROOT, 'backend', 'dist', 'server.js')
// The README's way in: npm on whatever Node the system has, with nothing from node_modules on PATH.
const SYSTEM_PATH = (process.env.PATH ?? '')
  .split(delimiter)
  .filter((dir) => !dir.includes('node_modules'))
  .join(delimiter)

const run = (command: string, args: string[], env: Record<string, string>) =>
  runProcess(command, args, { cwd: ROOT, env, path: SYSTEM_PATH })

/** The JSON log line of the started server that says it is listening. */
function listeningLine(output: string): { node: string; pid: number } | undefined {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line))
    .find((entry) => typeof entry.msg === 'string' && entry.msg.startsWith('listening'))
}

/** Node binaries on the system PATH older than the supported one (e.g. a system Node 20). */
function olderSystemNodes(): string[] {
  const found = spawnSync('which', ['-a', 'node'], { env: { PATH: SYSTEM_PATH }, encoding: 'utf8' })
  return [...new Set((found.stdout ?? '').split('\n').filter(Boolean))].filter((bin) => {
    const version = spawnSync(bin, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout ?? ''
    return Number(version.split('.')[0]) < MIN_NODE_MAJOR
  })
}

describe('the compiled backend', () => {
  const dirs: string[] = []
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  })

  it('starts with npm start on Node >= 24, finds its migrations and intent model, and runs without tsx', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'scrm-compiled-'))
    dirs.push(dataDir)
    const port = await freePort()
    const adminKey = 'compiled-start-admin-key'
    const server = run('npm', ['start'], { PORT: String(port), DATA_DIR: dataDir, ADMIN_API_KEY: adminKey })
    let serverPid: number | undefined
    try {
      const started = Date.now()
      let listening: ReturnType<typeof listeningLine>
      while (Date.now() - started < 40_000 && !listening) {
        await new Promise((r) => setTimeout(r, 200))
        listening = listeningLine(server.output())
      }
      expect(listening, server.output()).toBeDefined()
      const { node, pid } = listening as { node: string; pid: number }
      serverPid = pid
      expect(Number(node.slice(1).split('.')[0])).toBeGreaterThanOrEqual(MIN_NODE_MAJOR)
      // Bundled package code must not trip warnings Node keeps quiet for node_modules (e.g. punycode).
      expect(server.output()).not.toMatch(/Warning/)

      // Migrations from backend/drizzle applied, the intent model read from beside the bundle.
      expect(await (await fetch(`http://127.0.0.1:${port}/readyz`)).json()).toMatchObject({ status: 'ready' })
      const classified = await fetch(`http://127.0.0.1:${port}/api/v1/classify`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'quanto custa o tênis preto? tem desconto no pix?' }),
      })
      expect(classified.status).toBe(200)
      expect(await classified.json()).toMatchObject({ intent: 'price_discount', language: 'pt' })
      // The admin console is served too (built by npm start when missing), and / leads to it.
      const consolePage = await fetch(`http://127.0.0.1:${port}/`)
      expect(consolePage.url).toBe(`http://127.0.0.1:${port}/admin`)
      expect(await consolePage.text()).toContain('<div id="app"></div>')

      // The serving process: the Node from node_modules, the compiled launcher, no tsx anywhere.
      if (process.platform === 'linux') {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ')
        const environ = readFileSync(`/proc/${pid}/environ`, 'utf8')
        expect(cmdline).toMatch(/^\S*node scripts\/start\.mjs server $/)
        expect(realpathSync(`/proc/${pid}/cwd`)).toBe(realpathSync(join(ROOT, 'backend')))
        expect(cmdline).not.toMatch(/tsx/)
        expect(environ).not.toMatch(/NODE_OPTIONS=[^\0]*tsx/)
        expect(realpathSync(`/proc/${pid}/exe`)).toBe(
          realpathSync(join(ROOT, 'node_modules', 'node', 'bin', 'node')),
        )
      }
    } finally {
      server.stop()
      await server.exit
    }
    // Stopping `npm start` stops the server itself: nothing is left running after the test.
    for (let i = 0; serverPid !== undefined && existsSync(`/proc/${serverPid}`) && i < 50; i++)
      await new Promise((r) => setTimeout(r, 100))
    if (process.platform === 'linux' && serverPid !== undefined)
      expect(existsSync(`/proc/${serverPid}`)).toBe(false)
  }, 60_000)

  describe('on an unsupported Node', () => {
    beforeAll(async () => {
      if (buildNeeded()) await build()
    }, 60_000)

    it('exits at once with one line naming the required version and npm start', async () => {
      const oldNode = run(
        process.execPath,
        [
          '--import',
          'data:text/javascript,Object.defineProperty(process,"version",{value:"v20.20.2"})',
          COMPILED_SERVER,
        ],
        {},
      )
      expect(await oldNode.exit).toBe(1)
      expect(oldNode.output()).toMatch(
        /^whatsapp-scrm needs Node\.js 24 or later, but .* is v20\.20\.2: .*npm start.*\n$/,
      )
    }, 20_000)

    it('refuses a real older system Node the same way, when the machine has one', async () => {
      const older = olderSystemNodes()
      for (const bin of older) {
        const server = run(bin, [COMPILED_SERVER], {})
        expect(await server.exit).toBe(1)
        expect(server.output()).toMatch(
          /^whatsapp-scrm needs Node\.js 24 or later, but .* is v\d+\.\d+\.\d+: .*\n$/,
        )
      }
    }, 20_000)
  })
})
