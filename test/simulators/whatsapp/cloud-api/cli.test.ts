import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { parseCliOptions } from './cli-options'

const MAIN = join(dirname(fileURLToPath(import.meta.url)), 'main.ts')

describe('Cloud API simulator CLI', () => {
  it('Should read settings from the environment, with flags winning', () => {
    const options = parseCliOptions(
      ['--webhook-url', 'http://127.0.0.1:3000/webhooks/whatsapp', '--reorder', '--tier-limit=unlimited'],
      {
        APP_SECRET: 'env-secret',
        WEBHOOK_URL: 'http://ignored',
        NUMBERS: '11:15550000011:21:40,12:15550000012:22',
        MPS: '70',
        STATUS_LATENCY_MS: '5..10',
        FAIL_CODES: '15551230001:131050',
        UNDELIVERABLE: '15551230002, 15551230003',
      },
    )
    expect(options).toMatchObject({
      appSecret: 'env-secret',
      webhookUrl: 'http://127.0.0.1:3000/webhooks/whatsapp',
      reorder: true,
      port: 4010,
      statusLatencyMs: { min: 5, max: 10 },
      numbers: [
        { phoneNumberId: '11', displayPhoneNumber: '15550000011', wabaId: '21', mps: 40, tierLimit: null },
        { phoneNumberId: '12', displayPhoneNumber: '15550000012', wabaId: '22', mps: 70, tierLimit: null },
      ],
      faults: { failCodes: { '15551230001': 131050 }, undeliverable: ['15551230002', '15551230003'] },
    })
    expect(() => parseCliOptions([], {})).toThrow(/APP_SECRET/)
  })

  let child: ChildProcess | undefined
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL')
  })

  it('Should run standalone, print its URL and obey the control routes', async () => {
    child = spawn(
      process.execPath,
      ['--import', 'tsx', MAIN, '--port', '0', '--app-secret', 's', '--mps', '1'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    let out = ''
    const line = await new Promise<string>((resolve, reject) => {
      child!.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        if (out.includes('\n')) resolve(out.split('\n')[0])
      })
      child!.once('exit', (code) => reject(new Error(`exited with ${code}`)))
    })
    const { event, url } = JSON.parse(line) as { event: string; url: string }
    expect(event).toBe('listening')
    const wrote = await fetch(`${url}/__sim/customer-wrote`, {
      method: 'POST',
      body: JSON.stringify({ phoneNumberId: '106540352242922', waId: '15551230001' }),
    })
    expect(await wrote.json()).toMatchObject({ delivered: false })
    const msg = { messaging_product: 'whatsapp', to: '15551230001', type: 'text', text: { body: 'hi' } }
    const sendTo = (to: string) =>
      fetch(`${url}/v23.0/106540352242922/messages`, { method: 'POST', body: JSON.stringify({ ...msg, to }) })
    // Sent together so that they land inside the same 1 s window even on a loaded machine.
    const statuses = (
      await Promise.all(['15551230001', '15551230002', '15551230003', '15551230004'].map(sendTo))
    ).map((r) => r.status)
    const accepted = statuses.filter((s) => s === 200).length
    const refused = statuses.filter((s) => s === 429).length
    expect(accepted).toBeGreaterThanOrEqual(1)
    expect(refused).toBeGreaterThanOrEqual(1)
    expect(accepted + refused).toBe(statuses.length)
    const stats = (await (await fetch(`${url}/__sim/stats`)).json()) as Record<string, unknown>
    expect(stats).toMatchObject({ accepted, violations: { throughput: refused } })
    child.kill('SIGTERM')
    const [code] = await once(child, 'exit')
    expect(code).toBe(0)
  })
})
