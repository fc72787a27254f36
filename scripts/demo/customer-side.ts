/**
 * The customers' side of WhatsApp in the demo: what each person wrote (the simulator signs and
 * delivers it to the backend exactly as Meta's webhook does) and what the business sent them (read
 * back from the simulator, which is where the backend's sends land).
 */
import type { CloudApiSimulator, SentRecord } from '../../test/simulators/whatsapp/cloud-api'
import { NUMBERS } from './customers'

export interface PhoneMessage {
  id: string
  from: 'customer' | 'business'
  text: string
  at: string
  /** The business's send as Meta's status webhooks will report it (sent, delivered, read, failed). */
  outcome?: string
}

export interface Person {
  waId: string
  name: string
  /** The business number they write to. */
  phoneNumberId: string
}

export class CustomerSide {
  private readonly people = new Map<string, Person>()
  private readonly written = new Map<string, PhoneMessage[]>()

  constructor(private readonly whatsapp: CloudApiSimulator) {}

  list(): Person[] {
    return [...this.people.values()]
  }

  /** The person writes; resolves once the backend acknowledged the signed delivery. */
  async write(person: Person, text: string): Promise<PhoneMessage> {
    this.people.set(person.waId, person)
    const at = new Date()
    const sent = await this.whatsapp.customerWrote(person.phoneNumberId, person.waId, at, {
      text,
      name: person.name,
    })
    if (!sent.delivered) throw new Error('the backend did not accept the webhook delivery')
    const message: PhoneMessage = { id: sent.id, from: 'customer', text, at: at.toISOString() }
    const thread = this.written.get(person.waId) ?? []
    thread.push(message)
    this.written.set(person.waId, thread)
    return message
  }

  /** Both sides of one person's chat, oldest first. */
  conversation(waId: string): PhoneMessage[] {
    const received = this.whatsapp.sent.filter((s) => s.waId === waId).map(businessMessage)
    return [...(this.written.get(waId) ?? []), ...received].sort((a, b) => a.at.localeCompare(b.at))
  }
}

/** The business numbers a visitor may write to, as the phone page lists them. */
export const businessNumbers = () =>
  NUMBERS.map((n) => ({
    phone_number_id: n.phoneNumberId,
    display: `+${n.displayPhoneNumber}`,
    name: n.verifiedName,
  }))

/** What a customer's phone shows for one send: the text, or a template's or media's words. */
function businessMessage(s: SentRecord): PhoneMessage {
  return {
    id: s.id,
    from: 'business',
    text: describe(s),
    at: new Date(s.acceptedAt).toISOString(),
    outcome: s.outcome,
  }
}

function describe(s: SentRecord): string {
  const body = s.body as Record<string, Record<string, unknown> | undefined>
  switch (s.type) {
    case 'text':
      return String(body.text?.body ?? '')
    case 'template': {
      const template = body.template as { name?: string; components?: { parameters?: { text?: string }[] }[] }
      const params = (template?.components ?? [])
        .flatMap((c) => c.parameters ?? [])
        .map((p) => p.text)
        .filter(Boolean)
      return `[template ${template?.name ?? ''}]${params.length ? ` ${params.join(' · ')}` : ''}`
    }
    default: {
      const media = body[s.type] as { caption?: string } | undefined
      return `[${s.type}]${media?.caption ? ` ${media.caption}` : ''}`
    }
  }
}
