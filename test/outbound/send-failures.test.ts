import { sql } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { createLogger } from '../../backend/src/lib/logger'
import { contactIdOf, customerWrites } from '../support/conversation'
import { freePort } from '../support/free-port'
import { type SendHarness, startSendHarness, TOKEN } from '../support/send-harness'
import { ENGINES } from '../support/test-db'
import { NUMBER_A } from '../support/test-runtime'

/** What a failing send must show: on the row, in the thread, in the messages API and in the log. */
interface LogLine {
  level: number
  msg: string
  reason?: string
  cause?: string
  [key: string]: unknown
}
const WARN = 40

describe.each(ENGINES)('sends that cannot reach the Cloud API on %s', (engine) => {
  let h: SendHarness
  let lines: string[] = []
  const logged = (): LogLine[] => lines.map((l) => JSON.parse(l) as LogLine)
  const logger = () => {
    lines = []
    return createLogger('debug', { write: (line: string) => void lines.push(line) })
  }
  afterEach(async () => h?.close())

  const message = async (id: string) =>
    (
      await queryRows<{
        status: string
        status_at: string
        error_code: number | null
        error_title: string | null
        error_reason: string | null
      }>(
        h.rt.db.db,
        sql`select status, status_at, error_code, error_title, error_reason from messages where id = ${Number(id)}`,
      )
    )[0]
  const job = async (id: string) =>
    (
      await queryRows<{ state: string; last_error: string | null; failing_since: string | null }>(
        h.rt.db.db,
        sql`select state, last_error, failing_since from send_jobs where message_id = ${Number(id)}`,
      )
    )[0]

  /**
   * The customer wrote, so the window is open and a free-text reply is queued. `viaSimulator`: Meta's
   * side saw it too (needed when the send is to reach the simulator in the end).
   */
  const reply = async (waId: string, text: string, viaSimulator = false) => {
    if (viaSimulator) {
      await h.sim.customerWrote(NUMBER_A.phoneNumberId, waId, new Date(), { text: 'oi', name: 'Bia' })
      await h.waitFor(
        () => h.rt.api(`/api/v1/thread?phone=%2B${waId}`).then((r) => r.json()),
        (v) => v.contact !== null,
      )
    } else await customerWrites(h.rt, NUMBER_A, { waId, name: 'Bia' }, 'oi')
    const contactId = await contactIdOf(h.rt, `+${waId}`)
    const res = await h.rt.api('/api/v1/messages', {
      method: 'POST',
      json: { contact_id: contactId, sender: 'agent', content: { type: 'text', text } },
    })
    expect(res.status).toBe(202)
    return { id: (await res.json()).message_id as string, contactId }
  }
  const threadLast = async (contactId: string) =>
    (await (await h.rt.api(`/api/v1/thread?contact_id=${contactId}`)).json()).messages.at(-1)
  const apiMessage = async (id: string) => (await h.rt.api(`/api/v1/messages/${id}`)).json()

  it('a closed port: retrying with connection_refused on the message, thread and API, a warning, then failed after the window', async () => {
    const closed = await freePort()
    h = await startSendHarness(
      engine,
      {},
      { WHATSAPP_GRAPH_URL: `http://127.0.0.1:${closed}`, SENDER_RECONCILE_MS: '1500' },
      logger(),
    )
    const started = Date.now()
    const { id, contactId } = await reply('5511970000001', 'Seu pedido saiu')

    const retrying = await h.waitFor(
      () => message(id),
      (m) => m?.status === 'retrying',
      30_000,
    )
    expect(retrying).toMatchObject({ error_reason: 'connection_refused', error_code: null })
    expect((await job(id))?.last_error).toMatch(/^connection_refused: .*ECONNREFUSED/)
    expect((await job(id))?.failing_since).not.toBeNull()

    const shown = {
      status: 'retrying',
      error: {
        code: null,
        reason: 'connection_refused',
        explanation: expect.stringMatching(/refused the connection/),
      },
    }
    expect(await threadLast(contactId)).toMatchObject({ id, ...shown })
    expect(await apiMessage(id)).toMatchObject({ id, ...shown })

    const warning = logged().find((l) => l.reason === 'connection_refused')
    expect(warning).toMatchObject({ level: WARN, messageId: Number(id) })
    expect(warning?.cause).toMatch(/ECONNREFUSED 127\.0\.0\.1:\d+/)
    expect(warning?.msg).toMatch(/^send not completed, will retry: connection_refused/)

    const failed = await h.waitFor(
      () => message(id),
      (m) => m?.status === 'failed',
      30_000,
    )
    // Not before the reconcile window has run out since the first failure.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500)
    expect(failed).toMatchObject({ error_reason: 'connection_refused', error_code: null })
    expect((await job(id))?.state).toBe('failed')
    const final = { status: 'failed', error: { code: null, reason: 'connection_refused' } }
    expect(await threadLast(contactId)).toMatchObject(final)
    expect(await apiMessage(id)).toMatchObject(final)
    const last = logged()
      .filter((l) => l.reason === 'connection_refused')
      .at(-1)
    expect(last).toMatchObject({ level: WARN })
    expect(last?.msg).toMatch(/^send failed: connection_refused/)
    // The cause is told; the token never is.
    expect(lines.some((l) => l.includes(TOKEN))).toBe(false)
    expect(logged().some((l) => l.msg === 'send not completed')).toBe(false)
  }, 90_000)

  it('an unresolvable host: retrying with dns_failure, then failed with it', async () => {
    h = await startSendHarness(
      engine,
      {},
      { WHATSAPP_GRAPH_URL: 'http://scrm-cloud-api.invalid', SENDER_RECONCILE_MS: '1000' },
      logger(),
    )
    const { id, contactId } = await reply('5511970000002', 'Olá')
    await h.waitFor(
      () => message(id),
      (m) => m?.status === 'retrying' && m.error_reason === 'dns_failure',
    )
    expect(await threadLast(contactId)).toMatchObject({
      status: 'retrying',
      error: { reason: 'dns_failure', explanation: expect.stringMatching(/DNS/) },
    })
    const warning = logged().find((l) => l.reason === 'dns_failure')
    expect(warning).toMatchObject({ level: WARN })
    expect(warning?.cause).toMatch(/ENOTFOUND scrm-cloud-api\.invalid/)
    await h.waitFor(
      () => message(id),
      (m) => m?.status === 'failed',
      30_000,
    )
    expect(await apiMessage(id)).toMatchObject({ status: 'failed', error: { reason: 'dns_failure' } })
  }, 90_000)

  it("a refused token (Meta's 401, code 190): Meta's code and title with our reason, then failed after the window", async () => {
    h = await startSendHarness(
      engine,
      { accessTokens: ['EAAG-the-token-meta-knows'] },
      { SENDER_RECONCILE_MS: '1500' },
      logger(),
    )
    const { id, contactId } = await reply('5511970000003', 'Olá')
    await h.waitFor(
      () => message(id),
      (m) => m?.status === 'retrying',
    )
    expect(await threadLast(contactId)).toMatchObject({
      status: 'retrying',
      error: {
        code: 190,
        title: expect.stringMatching(/Invalid OAuth access token/),
        reason: 'access_token_invalid',
        explanation: expect.stringMatching(/access token/),
      },
    })
    const warning = logged().find((l) => l.reason === 'access_token_invalid')
    expect(warning).toMatchObject({ level: WARN })
    expect(warning?.cause).toMatch(/#190/)
    const failed = await h.waitFor(
      () => message(id),
      (m) => m?.status === 'failed',
      30_000,
    )
    expect(failed).toMatchObject({ error_code: 190, error_reason: 'access_token_invalid' })
    expect(await apiMessage(id)).toMatchObject({
      status: 'failed',
      error: { code: 190, reason: 'access_token_invalid' },
    })
    expect(lines.some((l) => l.includes(TOKEN))).toBe(false)
  }, 90_000)

  it('a token fixed within the window: the retried send goes out and the error is gone', async () => {
    h = await startSendHarness(
      engine,
      { accessTokens: ['EAAG-the-token-meta-knows'] },
      { SENDER_RECONCILE_MS: '20000' },
    )
    const { id, contactId } = await reply('5511970000004', 'Olá', true)
    await h.waitFor(
      () => message(id),
      (m) => m?.status === 'retrying',
    )
    h.sim.configure({ accessTokens: [TOKEN] })
    await h.waitFor(
      () => message(id),
      (m) => m?.status === 'read',
      30_000,
    )
    expect(await threadLast(contactId)).toMatchObject({ status: 'read', error: null })
    expect((await job(id))?.failing_since).toBeNull()
  }, 90_000)

  it('no answer every time: retrying with timeout, sent once more after the window, then failed', async () => {
    h = await startSendHarness(
      engine,
      { faults: { timeoutRate: 1, timeoutHangMs: 1_000 } },
      { SENDER_REQUEST_TIMEOUT_MS: '300', SENDER_RECONCILE_MS: '1000' },
      logger(),
    )
    const { id, contactId } = await reply('5511970000005', 'Olá')
    await h.waitFor(
      () => message(id),
      (m) => m?.status === 'retrying' && m.error_reason === 'timeout',
    )
    expect(await threadLast(contactId)).toMatchObject({
      status: 'retrying',
      error: { code: null, reason: 'timeout', explanation: expect.stringMatching(/did not answer in time/) },
    })
    const failed = await h.waitFor(
      () => message(id),
      (m) => m?.status === 'failed',
      30_000,
    )
    expect(failed?.error_reason).toBe('timeout')
    expect(h.sim.stats().faults.timeouts).toBe(2)
    expect((await job(id))?.last_error).toMatch(/given up/)
    const warnings = logged().filter((l) => l.level === WARN && l.reason === 'timeout')
    expect(warnings.at(-1)?.msg).toMatch(/^send failed: timeout/)
  }, 90_000)
})
