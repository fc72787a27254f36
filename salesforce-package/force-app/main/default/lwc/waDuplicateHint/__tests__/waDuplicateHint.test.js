import { createElement } from '@lwc/engine-dom'
import WaDuplicateHint from 'c/waDuplicateHint'
import { readThread } from 'c/waModel'

const THREAD = readThread(require('../../waThread/__tests__/data/thread.json'))

function mount(props) {
  const element = createElement('c-wa-duplicate-hint', { is: WaDuplicateHint })
  Object.assign(element, props)
  document.body.appendChild(element)
  return element
}

const all = (element, id) => [...element.shadowRoot.querySelectorAll(`[data-id="${id}"]`)]

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild)
})

describe('c-wa-duplicate-hint', () => {
  it('names the probable duplicate and says why, each reason in the rep’s language', () => {
    const element = mount({ duplicates: THREAD.duplicates, identityChanges: [] })
    const [hint] = all(element, 'duplicate')
    expect(hint.dataset.candidateId).toBe('41')
    expect(all(element, 'duplicate-title')[0].textContent).toBe(
      'Probably the same person as Ana S. <b>Souza</b>',
    )
    // Known codes use the label; a code this package predates keeps the backend's words.
    expect(all(element, 'duplicate-why')[0].textContent).toBe(
      'Why: uses a number the other used before (+5511911112222), similar name (Ana Souza ~ Ana S. Souza), same loyalty card',
    )
  })

  it('shows a customer-written name as text, never as markup', () => {
    const element = mount({ duplicates: THREAD.duplicates })
    expect(element.shadowRoot.querySelector('b')).toBeNull()
  })

  it('names an unnamed duplicate by its phone', () => {
    const unnamed = [{ candidate_id: '7', other: { id: 'x', name: null, phone: '+15550001' }, reasons: [] }]
    const element = mount({ duplicates: unnamed })
    expect(all(element, 'duplicate-title')[0].textContent).toBe(
      'Probably the same person as another contact (+15550001)',
    )
  })

  it('says the person changed number, and which numbers a merge brought in', () => {
    const element = mount({
      duplicates: [],
      identityChanges: [
        ...THREAD.identity_changes,
        { kind: 'phone', from: '+5511900000000', to: null, reason: 'merge', at: '2026-10-01T10:00:00.000Z' },
        {
          kind: 'bsuid',
          from: 'BR.123',
          to: 'BR.456',
          reason: 'bsuid_change',
          at: '2026-10-01T10:00:00.000Z',
        },
      ],
    })
    const lines = all(element, 'identity-change').map((p) => p.textContent)
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^Changed number from \+5511911112222 to \+5511987654321 on /)
    expect(lines[1]).toMatch(/^Also used \+5511900000000 \(merged on /)
  })

  it('renders nothing when there is no duplicate and no number change', () => {
    const element = mount({ duplicates: [], identityChanges: [] })
    expect(element.shadowRoot.querySelector('[data-id="duplicate-hint"]')).toBeNull()
  })
})
