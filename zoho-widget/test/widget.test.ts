// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sendRequestSchema } from '@scrm/shared'
import { describe, expect, it, vi } from 'vitest'
import { envelope, fakeBackend, HOUR, isoIn, message, ok, tag, thread } from './fixtures'
import { choose, mount, RECORD, type } from './render'

const threadRoute = (view = thread()) => ({ 'GET /api/v1/thread': () => ok(view) })

describe('states', () => {
  it('shows loading, then the thread of the record PageLoad named, linked by its phone', async () => {
    const backend = fakeBackend(threadRoute())
    const w = mount(backend)
    w.widget.show(RECORD)
    expect(w.byTestId('loading')).not.toBeNull()
    await vi.waitFor(() => expect(w.byTestId('widget')).not.toBeNull())
    expect(backend.calls[0]).toEqual({
      method: 'GET',
      path: '/api/v1/thread',
      query: {
        crm: 'zoho',
        record_id: RECORD.recordId,
        phone: '+5511999990000',
        limit: 30,
        cursor: undefined,
      },
    })
    expect(w.text('contact-name')).toBe('Maria Silva')
    expect(w.phones).toEqual([RECORD])
  })

  it('shows the empty state when the record has no WhatsApp contact, and refreshes', async () => {
    const backend = fakeBackend(threadRoute(thread({ contact: null, messages: [] })))
    const w = mount(backend)
    w.widget.show(RECORD)
    await vi.waitFor(() => expect(w.byTestId('empty')).not.toBeNull())
    expect(w.text('empty')).toContain('No WhatsApp conversation yet')
    w.byTestId('refresh')?.click()
    await vi.waitFor(() => expect(backend.calls).toHaveLength(2))
  })

  it("shows the error with the backend's sentence and loads again on retry", async () => {
    let fail = true
    const backend = fakeBackend({
      'GET /api/v1/thread': () =>
        fail ? envelope('unavailable', 'The database is restarting.') : ok(thread()),
    })
    const w = mount(backend)
    w.widget.show(RECORD)
    await vi.waitFor(() => expect(w.byTestId('error')).not.toBeNull())
    expect(w.text('error-message')).toBe('The database is restarting.')
    fail = false
    w.byTestId('retry')?.click()
    await vi.waitFor(() => expect(w.byTestId('widget')).not.toBeNull())
  })

  it('explains a connection Zoho could not use, naming it', async () => {
    const backend = fakeBackend({
      'GET /api/v1/thread': () => ({
        ok: false,
        error: {
          kind: 'connection',
          status: null,
          code: 'INVALID_DATA',
          reason: null,
          message: 'Connection not authorized',
          requestId: null,
        },
      }),
    })
    const w = mount(backend)
    w.widget.show(RECORD)
    await vi.waitFor(() => expect(w.byTestId('connection-error')).not.toBeNull())
    expect(w.text('connection-error')).toContain('"whatsapp_scrm"')
    expect(w.text('connection-error')).toContain('Connection not authorized')
  })

  it('re-renders when PageLoad fires again, and drops the late answer for the record left behind', async () => {
    const answers = new Map<string, (v: unknown) => void>()
    const backend = fakeBackend({
      'GET /api/v1/thread': (request) =>
        new Promise((resolve) =>
          answers.set(String(request.query?.record_id), resolve as (v: unknown) => void),
        ),
    })
    const w = mount(backend)
    w.widget.show(RECORD)
    await vi.waitFor(() => expect(answers.has(RECORD.recordId)).toBe(true))
    w.widget.show({ entity: 'Leads', recordId: '5725767000000422002' })
    await vi.waitFor(() => expect(answers.has('5725767000000422002')).toBe(true))
    answers.get('5725767000000422002')?.(ok(thread({ contact: { ...thread().contact!, name: 'Lead Li' } })))
    await vi.waitFor(() => expect(w.text('contact-name')).toBe('Lead Li'))
    answers.get(RECORD.recordId)?.(ok(thread()))
    await new Promise((r) => setTimeout(r, 20))
    expect(w.text('contact-name')).toBe('Lead Li')
  })
})

