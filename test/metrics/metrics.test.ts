import parsePrometheusTextFormat from 'parse-prometheus-text-format'
import { afterEach, describe, expect, it } from 'vitest'
import { type SyncFixture, startSyncFixture } from '../crm/sync/sync-support'
import { customerWrites } from '../support/conversation'
import { type SendHarness, startSendHarness } from '../support/send-harness'
import { ENGINES } from '../support/test-db'
import { NUMBER_A, startTestRuntime, type TestRuntime } from '../support/test-runtime'

const TOKEN = 'metrics-token-0123456789'

interface Family {
  name: string
  type: string
  metrics: { value?: string; labels?: Record<string, string>; buckets?: Record<string, string> }[]
}

/** Scrapes /metrics and parses it with a Prometheus text-format parser, as a scraper would. */
async function scrape(rt: TestRuntime): Promise<Map<string, Family>> {
  const res = await rt.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
  const families = parsePrometheusTextFormat(await res.text()) as Family[]
  return new Map(families.map((f) => [f.name, f]))
}

const sample = (f: Family | undefined, labels: Record<string, string> = {}) =>
  f?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))

describe.each(ENGINES)('GET /metrics on %s', (engine) => {
  let h: SendHarness | undefined
  let rt: TestRuntime | undefined
  afterEach(async () => {
    await h?.close()
    await rt?.close()
    h = undefined
    rt = undefined
  })

  it('is refused without the token, and off when neither a token nor a port is configured', async () => {
    rt = await startTestRuntime(engine, { METRICS_TOKEN: TOKEN })
    expect((await rt.request('/metrics')).status).toBe(401)
    // A post to a CRM nobody registered is a 404, not a delivery: the path never becomes a label.
    expect((await rt.request('/webhooks/no-such-crm', { method: 'POST', body: '[]' })).status).toBe(404)
    const deliveries = (await scrape(rt)).get('scrm_webhook_deliveries_total')
    expect(deliveries?.metrics.some((m) => m.labels?.source === 'no-such-crm') ?? false).toBe(false)
    const wrong = await rt.request('/metrics', {
      headers: { authorization: 'Bearer metrics-token-0123456780' },
    })
    expect(wrong.status).toBe(401)
    expect((await wrong.json()).error.code).toBe('unauthorized')
    await rt.close()
    rt = await startTestRuntime(engine)
    const off = await rt.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })
    expect(off.status).toBe(503)
    expect((await off.json()).error.message).toMatch(/METRICS_TOKEN/)
  })

  it('reports every family an operator alerts on after messages come in and go out', async () => {
    h = await startSendHarness(
      engine,
      { faults: { failCodes: { '5511980000099': 131030 } } },
      { METRICS_TOKEN: TOKEN },
    )
    const { rt: app, sim } = h
    await sim.customerWrote(NUMBER_A.phoneNumberId, '5511980000001', new Date(), {
      text: 'quanto custa o frete para Campinas?',
      name: 'Ana',
    })
    await sim.customerWrote(NUMBER_A.phoneNumberId, '5511980000099', new Date(), { text: 'oi', name: 'Bia' })
    const contactOf = async (waId: string) =>
      h!.waitFor(
        () => app.api(`/api/v1/thread?phone=%2B${waId}`).then((r) => r.json()),
        (v) => v.contact !== null,
      )
    const ana = (await contactOf('5511980000001')).contact.id
    const bia = (await contactOf('5511980000099')).contact.id
    for (const [contactId, text] of [
      [ana, 'Olá Ana! O frete sai R$ 12.'],
      [bia, 'Olá Bia!'],
    ]) {
      const res = await app.api('/api/v1/messages', {
        method: 'POST',
        json: { contact_id: contactId, sender: 'agent', content: { type: 'text', text } },
      })
      expect(res.status).toBe(202)
    }
    await h.waitFor(
      () => app.api(`/api/v1/thread?contact_id=${bia}`).then((r) => r.json()),
      (v) => v.messages.at(-1)?.status === 'failed',
    )
    await h.waitFor(
      () => app.api(`/api/v1/thread?contact_id=${ana}`).then((r) => r.json()),
      (v) => ['delivered', 'read'].includes(v.messages.at(-1)?.status),
    )

    const m = await scrape(app)
    // HTTP by route pattern: the thread route, never the phone number or contact id in the path.
    const threadCalls = sample(m.get('scrm_http_requests_total'), {
      method: 'GET',
      route: '/api/v1/thread',
      status: '200',
    })
    expect(Number(threadCalls?.value)).toBeGreaterThan(0)
    expect(m.get('scrm_http_request_duration_seconds')?.type).toBe('HISTOGRAM')
    const text = [...m.values()]
      .flatMap((f) => f.metrics.map((x) => JSON.stringify(x.labels ?? {})))
      .join('\n')
    expect(text).not.toContain('5511980000001')
    expect(text).not.toContain(ana)
    // Webhooks: the customer messages and status updates were acknowledged.
    expect(
      Number(sample(m.get('scrm_webhook_deliveries_total'), { source: 'whatsapp', outcome: 'acked' })?.value),
    ).toBeGreaterThanOrEqual(2)
    // Ingest queue and lag, dead letters: present, and drained.
    expect(m.get('scrm_ingest_lag_seconds')?.type).toBe('GAUGE')
    expect(Number(sample(m.get('scrm_ingest_lag_seconds'))?.value)).toBeLessThan(60)
    expect(Number(sample(m.get('scrm_dead_letters'), { source: 'whatsapp' })?.value)).toBe(0)
    expect(m.has('scrm_ingest_queue_depth')).toBe(true)
    // Sends: one went out, one refused by Meta with 131030 (class: fail); queue depth by priority.
    expect(Number(sample(m.get('scrm_sends_total'), { outcome: 'sent' })?.value)).toBeGreaterThanOrEqual(1)
    expect(Number(sample(m.get('scrm_sends_total'), { outcome: 'failed' })?.value)).toBeGreaterThanOrEqual(1)
    expect(Number(sample(m.get('scrm_meta_errors_total'), { class: 'fail' })?.value)).toBeGreaterThanOrEqual(
      1,
    )
    expect(sample(m.get('scrm_send_queue_depth'), { priority: '0' })?.value).toBe('0')
    // The default rule pack fired on the shipping question.
    expect(Number(sample(m.get('scrm_rule_firings_total'))?.value)).toBeGreaterThanOrEqual(1)
    // Process metrics from prom-client's defaults.
    expect(m.has('scrm_process_resident_memory_bytes')).toBe(true)
  })
})

