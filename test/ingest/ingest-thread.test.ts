import { sql } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { singleText } from '../simulators/whatsapp/envelopes'
import { metaDelivery } from '../simulators/whatsapp/webhook-sender'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, registerChannel, startTestRuntime, type TestRuntime } from '../support/test-runtime'

/**
 * INGEST_WORKER=thread: on a Postgres server, deliveries acknowledged by the server's event loop
 * are processed by a worker thread with its own pool; on the embedded database processing stays
 * inline (PGlite lives in the main thread's memory).
 */
describe.each(ENGINES)('ingest worker thread on %s', (engine) => {
  let rt: TestRuntime | undefined
  afterEach(async () => {
    await rt?.close()
    rt = undefined
  })

  async function deliver(runtime: TestRuntime, count: number, prefix: string) {
    for (let i = 0; i < count; i++) {
      const d = metaDelivery(
        singleText(NUMBER_A, { waId: `5511955${prefix}${String(i).padStart(3, '0')}` }, `hello ${i}`),
        runtime.config.WHATSAPP_APP_SECRET as string,
      )
      const res = await runtime.request('/webhooks/whatsapp', {
        method: 'POST',
        body: d.body,
        headers: d.headers,
      })
      expect(res.status).toBe(200)
    }
  }

  async function storedWithin(runtime: TestRuntime, expected: number, ms: number): Promise<number> {
    const deadline = Date.now() + ms
    for (;;) {
      const [row] = await queryRows<{ n: number }>(
        runtime.db.db,
        sql`select count(*)::int as n from messages where direction = 'inbound'`,
      )
      if ((row?.n ?? 0) >= expected || Date.now() > deadline) return row?.n ?? 0
      await new Promise((r) => setTimeout(r, 50))
    }
  }

  it('processes acknowledged deliveries off the main thread (inline on the embedded database)', async () => {
    rt = await startTestRuntime(engine, { INGEST_WORKER: 'thread' })
    expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
    await deliver(rt, 12, '10')
    expect(await storedWithin(rt, 12, 20_000)).toBe(12)
    if (engine === 'pglite') {
      expect(rt.ingestMode).toBe('inline')
      expect(rt.ingestThread).toBeNull()
      expect(rt.worker.totals.messages).toBe(12)
      return
    }
    expect(rt.ingestMode).toBe('thread')
    // Nothing ran on the main thread's worker: the thread did it, and reports so within a second.
    expect(rt.worker.totals.processed).toBe(0)
    const deadline = Date.now() + 5_000
    while ((rt.ingestThread?.totals?.messages ?? 0) < 12 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100))
    expect(rt.ingestThread?.totals?.messages).toBe(12)
    expect(rt.ingestThread?.health()).toMatchObject({ name: 'ingest', running: true, consecutiveFailures: 0 })
    const ready = await rt.request('/readyz')
    expect(ready.status).toBe(200)
  })

  it.runIf(engine === 'pg')(
    'stops the thread, and once started again it processes what came meanwhile',
    async () => {
      rt = await startTestRuntime(engine, { INGEST_WORKER: 'thread' })
      expect((await registerChannel(rt, NUMBER_A)).status).toBe(201)
      const thread = rt.ingestThread
      await deliver(rt, 3, '20')
      expect(await storedWithin(rt, 3, 20_000)).toBe(3)
      await thread?.stop()
      expect(thread?.running).toBe(false)
      // Stopped: a new delivery is stored and acknowledged, but waits for a processor.
      await deliver(rt, 1, '21')
      expect(await storedWithin(rt, 4, 1_500)).toBe(3)
      thread?.start()
      expect(await storedWithin(rt, 4, 20_000)).toBe(4)
    },
  )
})
