import { Writable } from 'node:stream'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { classifyFailure } from '../../backend/src/lib/db-error'
import { createLogger } from '../../backend/src/lib/logger'
import { ENGINES, openTestDb } from '../support/test-db'

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

describe.each(ENGINES)('logger keeps SQL and query parameters out on %s', (engine) => {
  it('logs a failed query as its SQLSTATE and reason, whether given the error, its message or its stack', async () => {
    const handle = await openTestDb(engine)
    try {
      await handle.db.execute(sql`create table probe (v text check (v <> 'forbidden-value'))`)
      const error = await handle.db.execute(sql`insert into probe (v) values (${'forbidden-value'})`).then(
        () => null,
        (e: unknown) => e as Error,
      )
      expect(error?.message).toMatch(/Failed query/)
      expect(classifyFailure(error)).toMatchObject({ reason: 'database_rejected' })
      expect(classifyFailure(error).message).not.toMatch(/forbidden-value|insert/)

      const { logger, lines } = capture()
      logger.error({ err: error }, 'as an error')
      logger.error({ err: error?.message, stack: error?.stack }, 'as message and stack')
      logger.warn(`as text: ${error?.message}`)
      const out = lines.join('')
      expect(lines).toHaveLength(3)
      expect(out).not.toMatch(/forbidden-value|insert into|params:/i)
      expect(out).toContain('23514')
      expect(out).toContain('probe_v_check')
      expect(out).toContain('database query failed (SQL and parameters withheld)')
    } finally {
      await handle.close()
    }
  })
})
