import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'

// biome-ignore lint/suspicious/noExplicitAny: control answers are inspected field by field
type Json = any

const MAIN = join(dirname(fileURLToPath(import.meta.url)), 'main.ts')

describe('HubSpot simulator run standalone', () => {
  let child: ChildProcess | undefined
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL')
  })

  it('prints its URL and offers the in-process handle through /__sim routes', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', '0', '--rate-limit', '2'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const proc = child
    let out = ''
    const line = await new Promise<string>((resolve, reject) => {
      proc.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        if (out.includes('\n')) resolve(out.split('\n')[0])
      })
      proc.once('exit', (code) => reject(new Error(`exited with ${code}`)))
    })
    const { event, url } = JSON.parse(line) as { event: string; url: string }
    expect(event).toBe('listening')
    const json = (path: string, method = 'GET', body?: unknown): Promise<Json> =>
      fetch(`${url}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) }).then(
        (r) => r.json(),
      )

    const { accessToken } = await json('/__sim/tokens', 'POST', { portalId: 77 })
    const { id } = await json('/__sim/portals/77/contacts', 'POST', { properties: { firstname: 'Cli' } })
    await json('/__sim/faults', 'POST', { pathPrefix: '/crm/v3/objects/contacts', n: 1, status: 502 })
    const get = () =>
      fetch(`${url}/crm/v3/objects/contacts/${id}`, {
        headers: { authorization: `Bearer ${accessToken}` },
      }).then((r) => r.status)
    expect([await get(), await get(), await get(), await get()]).toEqual([502, 200, 200, 429])

    const state = await json('/__sim/state')
    expect(state.portals['77'].contacts).toEqual([
      expect.objectContaining({ id, properties: expect.objectContaining({ firstname: 'Cli' }) }),
    ])
    const requests = (await json('/__sim/requests')) as Array<{ status: number; portalId: number }>
    expect(requests.map((r) => r.status)).toEqual([502, 200, 200, 429])
    expect(requests.every((r) => r.portalId === 77)).toBe(true)

    proc.kill('SIGTERM')
    const [code] = await once(proc, 'exit')
    expect(code).toBe(0)
  })
})
