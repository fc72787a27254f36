// @vitest-environment jsdom
import { intentSchema } from '@scrm/shared'
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { envelope, fakeBackend, HOUR, isoIn, message, ok, thread } from './fixtures'
import { choose, mount, RECORD } from './render'

const DUPLICATE = {
  candidate_id: '41',
  score: 0.86,
  other: {
    id: '8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    name: 'Maria <img src=x onerror=alert(1)>',
    phone: '+5511911112222',
  },
  reasons: [
    { code: 'previous_phone', detail: '+5511911112222' },
    { code: 'same_email', detail: 'maria@example.com' },
    { code: 'brand_new_reason', detail: 'same loyalty card' },
  ],
}
const NUMBER_CHANGE = {
  kind: 'phone' as const,
  from: '+5511911112222',
  to: '+5511999990000',
  reason: 'number_change' as const,
  at: '2026-11-20T14:00:00.000Z',
}

/** The intent half of the route's body (backend/src/api/routes/corrections.ts): strict, a known intent. */
const correctionRequestSchema = z
  .object({ field: z.literal('intent'), value: intentSchema, rep: z.string().optional() })
  .strict()

const stored = (id: string, value: string) => ({
  correction: {
    id: 1,
    message_id: Number(id),
    field: 'intent',
    predicted: 'quote',
    predicted_confidence: 0.55,
    value,
    agreed: false,
    corrected_by: 'card:c1',
    rep: null,
    corrected_at: isoIn(0),
  },
  paused: false,
})