describe('the thread', () => {
  it('renders media, reactions, edits, deletions and delivery states with reasons', async () => {
    const view = thread({
      messages: [
        message({
          id: 'img',
          type: 'image',
          text: 'the red one',
          media: {
            id: 'm1',
            mime_type: 'image/jpeg',
            sha256: null,
            filename: 'shoe.jpg',
            url: 'https://cdn.example.com/shoe.jpg',
          },
        }),
        message({
          id: 'doc',
          type: 'document',
          text: null,
          media: {
            id: 'm2',
            mime_type: 'application/pdf',
            sha256: null,
            filename: 'quote.pdf',
            url: 'javascript:alert(1)',
          },
        }),
        message({
          id: 'edit',
          text: 'size 39',
          edited_at: isoIn(-HOUR),
          original_text: 'size 38',
          reactions: [{ emoji: '👍', direction: 'outbound', at: isoIn(-HOUR) }],
        }),
        message({ id: 'del', deleted_at: isoIn(-HOUR) }),
        message({
          id: 'retry',
          direction: 'outbound',
          sender: 'agent',
          status: 'retrying',
          error: { code: null, title: null, details: null, reason: 'timeout', explanation: 'x' },
        }),
        message({
          id: 'fail',
          direction: 'outbound',
          sender: 'agent',
          status: 'failed',
          error: {
            code: 131047,
            title: 'Re-engagement message',
            details: 'More than 24 hours',
            reason: 'window_closed',
            explanation: null,
          },
        }),
        message({ id: 'read', direction: 'outbound', sender: 'automation', status: 'read' }),
      ],
    })
    const w = mount(fakeBackend(threadRoute(view)))
    w.widget.show(RECORD)
    await vi.waitFor(() => expect(w.byTestId('messages')).not.toBeNull())
    expect(w.text('media-img')).toContain('Image · shoe.jpg')
    expect(w.byTestId('media-img')?.querySelector('img')?.getAttribute('src')).toBe(
      'https://cdn.example.com/shoe.jpg',
    )
    expect(w.text('media-doc')).toContain('Document · quote.pdf')
    expect(w.byTestId('media-doc')?.querySelector('a')).toBeNull()
    expect(w.text('edited-edit')).toBe('Edited')
    expect(w.text('original-edit')).toBe('Original: size 38')
    expect(w.text('reactions-edit')).toBe('Reactions: 👍')
    expect(w.text('deleted-del')).toBe('This message was deleted')
    expect(w.text('status-tag-retry')).toBe('Retrying')
    expect(w.text('status-reason-retry')).toBe('Not sent yet: WhatsApp did not answer in time')
    expect(w.text('status-reason-fail')).toBe('Not delivered: Re-engagement message (code 131047)')
    expect(w.text('status-tag-read')).toBe('Read')
    expect(w.byTestId('status-in')).toBeNull()
  })

  it('loads older pages by cursor, oldest first', async () => {
    const older = message({ id: 'old', text: 'first ever' })
    const backend = fakeBackend({
      'GET /api/v1/thread': (request) =>
        ok(
          request.query?.cursor
            ? thread({ messages: [older], next_cursor: null })
            : thread({ messages: [message({ id: 'new' })], next_cursor: 'c1' }),
        ),
    })
    const w = mount(backend)
    w.widget.show(RECORD)
    await vi.waitFor(() => expect(w.byTestId('load-older')).not.toBeNull())
    w.byTestId('load-older')?.click()
    await vi.waitFor(() => expect(w.byTestId('message-old')).not.toBeNull())
    const ids = [...w.root.querySelectorAll('[data-testid^="message-"]')].map((el) =>
      el.getAttribute('data-testid'),
    )
    expect(ids).toEqual(['message-old', 'message-new'])
    expect(backend.calls[1]?.query?.cursor).toBe('c1')
    expect(w.byTestId('load-older')).toBeNull()
  })

  it('shows intent, segment, sentiment and churn risk with their reasons', async () => {
    const base = thread()
    const view = thread({
      contact: {
        ...base.contact!,
        intent: {
          value: 'price_discount',
          confidence: 0.9,
          reason: 'asked for a discount twice',
          at: isoIn(-HOUR),
        },
        segment: { value: 'high_intent', reason: 'asked for prices this week', at: isoIn(-HOUR) },
        sentiment: { score: 0.2, label: 'negative', reason: 'complained about delivery', at: isoIn(-HOUR) },
        churn_risk: { at_risk: true, level: 'high', reason: 'no order in 90 days', at: isoIn(-HOUR) },
      },
    })
    const w = mount(fakeBackend(threadRoute(view)))
    w.widget.show(RECORD)
    await vi.waitFor(() => expect(w.byTestId('insights')).not.toBeNull())
    expect(w.text('insight-intent')).toBe('Price / discount Why: asked for a discount twice')
    expect(w.text('insight-segment')).toBe('High intent Why: asked for prices this week')
    expect(w.text('insight-sentiment')).toBe('Negative Why: complained about delivery')
    expect(w.text('insight-churn_risk')).toBe('High Why: no order in 90 days')
  })

  it('shows the window open with the time left, or closed', async () => {
    const w = mount(fakeBackend(threadRoute()))
    w.widget.show(RECORD)
    await vi.waitFor(() => expect(w.byTestId('window-status')).not.toBeNull())
    expect(w.text('window-status')).toMatch(/^24-hour window open · 22 h 5\d min left$/)
    const closed = mount(fakeBackend(threadRoute(thread({ window: { state: 'closed', open_until: null } }))))
    closed.widget.show(RECORD)
    await vi.waitFor(() => expect(closed.byTestId('window-status')).not.toBeNull())
    expect(closed.text('window-status')).toBe('24-hour window closed')
  })
})

