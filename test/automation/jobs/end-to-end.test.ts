import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../../backend/src/db/query-rows'
import { type SendHarness, startSendHarness } from '../../support/send-harness'
import { ENGINES } from '../../support/test-db'
import { NUMBER_A } from '../../support/test-runtime'
import { putQuickReply, queueJob } from './jobs-fixture'

describe.each(ENGINES)('automation worker in the running service on %s', (engine) => {
  let h: SendHarness
  afterAll(async () => h?.close())

  it('runs a queued rule reply on its own and the sender delivers it to WhatsApp', async () => {
    h = await startSendHarness(engine, {}, { AUTOMATION_WORKER: 'inline', AUTOMATION_POLL_MS: '50' })
    await putQuickReply(h.rt, 'returns', 'Oi {{first_name}}, trocas em até 30 dias com a nota fiscal.')
    const waId = '5511982000001'
    await h.sim.customerWrote(NUMBER_A.phoneNumberId, waId, new Date(), {
      text: 'posso trocar?',
      name: 'Rita Gomes',
    })
    const thread = await h.waitFor(
      () => h.rt.api(`/api/v1/thread?phone=%2B${waId}`).then((r) => r.json()),
      (v) => v.contact !== null,
    )
    const jobId = await queueJob(h.rt, thread.contact.id, {
      type: 'send_quick_reply',
      quick_reply: 'returns',
    })
    h.rt.automationWorker.wake()

    const [job] = await h.waitFor(
      () =>
        queryRows<{ state: string; message_id: string | null }>(
          h.rt.db.db,
          sql`select state, result->>'message_id' as message_id from automation_jobs where id = ${jobId}`,
        ),
      ([row]) => row?.state === 'done',
    )
    const delivered = await h.waitFor(
      () => Promise.resolve(h.sim.sent.find((s) => s.bizOpaqueCallbackData === `scrm:${job?.message_id}`)),
      (s) => s !== undefined,
    )
    expect(delivered).toMatchObject({ recipient: waId, type: 'text', businessInitiated: false })
    expect(delivered?.body).toMatchObject({
      text: { body: 'Oi Rita, trocas em até 30 dias com a nota fiscal.' },
    })
  })
})
