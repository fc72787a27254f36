import { connect } from 'node:net'
import { type AddressInfo, WebSocketServer } from 'ws'

export interface WsTcpProxy {
  url: string
  connections: () => number
  close(): Promise<void>
}

/**
 * The piece Neon runs in front of Postgres, reduced to what a test needs: each WebSocket
 * connection to /v2?address=host:port becomes a TCP connection to that address, bytes passed
 * through both ways. It lets the Neon serverless driver talk to the local Postgres server.
 */
export async function startWsTcpProxy(): Promise<WsTcpProxy> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  let opened = 0
  server.on('connection', (socket, request) => {
    opened += 1
    const address = new URL(request.url ?? '/', 'http://proxy').searchParams.get('address') ?? ''
    const [host, port] = address.split(':')
    const tcp = connect({ host, port: Number(port) })
    const pending: Buffer[] = []
    tcp.on('connect', () => {
      for (const chunk of pending.splice(0)) tcp.write(chunk)
    })
    socket.on('message', (data: Buffer) => (tcp.connecting ? pending.push(data) : tcp.write(data)))
    tcp.on('data', (data) => socket.send(data))
    tcp.on('close', () => socket.close())
    tcp.on('error', () => socket.close())
    socket.on('close', () => tcp.destroy())
  })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const { port } = server.address() as AddressInfo
  return {
    url: `127.0.0.1:${port}`,
    connections: () => opened,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate()
        server.close(() => resolve())
      }),
  }
}
