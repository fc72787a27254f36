import { createServer, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { sendMessage } from '../../backend/src/whatsapp/cloud-api-client'
import { freePort } from '../support/free-port'

/** Real failures of fetch, as the sender meets them, and what each tells about Meta having the message. */
describe('the Cloud API client classifies a send that got no answer', () => {
  let server: Server | undefined
  const sockets = new Set<Socket>()
  afterEach(async () => {
    for (const s of sockets) s.destroy()
    sockets.clear()
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()))
    server = undefined
  })

  const send = (graphUrl: string, timeoutMs = 2_000) =>
    sendMessage({ graphUrl, apiVersion: 'v23.0', timeoutMs }, '1065', 'EAAG-secret-token', { type: 'text' })

  const listen = async (onSocket: (socket: Socket) => void) => {
    server = createServer((socket) => {
      sockets.add(socket)
      onSocket(socket)
    })
    await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r))
    return `http://127.0.0.1:${(server.address() as { port: number }).port}`
  }

  it('nothing listening: unreachable, connection_refused — Meta cannot have it', async () => {
    const outcome = await send(`http://127.0.0.1:${await freePort()}`)
    expect(outcome).toMatchObject({ kind: 'unreachable', reason: 'connection_refused' })
    expect(outcome.kind === 'unreachable' && outcome.detail).toMatch(/ECONNREFUSED/)
  })

  it('a host name that does not resolve: unreachable, dns_failure', async () => {
    const outcome = await send('http://scrm-cloud-api.invalid')
    expect(outcome).toMatchObject({ kind: 'unreachable', reason: 'dns_failure' })
    expect(outcome.kind === 'unreachable' && outcome.detail).toMatch(/ENOTFOUND scrm-cloud-api\.invalid/)
  })

  it('no answer in time: unknown, timeout — Meta may have it', async () => {
    const url = await listen(() => {})
    expect(await send(url, 200)).toEqual({
      kind: 'unknown',
      reason: 'timeout',
      detail: 'no answer within 200 ms',
    })
  })

  it('the connection dropped after the request went out: unknown, connection_lost', async () => {
    const url = await listen((socket) => socket.once('data', () => socket.destroy()))
    expect(await send(url)).toMatchObject({ kind: 'unknown', reason: 'connection_lost' })
  })

  it('a 200 that is not JSON: unknown, unreadable_answer; the token is in no detail', async () => {
    const url = await listen((socket) =>
      socket.once('data', () =>
        socket.end('HTTP/1.1 200 OK\r\ncontent-length: 3\r\nconnection: close\r\n\r\nnot'),
      ),
    )
    const outcome = await send(url)
    expect(outcome).toMatchObject({ kind: 'unknown', reason: 'unreadable_answer' })
    expect(JSON.stringify(outcome)).not.toContain('EAAG-secret-token')
  })
})
