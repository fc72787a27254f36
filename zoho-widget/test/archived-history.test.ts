// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'
import { threadSchema } from '../src/api/schemas'
import { fakeBackend, message, ok, thread } from './fixtures'
import { mount, RECORD } from './render'

const ARCHIVED = 'Older history (before 2025-11) is archived — ask an admin to restore it.'

/** Mounts the widget on one thread answer and waits until the thread is shown. */
async function showThread(view: unknown, locale = 'en-US') {
  const w = mount(fakeBackend({ 'GET /api/v1/thread': () => ok(view) }), locale)
  w.widget.show(RECORD)
  await vi.waitFor(() => expect(w.byTestId('widget')).not.toBeNull())
  return w
}

describe('archived history', () => {
  it('says before which month the history is archived, at the top of the thread', async () => {
    const w = await showThread(thread({ archived_before: '2025-11', next_cursor: null }))
    const notice = w.byTestId('history-archived')
    expect(notice?.textContent).toBe(ARCHIVED)
    expect(notice?.getAttribute('role')).toBe('status')
    expect(notice?.parentElement).toBe(w.byTestId('thread'))
    expect(w.byTestId('thread')?.firstElementChild).toBe(notice)
  })

  it('waits until no older page is left, then says it', async () => {
    const backend = fakeBackend({
      'GET /api/v1/thread': (request) =>
        ok(
          request.query?.cursor
            ? thread({ messages: [message({ id: 'old' })], next_cursor: null, archived_before: '2025-11' })
            : thread({ messages: [message({ id: 'new' })], next_cursor: 'c1', archived_before: '2025-11' }),
        ),
    })
    const w = mount(backend)
    w.widget.show(RECORD)
    await vi.waitFor(() => expect(w.byTestId('load-older')).not.toBeNull())
    expect(w.byTestId('history-archived')).toBeNull()
    w.byTestId('load-older')?.click()
    await vi.waitFor(() => expect(w.byTestId('message-old')).not.toBeNull())
    expect(w.byTestId('load-older')).toBeNull()
    expect(w.text('history-archived')).toBe(ARCHIVED)
  })

  it('says nothing when nothing is archived, or the server does not say', async () => {
    const none = await showThread(thread({ archived_before: null }))
    expect(none.byTestId('history-archived')).toBeNull()
    const older = await showThread(thread())
    expect(older.byTestId('history-archived')).toBeNull()
    expect(older.byTestId('messages')).not.toBeNull()
  })

  it.each(['<img src=x onerror="window.__pwned=1">', '2025-11<b>x</b>', '2025-13', 'November 2025', 202511])(
    'ignores a month that is not YYYY-MM (%j), keeps the thread and never renders it as markup',
    async (month) => {
      expect(threadSchema.parse({ ...thread(), archived_before: month }).archived_before).toBeNull()
      const w = await showThread({ ...thread({ next_cursor: null }), archived_before: month })
      expect(w.byTestId('history-archived')).toBeNull()
      expect(w.byTestId('messages')).not.toBeNull()
      expect(w.root.querySelectorAll('img, b')).toHaveLength(0)
      expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined()
    },
  )

  it.each([
    ['pt-BR', 'O histórico anterior a 2025-11 está arquivado — peça a um administrador para restaurá-lo.'],
    ['es-MX', 'El historial anterior a 2025-11 está archivado: pide a un administrador que lo restaure.'],
    ['zh-CN', '2025-11 之前的历史记录已归档，请联系管理员恢复。'],
  ])('says it in the rep’s language (%s)', async (locale, expected) => {
    const w = await showThread(thread({ archived_before: '2025-11' }), locale)
    expect(w.text('history-archived')).toBe(expected)
  })
})
