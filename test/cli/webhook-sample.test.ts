import { spawnSync } from 'node:child_process'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runWebhookSample, sampleDelivery } from '../../backend/src/cli/webhook-sample'
import { ingested } from '../support/conversation'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../support/test-runtime'

/** `npm run scrm -- webhook sample`: a newcomer's first message, signed as Meta signs it. */
describe('webhook sample', () => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startTestRuntime('pglite')
    expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
  })
  afterAll(async () => rt?.close())

  it('prints a curl command whose delivery the server accepts and stores for the number', async () => {
    const lines: string[] = []
    const code = await runWebhookSample(
      {
        phoneNumberId: NUMBER_A.phoneNumberId,
        from: '+55 11 99999-0042',
        text: "it's <b>here</b>?",
        name: 'Ana',
      },
      rt.config.WHATSAPP_APP_SECRET,
      undefined,
      (l) => lines.push(l),
    )
    expect(code).toBe(0)
    const curl = lines[0] as string
    const signature = /x-hub-signature-256: (sha256=[0-9a-f]{64})/.exec(curl)?.[1] as string
    // The body as the shell passes it: single quotes closed and reopened around each quote.
    const quoted = /--data-binary '(.*)'$/s.exec(curl)?.[1] ?? ''
    const body = quoted.replace(/'\\''/g, "'")
    const res = await rt.request('/webhooks/whatsapp', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
    })
    expect(res.status).toBe(200)
    await ingested(rt)
    const thread = await (await rt.api('/api/v1/thread?phone=%2B5511999990042')).json()
    expect(thread.contact.name).toBe('Ana')
    expect(thread.messages.map((m: { text: string }) => m.text)).toEqual(["it's <b>here</b>?"])
  })

  it('refuses a phone number given as the phone_number_id, and a sender that is no number', () => {
    expect(() =>
      sampleDelivery({ phoneNumberId: '+1 555 078 3881', from: '+5511999990042', text: 'x' }),
    ).toThrow(/numeric id Meta shows/)
    expect(() => sampleDelivery({ phoneNumberId: NUMBER_A.phoneNumberId, from: 'Ana', text: 'x' })).toThrow(
      /international form/,
    )
  })

  it('carries any text unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const body = JSON.parse(
          sampleDelivery({ phoneNumberId: '106540352242922', from: '+5511999990042', text }),
        )
        expect(body.entry[0].changes[0].value.messages[0].text.body).toBe(text)
      }),
    )
  })

  it('runs from the command line and says what is missing', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'backend/src/cli.ts', 'webhook', 'sample', ...args], {
        encoding: 'utf8',
        env: { ...process.env, WHATSAPP_APP_SECRET: 'a-secret-for-the-cli-test' },
      })
    const missing = run('--from', '+5511999990042')
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('--phone-number-id and --from are required')
    const ok = run('--phone-number-id', '106540352242922', '--from', '+5511999990042', '--text', 'Oi')
    expect(ok.status).toBe(0)
    expect(ok.stdout).toMatch(
      /^curl -X POST http:\/\/localhost:3000\/webhooks\/whatsapp .*sha256=[0-9a-f]{64}/,
    )
  }, 60_000)
})