describe('duplicate hint and number change', () => {
  it('names the probable duplicate with the reasons, and the number the person changed from', async () => {
    const backend = fakeBackend({
      'GET /api/v1/thread': () => ok(thread({ duplicates: [DUPLICATE], identity_changes: [NUMBER_CHANGE] })),
    })
    const w = mount(backend)
    w.widget.show(RECORD)
    await vi.waitFor(() => expect(w.byTestId('duplicate-hint')).not.toBeNull())
    expect(w.text('duplicate-41')).toContain('Probably the same person as Maria <img src=x onerror=alert(1)>')
    expect(w.text('duplicate-why-41')).toBe(
      'Why: uses a number the other used before (+5511911112222), same email maria@example.com, same loyalty card',
    )
    // The name is text: the hostile tag never became an element.
    expect(w.root.querySelector('img')).toBeNull()
    expect(w.text('identity-change')).toBe(
      'Changed number from +5511911112222 to +5511999990000 on Nov 20, 2026, 2:00 PM',
    )
  })

  it('says the reasons in the rep’s language', async () => {
    const backend = fakeBackend({
      'GET /api/v1/thread': () => ok(thread({ duplicates: [DUPLICATE] })),
    })
    const w = mount(backend, 'pt-BR')
    w.widget.show(RECORD)
    await vi.waitFor(() => expect(w.byTestId('duplicate-hint')).not.toBeNull())
    expect(w.text('duplicate-why-41')).toBe(
      'Por quê: usa um número que o outro usava (+5511911112222), mesmo e-mail maria@example.com, same loyalty card',
    )
  })

  it('names an unnamed duplicate by phone and shows a merged number', async () => {
    const backend = fakeBackend({
      'GET /api/v1/thread': () =>
        ok(
          thread({
            duplicates: [{ ...DUPLICATE, other: { ...DUPLICATE.other, name: null } }],
            identity_changes: [{ ...NUMBER_CHANGE, to: null, reason: 'merge' }],
          }),
        ),
    })
    const w = mount(backend)
    w.widget.show(RECORD)
    await vi.waitFor(() => expect(w.byTestId('duplicate-hint')).not.toBeNull())
    expect(w.text('duplicate-41')).toContain('Probably the same person as another contact (+5511911112222)')
    expect(w.text('identity-change')).toMatch(/^Also used \+5511911112222 \(merged on /)
  })

  it('shows nothing without duplicates, and keeps the thread when the hint is unreadable', async () => {
    const view = JSON.parse(JSON.stringify(thread())) as Record<string, unknown>
    view.duplicates = [{ candidate_id: 5 }]
    const backend = fakeBackend({ 'GET /api/v1/thread': () => ok(view) })
    const w = mount(backend)
    w.widget.show(RECORD)
    await vi.waitFor(() => expect(w.byTestId('widget')).not.toBeNull())
    expect(w.byTestId('duplicate-hint')).toBeNull()
  })
})

describe('intent correction', () => {
  const customer = (id: string, intent: { value: string; confidence: number; suggestion?: boolean }) =>
    message({ id, text: 'quanto custa?', sent_at: isoIn(-HOUR), intent })

  it('states a sure intent as a fact and an unsure one as a suggestion; ours carry none', async () => {
    const backend = fakeBackend({
      'GET /api/v1/thread': () =>
        ok(
          thread({
            messages: [
              customer('11', { value: 'price_discount', confidence: 0.93 }),
              customer('12', { value: 'quote', confidence: 0.55, suggestion: true }),
              message({ id: '13', direction: 'outbound', sender: 'agent', status: 'sent' }),
            ],
          }),
        ),
    })
    const w = mount(backend)
    w.widget.show(RECORD)
    await vi.waitFor(() => expect(w.byTestId('widget')).not.toBeNull())
    expect(w.text('intent-11')).toBe('Price / discount')
    expect(w.text('intent-12')).toBe('Suggested: Quote request')
    expect(w.byTestId('intent-row-13')).toBeNull()
    const options = [...(w.byTestId<HTMLSelectElement>('intent-correct-12')?.options ?? [])].map(
      (o) => o.value,
    )
    expect(options).toEqual([
      '',
      'order_status',
      'price_discount',
      'product_inquiry',
      'store_location',
      'complaint',
      'human_request',
      'purchase_intent',
      'other',
    ])
  })

  it('saves one pick through the backend and shows the stored intent as a fact', async () => {
    const backend = fakeBackend({
      'GET /api/v1/thread': () =>
        ok(thread({ messages: [customer('12', { value: 'quote', confidence: 0.55, suggestion: true })] })),
      'POST /api/v1/messages/12/corrections': () => ok(stored('12', 'complaint')),
    })
    const w = mount(backend)
    w.widget.show(RECORD)
    await vi.waitFor(() => expect(w.byTestId('intent-correct-12')).not.toBeNull())
    choose(w.byTestId<HTMLSelectElement>('intent-correct-12') as HTMLSelectElement, 'complaint')
    await vi.waitFor(() => expect(w.text('intent-12')).toBe('Complaint'))
    const call = backend.calls.find((c) => c.method === 'POST')
    expect(call).toEqual({
      method: 'POST',
      path: '/api/v1/messages/12/corrections',
      body: { field: 'intent', value: 'complaint' },
    })
    // The body is what the backend's route accepts.
    expect(correctionRequestSchema.safeParse(call?.body).success).toBe(true)
    expect(w.byTestId('intent-error-12')).toBeNull()
  })

  it('says why a correction was not saved and keeps the intent as it was', async () => {
    const backend = fakeBackend({
      'GET /api/v1/thread': () =>
        ok(thread({ messages: [customer('12', { value: 'quote', confidence: 0.55, suggestion: true })] })),
      'POST /api/v1/messages/12/corrections': () =>
        envelope('not_found', 'No such message in this workspace.'),
    })
    const w = mount(backend)
    w.widget.show(RECORD)
    await vi.waitFor(() => expect(w.byTestId('intent-correct-12')).not.toBeNull())
    choose(w.byTestId<HTMLSelectElement>('intent-correct-12') as HTMLSelectElement, 'other')
    await vi.waitFor(() => expect(w.byTestId('intent-error-12')).not.toBeNull())
    expect(w.text('intent-error-12')).toBe("Couldn't save the intent: No such message in this workspace.")
    expect(w.text('intent-12')).toBe('Suggested: Quote request')
    expect(w.byTestId<HTMLSelectElement>('intent-correct-12')?.disabled).toBe(false)
  })

  it('keeps the corrected intent when the list is drawn again (a sent message, older pages)', async () => {
    const backend = fakeBackend({
      'GET /api/v1/thread': () =>
        ok(thread({ messages: [customer('12', { value: 'quote', confidence: 0.55, suggestion: true })] })),
      'POST /api/v1/messages/12/corrections': () => ok(stored('12', 'order_status')),
      'POST /api/v1/messages': (request) =>
        ok({
          message_id: '99',
          state: 'queued',
          duplicate: false,
          message: message({
            id: '99',
            direction: 'outbound',
            sender: 'agent',
            status: 'queued',
            text: String((request.body?.content as { text?: string })?.text ?? ''),
          }),
        }),
    })
    const w = mount(backend)
    w.widget.show(RECORD)
    await vi.waitFor(() => expect(w.byTestId('intent-correct-12')).not.toBeNull())
    choose(w.byTestId<HTMLSelectElement>('intent-correct-12') as HTMLSelectElement, 'order_status')
    await vi.waitFor(() => expect(w.text('intent-12')).toBe('Order status'))
    const text = w.root.querySelector<HTMLTextAreaElement>('textarea') as HTMLTextAreaElement
    text.value = 'Já vejo o pedido'
    text.dispatchEvent(new Event('input', { bubbles: true }))
    w.byTestId('composer-send')?.click()
    await vi.waitFor(() => expect(w.byTestId('message-99')).not.toBeNull())
    expect(w.text('intent-12')).toBe('Order status')
  })
})
