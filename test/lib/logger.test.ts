import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../../backend/src/lib/logger'

function capture() {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk))
      done()
    },
  })
  return { logger: createLogger('info', stream), lines }
}

describe('logger redaction', () => {
  it('never writes tokens, keys or secrets, wherever they are nested', () => {
    const { logger, lines } = capture()
    logger.info(
      {
        req: { headers: { authorization: 'Bearer scrm_live_key', 'x-hub-signature-256': 'sha256=abc' } },
        channel: { access_token: 'EAAG-secret-token', phone_number_id: '123' },
        config: { ADMIN_API_KEY: 'admin-key-value', WHATSAPP_APP_SECRET: 'app-secret-value', PORT: 3000 },
      },
      'request',
    )
    const out = lines.join('')
    for (const secret of [
      'scrm_live_key',
      'sha256=abc',
      'EAAG-secret-token',
      'admin-key-value',
      'app-secret-value',
    ]) {
      expect(out).not.toContain(secret)
    }
    expect(out).toContain('[redacted]')
    expect(out).toContain('"phone_number_id":"123"')
  })
})