describe('the clock', () => {
  it('closes the window while the rep looks at it: free text gives way to templates', async () => {
    let now = Date.now()
    const backend = fakeBackend({
      ...threadRoute(thread({ window: { state: 'open', open_until: isoIn(5 * 60_000) } })),
      'GET /api/v1/templates': () => ok({ templates: [] }),
    })
    const w = mount(backend, 'en-US', '+5511999990000', () => now)
    w.widget.show(RECORD)
    await vi.waitFor(() => expect(w.byTestId('composer-text')).not.toBeNull())
    expect(w.text('window-status')).toBe('24-hour window open · 5 min left')
    now += 6 * 60_000
    w.widget.tick()
    expect(w.text('window-status')).toBe('24-hour window closed')
    expect(w.byTestId('composer-text')).toBeNull()
    expect(w.byTestId('window-closed-hint')?.hidden).toBe(false)
    await vi.waitFor(() => expect(w.byTestId('template-none')).not.toBeNull())
  })
})

describe('nothing a customer writes becomes markup', () => {
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b>'

  it('renders hostile text, names, tags, file names and reasons as text', async () => {
    const base = thread()
    const view = thread({
      contact: {
        ...base.contact!,
        name: hostile,
        intent: { value: 'other', confidence: 1, reason: hostile, at: isoIn(0) },
      },
      tags: [tag('x', hostile)],
      messages: [
        message({ id: 'h1', text: hostile }),
        message({
          id: 'h2',
          type: 'document',
          text: hostile,
          media: { id: null, mime_type: null, sha256: null, filename: hostile, url: null },
        }),
        message({
          id: 'h3',
          direction: 'outbound',
          status: 'failed',
          error: { code: 1, title: hostile, details: hostile, reason: null, explanation: null },
        }),
      ],
    })
    const w = mount(fakeBackend(threadRoute(view)))
    w.widget.show(RECORD)
    await vi.waitFor(() => expect(w.byTestId('widget')).not.toBeNull())
    expect(w.text('text-h1')).toBe(hostile)
    expect(w.text('contact-name')).toBe(hostile)
    expect(w.root.querySelectorAll('img, script, b')).toHaveLength(0)
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined()
  })

  it('has no path to HTML parsing in the widget sources', () => {
    const dir = join(import.meta.dirname, '..', 'src')
    const sources = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))
    expect(sources.length).toBeGreaterThan(10)
    for (const file of sources) {
      const code = readFileSync(join(dir, file), 'utf8')
      expect(code, file).not.toMatch(
        /innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment/,
      )
    }
  })
})

