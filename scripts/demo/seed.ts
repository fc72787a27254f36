/**
 * Seeds the demo workspace the way a customer's admin and their customers would: every step goes
 * through the product's own API, its OAuth installs and Meta-signed webhooks, never by writing rows.
 */

import type { CustomerSide } from './customer-side'
import { BROADCAST_TAG, CUSTOMERS, type DemoCustomer, NUMBERS } from './customers'
import type { DemoStack } from './stack'

/** What the seed made, for the demo's pages and for anyone checking the demo (its test). */
export interface DemoSeed {
  channels: Record<string, string>
  connections: { hubspot: string; salesforce: string; zoho: string }
  hubspotPortalId: number
  salesforceOrgId: string
  zohoOrgId: string
  /** The key the Zoho widget's connection carries (the admin pastes it into Zoho). */
  zohoCardKey: string
  contacts: { id: string; phone: string; name: string; language: string }[]
  broadcastId: string
  reviewItemId: string
}

export const HUBSPOT_PORTAL = 7_100_001

type Api = <T = Record<string, unknown>>(
  path: string,
  init?: { method?: string; json?: unknown },
) => Promise<T>

/** The admin's API, called over HTTP with the demo's admin key; any non-2xx stops the seed. */
export function adminApi(stack: DemoStack): Api {
  return async (path, init = {}) => {
    const res = await fetch(`${stack.backendUrl}${path}`, {
      method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
      headers: {
        authorization: `Bearer ${stack.secrets.adminKey}`,
        ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
        accept: 'application/json',
      },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    })
    const text = await res.text()
    if (!res.ok)
      throw new Error(`${init.method ?? 'GET'} ${path} answered ${res.status}: ${text.slice(0, 300)}`)
    return (text ? JSON.parse(text) : {}) as never
  }
}

