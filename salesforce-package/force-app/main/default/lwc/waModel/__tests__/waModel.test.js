import { readThread } from 'c/waModel'

const thread = (fields) => ({
  contact: null,
  tags: [],
  window: { state: 'closed', open_until: null },
  messages: [],
  next_cursor: null,
  ...fields,
})

describe('readThread: archived history', () => {
  it('keeps the month before which the history is archived', () => {
    expect(readThread(thread({ archived_before: '2025-11' })).archived_before).toBe('2025-11')
    expect(readThread(thread({ archived_before: '2026-01', next_cursor: 'c1' })).archived_before).toBe(
      '2026-01',
    )
  })

  it('reads null and an absent field (an older server) as nothing archived', () => {
    expect(readThread(thread({ archived_before: null })).archived_before).toBeNull()
    expect(readThread(thread({})).archived_before).toBeNull()
  })

  it.each([
    '<img src=x>',
    '2025-11<img src=x onerror=alert(1)>',
    ' 2025-11',
    '2025-11-01',
    '2025-13',
    '2025-00',
    '25-11',
    '',
    202511,
    { month: '2025-11' },
    ['2025-11'],
    true,
  ])('reads %p as nothing archived, keeping the thread', (value) => {
    const read = readThread(thread({ archived_before: value, messages: [] }))
    expect(read.archived_before).toBeNull()
    expect(read.window.state).toBe('closed')
  })
})