describe('composer', () => {
  it('sends free text inside the window with an idempotency key, and shows it queued', async () => {
    const sent = message({
      id: 'sent',
      direction: 'outbound',
      sender: 'agent',
      status: 'queued',
      text: 'Olá!',
    })
    const backend = fakeBackend({
      ...threadRoute(),
      'POST /api/v1/messages': () =>
        ok({ message_id: 'sent', state: 'queued', duplicate: false, message: sent }),
    })
    const w = mount(backend)
    w.widget.show(RECORD)
    await vi.waitFor(() => expect(w.byTestId('composer-text')).not.toBeNull())
    expect(w.byTestId<HTMLButtonElement>('composer-send')?.disabled).toBe(true)
    type(w.byTestId<HTMLTextAreaElement>('composer-text')!, '  Olá!  ')
    w.byTestId('composer-send')?.click()
    await vi.waitFor(() => expect(w.byTestId('send-queued')).not.toBeNull())
    const post = backend.calls.find((c) => c.method === 'POST')
    const body = sendRequestSchema.parse(post?.body)
    expect(body).toMatchObject({
      contact_id: thread().contact?.id,
      content: { type: 'text', text: 'Olá!' },
      sender: 'agent',
    })
    expect(body.idempotency_key).toMatch(/^zoho-/)
    expect(w.text('status-tag-sent')).toBe('Queued')
    expect(w.byTestId<HTMLTextAreaElement>('composer-text')?.value).toBe('')
  })

  it('reuses the idempotency key when the same text is sent again after a timeout', async () => {
    let attempt = 0
    const backend = fakeBackend({
      ...threadRoute(),
      'POST /api/v1/messages': () =>
        ++attempt === 1
          ? {
              ok: false,
              error: {
                kind: 'timeout',
                status: null,
                code: null,
                reason: null,
                message: 'slow',
                requestId: null,
              },
            }
          : ok({
              message_id: 'x',
              state: 'queued',
              duplicate: true,
              message: message({ id: 'x', direction: 'outbound', status: 'queued' }),
            }),
    })
    const w = mount(backend)
    w.widget.show(RECORD)
    await vi.waitFor(() => expect(w.byTestId('composer-text')).not.toBeNull())
    type(w.byTestId<HTMLTextAreaElement>('composer-text')!, 'hello')
    w.byTestId('composer-send')?.click()
    await vi.waitFor(() => expect(w.byTestId('send-error')).not.toBeNull())
    expect(w.text('send-error')).toContain('The server took too long to answer.')
    w.byTestId('composer-send')?.click()
    await vi.waitFor(() => expect(w.byTestId('send-queued')).not.toBeNull())
    const keys = backend.calls.filter((c) => c.method === 'POST').map((c) => c.body?.idempotency_key)
    expect(keys).toHaveLength(2)
    expect(keys[0]).toBe(keys[1])
  })

  it('offers only approved templates outside the window and sends one with its variables', async () => {
    const templates = [
      {
        id: '1',
        name: 'order_update',
        language: 'pt_BR',
        category: 'UTILITY',
        status: 'APPROVED',
        body_params: 1,
        components: [{ type: 'BODY', text: 'Seu pedido {{1}} saiu.' }],
      },
      {
        id: '2',
        name: 'draft',
        language: 'en',
        category: 'MARKETING',
        status: 'PENDING',
        body_params: 0,
        components: [],
      },
    ]
    const backend = fakeBackend({
      ...threadRoute(thread({ window: { state: 'closed', open_until: null } })),
      'GET /api/v1/templates': () => ok({ templates }),
      'POST /api/v1/messages': () =>
        ok({
          message_id: 't',
          state: 'queued',
          duplicate: false,
          message: message({ id: 't', direction: 'outbound', type: 'template', status: 'queued' }),
        }),
    })
    const w = mount(backend)
    w.widget.show(RECORD)
    await vi.waitFor(() => expect(w.byTestId('template-select')).not.toBeNull())
    expect(w.byTestId('window-closed-hint')?.hidden).toBe(false)
    expect(w.byTestId('composer-text')).toBeNull()
    const options = [...w.byTestId<HTMLSelectElement>('template-select')!.options].map((o) => o.value)
    expect(options).toEqual(['', 'order_update|pt_BR'])
    choose(w.byTestId<HTMLSelectElement>('template-select')!, 'order_update|pt_BR')
    expect(w.byTestId<HTMLButtonElement>('composer-send')?.disabled).toBe(true)
    type(w.byTestId<HTMLInputElement>('variable-1')!, 'A-1042')
    expect(w.text('template-preview')).toBe('Seu pedido A-1042 saiu.')
    w.byTestId('composer-send')?.click()
    await vi.waitFor(() => expect(w.byTestId('send-queued')).not.toBeNull())
    const body = sendRequestSchema.parse(backend.calls.find((c) => c.method === 'POST')?.body)
    expect(body.content).toEqual({
      type: 'template',
      name: 'order_update',
      language: 'pt_BR',
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'A-1042' }] }],
    })
  })

  it('previews a quick reply with the contact filled in and lists what is missing', async () => {
    const backend = fakeBackend({
      ...threadRoute(),
      'GET /api/v1/quick-replies': () =>
        ok({
          quick_replies: [
            {
              key: 'hours',
              title: 'Opening hours',
              body: 'Hi {{first_name}}, we open at {{time}} in {{city}}.',
              defaults: { city: 'São Paulo' },
            },
          ],
        }),
      'POST /api/v1/messages': () =>
        ok({
          message_id: 'q',
          state: 'queued',
          duplicate: false,
          message: message({ id: 'q', direction: 'outbound', status: 'queued' }),
        }),
    })
    const w = mount(backend)
    w.widget.show(RECORD)
    await vi.waitFor(() => expect(w.byTestId('composer-mode')).not.toBeNull())
    choose(w.byTestId<HTMLSelectElement>('composer-mode')!, 'quick_reply')
    await vi.waitFor(() => expect(w.byTestId('quick-reply-select')).not.toBeNull())
    choose(w.byTestId<HTMLSelectElement>('quick-reply-select')!, 'hours')
    expect(w.text('quick-reply-preview')).toBe('Hi Maria, we open at {{time}} in São Paulo.')
    expect(w.text('quick-reply-missing')).toBe('Fill in: time')
    type(w.byTestId<HTMLInputElement>('variable-time')!, '9:00')
    expect(w.text('quick-reply-preview')).toBe('Hi Maria, we open at 9:00 in São Paulo.')
    w.byTestId('composer-send')?.click()
    await vi.waitFor(() => expect(w.byTestId('send-queued')).not.toBeNull())
    const body = sendRequestSchema.parse(backend.calls.find((c) => c.method === 'POST')?.body)
    expect(body.content).toEqual({ type: 'quick_reply', key: 'hours', variables: { time: '9:00' } })
  })

  it('explains a refusal in plain language', async () => {
    const backend = fakeBackend({
      ...threadRoute(),
      'POST /api/v1/messages': () => envelope('send_refused', 'refused', 'window_closed_template_required'),
    })
    const w = mount(backend)
    w.widget.show(RECORD)
    await vi.waitFor(() => expect(w.byTestId('composer-text')).not.toBeNull())
    type(w.byTestId<HTMLTextAreaElement>('composer-text')!, 'hi')
    w.byTestId('composer-send')?.click()
    await vi.waitFor(() => expect(w.byTestId('send-refused')).not.toBeNull())
    expect(w.text('send-refused')).toContain('WhatsApp only allows an approved template until they reply.')
  })
})

