/**
 * A tiny stand-in for the backend's webhook endpoint, for tests: checks X-Hub-Signature-256 over the
 * raw bytes with the app secret (401 when wrong), records what arrived, and can refuse the first N
 * deliveries to exercise retries.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedStatus {
  id: string
  status: string
  [key: string]: unknown
}

export interface WebhookReceiver {
  url: string
  /** Parsed bodies of correctly signed deliveries, in arrival order. */
  bodies: unknown[]
  /** Raw bytes of every delivery. */
  raw: string[]
  badSignatures: number
  /** Answer the next `n` deliveries with 500. */
  failNext(n: number): void
  /** Every `statuses[]` item received, in arrival order. */
  statuses(): ReceivedStatus[]
  /** Waits until `predicate` holds (polling), or throws after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

function validSignature(raw: Buffer, header: string | undefined, secret: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`)
  const given = Buffer.from(header ?? '')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export async function startWebhookReceiver(appSecret: string): Promise<WebhookReceiver> {
  const bodies: unknown[] = []
  const raw: string[] = []
  let badSignatures = 0
  let failures = 0
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const bytes = Buffer.concat(chunks)
      raw.push(bytes.toString('utf8'))
      if (!validSignature(bytes, req.headers['x-hub-signature-256'] as string | undefined, appSecret)) {
        badSignatures += 1
        res.writeHead(401).end()
        return
      }
      if (failures > 0) {
        failures -= 1
        res.writeHead(500).end()
        return
      }
      bodies.push(JSON.parse(bytes.toString('utf8')))
      res.writeHead(200, { 'content-type': 'text/plain' }).end('EVENT_RECEIVED')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/webhooks/whatsapp`,
    bodies,
    raw,
    get badSignatures() {
      return badSignatures
    },
    failNext(n) {
      failures = n
    },
    statuses() {
      const out: ReceivedStatus[] = []
      for (const body of bodies as {
        entry?: { changes?: { value?: { statuses?: ReceivedStatus[] } }[] }[]
      }[]) {
        for (const e of body.entry ?? [])
          for (const c of e.changes ?? []) out.push(...(c.value?.statuses ?? []))
      }
      return out
    },
    async waitFor(predicate, timeoutMs = 3000) {
      const until = Date.now() + timeoutMs
      while (!predicate()) {
        if (Date.now() > until) throw new Error('timed out waiting for webhooks')
        await new Promise((r) => setTimeout(r, 10))
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
