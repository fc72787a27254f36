/**
 * Starts the WhatsApp Cloud API simulator on a local port and hands back its control handle.
 *
 * @example
 * const sim = await startCloudApiSimulator({
 *   appSecret: 'secret',
 *   webhookUrl: 'http://127.0.0.1:3000/webhooks/whatsapp',
 *   numbers: [{ phoneNumberId: '1065', displayPhoneNumber: '15550000001', wabaId: '2001' }],
 * })
 * await fetch(`${sim.url}/v23.0/1065/messages`, { method: 'POST', body: JSON.stringify(msg) })
 */
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createApp } from './app'
import { customerSentMedia, customerWrote } from './inbound'
import { SimulatorState } from './state'
import { type CloudApiSimulator, DEFAULTS, type SimulatorOptions } from './types'

export async function startCloudApiSimulator(options: SimulatorOptions): Promise<CloudApiSimulator> {
  const state = new SimulatorState(options)
  const app = createApp(state)
  const host = options.host ?? DEFAULTS.host
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>(
    (resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, (info: AddressInfo) =>
        resolve({ server: s, port: info.port }),
      )
      s.once('error', reject)
    },
  )
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  state.baseUrl = url

  let closed: Promise<void> | undefined
  return {
    url,
    sent: state.sent,
    stats: () => state.stats.snapshot(),
    configure: (patch) => state.configure(patch),
    reset: () => state.reset(),
    customerWrote: (phoneNumberId, waId, at, message) =>
      customerWrote(state, phoneNumberId, waId, at, message),
    addMedia: (bytes, mimeType, phoneNumberId) => state.media.put(phoneNumberId, bytes, mimeType),
    idle: () => state.dispatcher.idle(),
    addNumber: (number) => state.addNumber(number),
    grant: (token, wabaId) => state.grant(token, wabaId),
    customerSentMedia: (phoneNumberId, waId, media, at) =>
      customerSentMedia(state, phoneNumberId, waId, media, at),
    failMediaDownloads: (mediaId, count, status) => state.media.failDownloads(mediaId, count, status),
    mediaDownloads: (mediaId) => state.media.downloadCount(mediaId),
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        state.dispatcher.close()
        for (const release of [...state.hanging]) release()
        server.close(() => resolve())
        if ('closeAllConnections' in server) server.closeAllConnections()
      })
      return closed
    },
  }
}