describe('tags and takeover', () => {
  it('adds and removes tags through the backend', async () => {
    const backend = fakeBackend({
      ...threadRoute(thread({ tags: [tag('vip', 'VIP')] })),
      'POST /api/v1/contacts/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/tags': (r) =>
        ok({ tags: [tag('vip', 'VIP'), tag(String(r.body?.key), String(r.body?.label))] }),
      'DELETE /api/v1/contacts/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/tags/vip': () => ok({ tags: [] }),
    })
    const w = mount(backend)
    w.widget.show(RECORD)
    await vi.waitFor(() => expect(w.byTestId('tag-input')).not.toBeNull())
    type(w.byTestId<HTMLInputElement>('tag-input')!, 'Atacado São Paulo')
    w.byTestId('tag-add')?.click()
    await vi.waitFor(() => expect(w.byTestId('tag-atacado_sao_paulo')).not.toBeNull())
    expect(backend.calls.at(-1)?.body).toEqual({ key: 'atacado_sao_paulo', label: 'Atacado São Paulo' })
    expect(w.byTestId<HTMLInputElement>('tag-input')?.value).toBe('')
    w.byTestId('tag-remove-vip')?.click()
    await vi.waitFor(() => expect(w.byTestId('tags-none')).not.toBeNull())
  })

  it('takes the conversation over and shows until when automation is paused', async () => {
    const until = isoIn(12 * HOUR)
    const backend = fakeBackend({
      ...threadRoute(),
      'POST /api/v1/contacts/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/takeover': () =>
        ok({ automation_paused_until: until }),
    })
    const w = mount(backend)
    w.widget.show(RECORD)
    await vi.waitFor(() => expect(w.byTestId('takeover-toggle')).not.toBeNull())
    expect(w.text('takeover-state')).toBe('Automation is active for this contact')
    const toggle = w.byTestId<HTMLInputElement>('takeover-toggle')!
    toggle.checked = true
    toggle.dispatchEvent(new Event('change'))
    await vi.waitFor(() => expect(w.text('takeover-state')).toMatch(/^Automation paused until /))
    expect(backend.calls.at(-1)?.body).toEqual({ hours: 12 })
  })
})

describe('languages', () => {
  it('speaks zh and pt', async () => {
    const zh = mount(
      fakeBackend(threadRoute(thread({ window: { state: 'closed', open_until: null } }))),
      'zh-CN',
    )
    zh.widget.show(RECORD)
    await vi.waitFor(() => expect(zh.byTestId('window-status')).not.toBeNull())
    expect(zh.text('window-status')).not.toBe('24-hour window closed')
    expect(zh.text('window-status')).toMatch(/[\u4e00-\u9fff]/)
    const pt = mount(fakeBackend(threadRoute(thread({ contact: null, messages: [] }))), 'pt-BR')
    pt.widget.show(RECORD)
    await vi.waitFor(() => expect(pt.byTestId('empty')).not.toBeNull())
    expect(pt.text('empty')).toContain('WhatsApp')
    expect(pt.text('empty')).not.toContain('No WhatsApp conversation yet')
  })
})
