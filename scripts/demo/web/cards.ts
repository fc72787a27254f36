/**
 * The card preview: one customer's record as each CRM shows it. HubSpot and Salesforce: the thread
 * view (the cards' shared contract, @scrm/shared) laid out like the cards; Zoho: the built widget
 * in a frame, with the demo playing Zoho's SDK.
 */
import type { ThreadView } from '@scrm/shared'
import { byTestId, el, getJson, option, time } from './dom'

interface Person {
  wa_id: string
  name: string
}

const personSelect = byTestId<HTMLSelectElement>('person')
const errorLine = byTestId('error')
const rendered = new Map<string, string>()

function cardOf(view: ThreadView): Node[] {
  const c = view.contact
  if (!c) return [el('p', { className: 'empty', testId: 'card-empty' }, 'No WhatsApp conversation yet.')]
  const chips: Node[] = []
  if (c.segment) chips.push(el('span', { className: 'chip segment' }, `Segment: ${c.segment.value}`))
  if (c.priority) chips.push(el('span', { className: 'chip' }, `Priority: ${c.priority.value}`))
  if (c.intent) chips.push(el('span', { className: 'chip' }, `Intent: ${c.intent.value}`))
  for (const tag of view.tags) chips.push(el('span', { className: 'chip', testId: 'card-tag' }, tag.label))
  const window =
    view.window.state === 'open' && view.window.open_until
      ? `24-hour window open until ${time(view.window.open_until)}`
      : '24-hour window closed: templates only'
  const messages = [...view.messages].sort((a, b) => a.sent_at.localeCompare(b.sent_at))
  return [
    el('div', { className: 'who', testId: 'card-name' }, c.name ?? c.profile_name ?? c.phone ?? ''),
    el('div', { className: 'hint' }, c.phone ?? ''),
    el('div', { className: 'chips' }, el('span', { className: 'chip window' }, window), ...chips),
    el(
      'div',
      { className: 'card-thread' },
      ...messages.map((m) =>
        el(
          'div',
          { className: `msg ${m.direction}`, testId: 'card-message' },
          m.text ?? `[${m.type}]`,
          el(
            'span',
            { className: 'meta' },
            `${time(m.sent_at)} · ${m.direction === 'inbound' ? 'customer' : m.sender} · ${m.status}`,
          ),
        ),
      ),
    ),
  ]
}

async function refreshCards() {
  const waId = personSelect.value
  if (!waId) return
  try {
    const view = await getJson<ThreadView>(`/demo/api/card?wa_id=${waId}`)
    const key = JSON.stringify(view)
    for (const slot of ['hubspot-card', 'salesforce-card']) {
      if (rendered.get(slot) === key) continue
      rendered.set(slot, key)
      byTestId(slot).replaceChildren(...cardOf(view))
    }
    errorLine.textContent = ''
  } catch (error) {
    errorLine.textContent = (error as Error).message
  }
}

async function showZoho() {
  const slot = byTestId('zoho-slot')
  const waId = personSelect.value
  if (!waId) return slot.replaceChildren()
  try {
    const record = await getJson<{ entity: string; id: string }>(`/demo/api/zoho-record?wa_id=${waId}`)
    const frame = el('iframe', { className: 'zoho-frame', testId: 'zoho-frame' })
    frame.title = 'Zoho CRM widget'
    frame.src = `/zoho/app/widget.html?${new URLSearchParams({ entity: record.entity, id: record.id })}`
    slot.replaceChildren(frame)
  } catch {
    slot.replaceChildren(
      el(
        'p',
        { className: 'empty' },
        'This person is not in Zoho CRM yet (the sync adds them within seconds).',
      ),
    )
    // Look again shortly, unless another person was picked meanwhile.
    setTimeout(() => {
      if (personSelect.value === waId) void showZoho()
    }, 2000)
  }
}

async function start() {
  const { people } = await getJson<{ people: Person[] }>('/demo/api/people')
  personSelect.replaceChildren(...people.map((p) => option(p.wa_id, `${p.name} (+${p.wa_id})`)))
  const fromUrl = new URLSearchParams(location.search).get('wa_id')
  if (fromUrl && people.some((p) => p.wa_id === fromUrl)) personSelect.value = fromUrl
  personSelect.addEventListener('change', () => {
    rendered.clear()
    void refreshCards()
    void showZoho()
  })
  await Promise.all([refreshCards(), showZoho()])
  setInterval(() => void refreshCards(), 2000)
}

start().catch((error: Error) => {
  errorLine.textContent = error.message
})