export async function until<T>(what: string, read: () => Promise<T | null | undefined | false>, ms = 20_000) {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await read()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

export async function seedDemo(
  stack: DemoStack,
  customers: CustomerSide,
  progress: (line: string) => void,
): Promise<DemoSeed> {
  const api = adminApi(stack)
  const { whatsapp } = stack

  progress('registering two WhatsApp numbers (ownership checked against the simulated Meta account)')
  const channels: Record<string, string> = {}
  for (const n of NUMBERS) {
    whatsapp.addNumber({ ...n, tierLimit: 1000, verifiedName: n.verifiedName })
    whatsapp.grant(stack.secrets.whatsappToken, n.wabaId)
    const res = await api<{ channel: { id: string } }>('/api/v1/channels', {
      json: {
        phone_number_id: n.phoneNumberId,
        display_phone_number: `+${n.displayPhoneNumber}`,
        default_region: n.region,
        waba_id: n.wabaId,
        access_token: stack.secrets.whatsappToken,
      },
    })
    channels[n.key] = res.channel.id
  }
  await api('/api/v1/templates/sync', { json: {} })
  // A real workspace starts with the default rules' sends off (connecting a number must not start
  // answering customers unannounced); the demo's customers are simulated, so it shows them working.
  progress("switching the default rules' automatic replies on (a new workspace starts with them off)")
  await api('/api/v1/settings/automation', { method: 'PUT', json: { default_pack_sends: true } })

  progress('installing HubSpot, Salesforce and Zoho CRM through their (simulated) OAuth')
  const hubspot = await install(stack, 'hubspot', (redirectUri) => ({
    code: stack.hubspot.authorize(HUBSPOT_PORTAL, { redirectUri }),
  }))
  const sfOrg = stack.salesforce.org(undefined, { sandbox: false })
  const salesforce = await install(stack, 'salesforce', (redirectUri) => ({
    code: stack.salesforce.authorize(sfOrg.orgId, { redirectUri }),
  }))
  const zohoOrg = stack.zoho.org({ dc: 'com' })
  const zoho = await install(stack, 'zoho', (redirectUri) => {
    const grant = stack.zoho.authorize(zohoOrg.orgId, { redirectUri })
    return { code: grant.code, location: grant.location, 'accounts-server': grant.accountsServer }
  })
  const cardKey = await api<{ key: string }>(`/api/v1/connections/${zoho}/card-key`, { json: {} })

  progress(
    `${CUSTOMERS.length} customers write in English, Portuguese, Spanish and Chinese (signed webhooks)`,
  )
  const contacts: DemoSeed['contacts'] = []
  for (const c of CUSTOMERS) contacts.push(await converse(api, customers, c))

  progress('agents answer, contacts are tagged and segmented')
  for (const [i, c] of CUSTOMERS.entries()) {
    const contact = contacts[i] as DemoSeed['contacts'][number]
    if (c.agentAnswer)
      await api('/api/v1/messages', {
        json: {
          contact_id: contact.id,
          channel_id: channels[c.number],
          content: { type: 'text', text: c.agentAnswer },
          sender: 'agent',
          idempotency_key: `demo-answer-${c.waId}`,
        },
      })
    for (const tag of c.tags) await api(`/api/v1/contacts/${contact.id}/tags`, { json: tag })
    if (c.segment)
      await api(`/api/v1/contacts/${contact.id}`, { method: 'PATCH', json: { segment: c.segment } })
  }

  progress(`a broadcast of the approved template hello_world to the tag "${BROADCAST_TAG}"`)
  const broadcast = await api<{ id: string }>('/api/v1/broadcasts', {
    json: {
      name: 'Spring collection launch',
      channel_id: channels.us,
      template: { name: 'hello_world', language: 'en_US' },
      audience: { tag: BROADCAST_TAG },
    },
  })

  progress('a rep edits a contact in HubSpot while it changed here too: a conflict for the review queue')
  const reviewItemId = await conflictInReview(stack, api, contacts[0] as DemoSeed['contacts'][number])

  return {
    channels,
    connections: { hubspot, salesforce, zoho },
    hubspotPortalId: HUBSPOT_PORTAL,
    salesforceOrgId: sfOrg.orgId,
    zohoOrgId: zohoOrg.orgId,
    zohoCardKey: cardKey.key,
    contacts,
    broadcastId: broadcast.id,
    reviewItemId,
  }
}

/**
 * An admin's install: the backend hands out the CRM's authorize URL, the (simulated) CRM approves
 * and issues a code for our redirect URI, and the browser comes back to the backend's callback.
 */
async function install(
  stack: DemoStack,
  crm: 'hubspot' | 'salesforce' | 'zoho',
  approve: (redirectUri: string) => Record<string, string>,
): Promise<string> {
  const api = adminApi(stack)
  const start = await api<{ authorize_url: string }>(`/api/v1/connections/${crm}/install`, { json: {} })
  const authorize = new URL(start.authorize_url)
  const query = new URLSearchParams({
    ...approve(authorize.searchParams.get('redirect_uri') as string),
    state: authorize.searchParams.get('state') as string,
  })
  const res = await fetch(`${stack.backendUrl}/oauth/${crm}/callback?${query}`, {
    headers: { accept: 'application/json' },
  })
  if (!res.ok) throw new Error(`${crm} install answered ${res.status}: ${(await res.text()).slice(0, 300)}`)
  return ((await res.json()) as { connection_id: string }).connection_id
}

async function converse(api: Api, customers: CustomerSide, c: DemoCustomer) {
  const number = NUMBERS.find((n) => n.key === c.number) as (typeof NUMBERS)[number]
  for (const text of c.writes)
    await customers.write({ waId: c.waId, name: c.name, phoneNumberId: number.phoneNumberId }, text)
  const phone = `+${c.waId}`
  const last = c.writes.at(-1)
  const view = await until(`${c.name}'s messages in the thread`, async () => {
    const v = await api<{ contact: { id: string } | null; messages: { text: string | null }[] }>(
      `/api/v1/thread?phone=${encodeURIComponent(phone)}`,
    )
    return v.contact && v.messages.some((m) => m.text === last) ? v : null
  })
  return { id: (view.contact as { id: string }).id, phone, name: c.name, language: c.language }
}

/**
 * The review queue's first item, made as it happens: the contact's segment changes here while a rep
 * sets another one in HubSpot (an older edit); ours wins on both sides and HubSpot's value waits
 * for a person in the review queue.
 */
async function conflictInReview(
  stack: DemoStack,
  api: Api,
  contact: DemoSeed['contacts'][number],
): Promise<string> {
  const record = await until(
    `${contact.name} in HubSpot`,
    async () =>
      stack.hubspot
        .contacts(HUBSPOT_PORTAL)
        .find((r) => Object.values(r.properties).some((v) => v === contact.phone)) ?? null,
  )
  const before = Date.now() - 5_000
  await api(`/api/v1/contacts/${contact.id}`, { method: 'PATCH', json: { segment: 'high_intent' } })
  await stack.hubspot.editContact(HUBSPOT_PORTAL, record.id, { scrm_segment: 'lost' }, { at: before })
  const item = await until('the conflict in the review queue', async () => {
    const review = await api<{ items: { id: string; field: string; contact_id: string }[] }>(
      '/api/v1/review?status=open',
    )
    return review.items.find((i) => i.field === 'segment' && i.contact_id === contact.id) ?? null
  })
  return item.id
}