describe.each(ENGINES)('CRM metrics on %s', (engine) => {
  let f: SyncFixture | undefined
  afterEach(async () => {
    await f?.close()
    f = undefined
  })

  it('reports the outbox per connection, the account budget and CRM calls by outcome', async () => {
    f = await startSyncFixture(engine, { env: { METRICS_TOKEN: TOKEN } })
    await customerWrites(f.rt, NUMBER_A, { waId: '5511980000003', name: 'Caio' }, 'oi, tem o tênis 42?')
    const before = await scrape(f.rt)
    const waiting = sample(before.get('scrm_crm_outbox_depth'), {
      connection_id: f.connectionId,
      provider: 'hubspot',
      state: 'due',
    })
    expect(Number(waiting?.value)).toBeGreaterThan(0)
    await f.drain()
    const after = await scrape(f.rt)
    expect(
      sample(after.get('scrm_crm_outbox_depth'), { connection_id: f.connectionId, state: 'due' })?.value,
    ).toBe('0')
    expect(
      Number(sample(after.get('scrm_crm_requests_total'), { provider: 'hubspot', outcome: 'ok' })?.value),
    ).toBeGreaterThan(0)
    const budget = Number(
      sample(after.get('scrm_crm_budget_remaining_ratio'), {
        connection_id: f.connectionId,
        provider: 'hubspot',
      })?.value,
    )
    expect(budget).toBeGreaterThan(0)
    expect(budget).toBeLessThanOrEqual(1)
  })
})
