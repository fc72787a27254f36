/**
 * The customer phone: the visitor is a WhatsApp customer. Sending posts to the demo process, which
 * has the WhatsApp simulator deliver a Meta-signed webhook to the backend; the chat polls the
 * simulator's view of the conversation, so replies and automation appear as the backend sends them.
 */
import { byTestId, el, getJson, option, time } from './dom'

interface Person {
  wa_id: string
  name: string
  language: string
  /** The business number they write to. */
  number: string
}
interface BusinessNumber {
  phone_number_id: string
  display: string
  name: string
}
interface PhoneMessage {
  id: string
  from: 'customer' | 'business'
  text: string
  at: string
  outcome?: string
}

const NEW = ''
const personSelect = byTestId<HTMLSelectElement>('person')
const newNumber = byTestId<HTMLInputElement>('new-number')
const newName = byTestId<HTMLInputElement>('new-name')
const business = byTestId<HTMLSelectElement>('business')
const chat = byTestId('chat')
const errorLine = byTestId('error')
const textInput = byTestId<HTMLInputElement>('text')
const sendButton = byTestId<HTMLButtonElement>('send')
let numbers: BusinessNumber[] = []
let shown = ''

const LANGUAGE = { en: 'English', pt: 'Português', es: 'Español', zh: '中文' } as Record<string, string>

/** The customer the page speaks as: the typed number when there is one, else the chosen customer. */
function me(): { waId: string; name?: string } | null {
  const typed = newNumber.value.replace(/\D/g, '')
  if (typed) return { waId: typed, name: newName.value.trim() || undefined }
  return personSelect.value ? { waId: personSelect.value } : null
}

function renderHeader() {
  const n = numbers.find((x) => x.phone_number_id === business.value)
  byTestId('business-name').textContent = n ? `${n.name} · ${n.display}` : ''
  const who = me()
  byTestId('me').textContent = who ? `You are +${who.waId}` : 'Pick a customer or type a number'
}

function renderChat(messages: PhoneMessage[]) {
  const key = JSON.stringify(messages.map((m) => [m.id, m.outcome]))
  if (key === shown) return
  shown = key
  const atBottom = chat.scrollTop + chat.clientHeight >= chat.scrollHeight - 20
  if (messages.length === 0) {
    chat.replaceChildren(el('p', { className: 'empty' }, 'No messages yet. Say hello!'))
    return
  }
  chat.replaceChildren(
    ...messages.map((m) =>
      el(
        'div',
        { className: `bubble ${m.from}`, testId: `msg-${m.from}` },
        m.text,
        el(
          'span',
          { className: 'meta' },
          `${time(m.at)}${m.from === 'business' && m.outcome ? ` · ${m.outcome}` : ''}`,
        ),
      ),
    ),
  )
  if (atBottom || messages.at(-1)?.from === 'customer') chat.scrollTop = chat.scrollHeight
}

async function refresh() {
  const who = me()
  if (!who) return renderChat([])
  try {
    const { messages } = await getJson<{ messages: PhoneMessage[] }>(
      `/demo/api/conversation?wa_id=${who.waId}`,
    )
    renderChat(messages)
  } catch (error) {
    errorLine.textContent = (error as Error).message
  }
}

async function send(event: SubmitEvent) {
  event.preventDefault()
  const who = me()
  const text = textInput.value.trim()
  if (!who || !text) return
  sendButton.disabled = true
  errorLine.textContent = ''
  try {
    await getJson('/demo/api/write', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ wa_id: who.waId, name: who.name, phone_number_id: business.value, text }),
    })
    textInput.value = ''
    await refresh()
  } catch (error) {
    errorLine.textContent = (error as Error).message
  } finally {
    sendButton.disabled = false
    textInput.focus()
  }
}

async function start() {
  const data = await getJson<{ people: Person[]; numbers: BusinessNumber[] }>('/demo/api/people')
  numbers = data.numbers
  personSelect.replaceChildren(
    option(NEW, '— choose —'),
    ...data.people.map((p) =>
      option(
        p.wa_id,
        `${p.name} (+${p.wa_id})${p.language ? ` · ${LANGUAGE[p.language] ?? p.language}` : ''}`,
      ),
    ),
  )
  business.replaceChildren(...numbers.map((n) => option(n.phone_number_id, `${n.name} ${n.display}`)))
  const fromUrl = new URLSearchParams(location.search).get('wa_id')
  if (fromUrl && data.people.some((p) => p.wa_id === fromUrl)) personSelect.value = fromUrl
  const followPerson = () => {
    const person = data.people.find((p) => p.wa_id === personSelect.value)
    if (person?.number) business.value = person.number
  }
  followPerson()
  personSelect.addEventListener('change', followPerson)
  for (const input of [personSelect, newNumber, newName, business])
    input.addEventListener(input instanceof HTMLSelectElement ? 'change' : 'input', () => {
      shown = ''
      renderHeader()
      void refresh()
    })
  byTestId<HTMLFormElement>('compose').addEventListener('submit', (e) => void send(e))
  renderHeader()
  await refresh()
  setInterval(() => void refresh(), 1000)
}

start().catch((error: Error) => {
  errorLine.textContent = error.message
})
