import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Client } from '@hubspot/api-client'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { checkHubspotSignatureV3 } from '../../../backend/src/crm/hubspot/request-signature'
import { type HubspotSimulator, startHubspotSimulator } from './index'

const SECRET = 'webhook-test-secret-0123456789'
const PORTAL = 901

interface Delivery {
  url: string
  headers: Record<string, string | string[] | undefined>
  body: string
  events: Array<Record<string, unknown>>
}

/** The app's webhook endpoint: records every delivery and answers the queued statuses (then 200). */
class Receiver {
  deliveries: Delivery[] = []
  statuses: number[] = []
  url = ''
  private server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => {
      body += chunk
    })
    req.on('end', () => {
      this.deliveries.push({ url: req.url ?? '', headers: req.headers, body, events: JSON.parse(body) })
      res.statusCode = this.statuses.shift() ?? 200
      res.end()
    })
  })

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhooks/hubspot?source=sim`
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()))
  }

  reset(): void {
    this.deliveries = []
    this.statuses = []
  }
}

const receiver = new Receiver()
let sim: HubspotSimulator

beforeAll(async () => {
  await receiver.start()
  sim = await startHubspotSimulator({ clientSecret: SECRET, webhookRetryDelayMs: 10 })
  sim.setWebhookTarget(receiver.url)
})
afterAll(async () => {
  await sim.close()
  await receiver.close()
})
beforeEach(() => receiver.reset())

function verify(d: Delivery) {
  return checkHubspotSignatureV3({
    secret: SECRET,
    method: 'POST',
    url: receiver.url,
    body: d.body,
    timestamp: d.headers['x-hubspot-request-timestamp'] as string,
    signature: d.headers['x-hubspot-signature-v3'] as string,
  })
}

describe('webhooks for changes made in HubSpot', () => {
  it('delivers contact.creation and one contact.propertyChange per edited property, signed v3', async () => {
    const id = await sim.createContact(PORTAL, { firstname: 'Rita', phone: '+15550100001' })
    await sim.editContact(
      PORTAL,
      id,
      { phone: '+15550100002', lastname: 'Reyes', firstname: 'Rita' },
      { at: 1_795_000_000_000 },
    )
    expect(receiver.deliveries).toHaveLength(2)
    for (const d of receiver.deliveries) {
      expect(verify(d)).toBe('valid')
      expect(d.headers['content-type']).toBe('application/json')
    }
    expect(receiver.deliveries[0].events).toEqual([
      expect.objectContaining({
        subscriptionType: 'contact.creation',
        portalId: PORTAL,
        objectId: Number(id),
        changeSource: 'CRM_UI',
        attemptNumber: 0,
        eventId: expect.any(Number),
        subscriptionId: expect.any(Number),
        appId: expect.any(Number),
        occurredAt: expect.any(Number),
        sourceId: expect.stringMatching(/^userId:/),
      }),
    ])
    const changes = receiver.deliveries[1].events
    expect(changes.map((e) => [e.subscriptionType, e.propertyName, e.propertyValue])).toEqual([
      ['contact.propertyChange', 'phone', '+15550100002'],
      ['contact.propertyChange', 'lastname', 'Reyes'],
    ])
    expect(changes.every((e) => e.occurredAt === 1_795_000_000_000)).toBe(true)
    expect(sim.contacts(PORTAL).find((c) => c.id === id)?.properties.phone).toBe('+15550100002')
  })

  it('retries a delivery answered 500 with the next attemptNumber and a fresh signature', async () => {
    receiver.statuses = [500]
    const id = await sim.createContact(PORTAL, { firstname: 'Retry' })
    expect(receiver.deliveries).toHaveLength(2)
    expect(receiver.deliveries.map((d) => d.events[0].attemptNumber)).toEqual([0, 1])
    expect(receiver.deliveries.map((d) => d.events[0].objectId)).toEqual([Number(id), Number(id)])
    expect(receiver.deliveries.map(verify)).toEqual(['valid', 'valid'])
    expect(sim.webhookAttempts.slice(-2).map((a) => a.status)).toEqual([500, 200])
  })

  it('gives up at once on a 4xx HubSpot does not retry', async () => {
    receiver.statuses = [404]
    await sim.createContact(PORTAL, { firstname: 'Gone' })
    expect(receiver.deliveries).toHaveLength(1)
  })

  it('merges contacts: contact.merge event, associations and reads move to the primary', async () => {
    const primary = await sim.createContact(PORTAL, { firstname: 'Primary', email: 'p@example.com' })
    const merged = await sim.createContact(PORTAL, { lastname: 'Merged', email: 'm@example.com' })
    const hubspot = new Client({ accessToken: sim.issueToken(PORTAL).accessToken, basePath: sim.url })
    const comm = await hubspot.crm.objects.communications.basicApi.create({
      properties: { hs_communication_channel_type: 'WHATS_APP', hs_communication_logged_from: 'CRM' },
      associations: [
        {
          to: { id: merged },
          types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 81 }],
        },
      ],
    })
    receiver.reset()
    await sim.mergeContacts(PORTAL, primary, merged)
    expect(receiver.deliveries[0].events).toEqual([
      expect.objectContaining({
        subscriptionType: 'contact.merge',
        primaryObjectId: Number(primary),
        mergedObjectIds: [Number(merged)],
        newObjectId: Number(primary),
      }),
    ])
    expect(sim.associations(PORTAL, 'communications', comm.id)).toEqual([
      { toType: 'contacts', toId: primary, typeId: 81 },
    ])
    const read = await hubspot.crm.contacts.basicApi.getById(merged, ['firstname', 'lastname'])
    expect(read.id).toBe(primary)
    expect(read.properties).toMatchObject({ firstname: 'Primary', lastname: 'Merged' })
    expect(sim.contacts(PORTAL).map((c) => c.id)).not.toContain(merged)
  })

  it('deletes a contact: contact.deletion event and 404 on read', async () => {
    const id = await sim.createContact(PORTAL, { firstname: 'Doomed' })
    receiver.reset()
    await sim.deleteContact(PORTAL, id)
    expect(receiver.deliveries[0].events[0]).toMatchObject({
      subscriptionType: 'contact.deletion',
      objectId: Number(id),
    })
    const hubspot = new Client({ accessToken: sim.issueToken(PORTAL).accessToken, basePath: sim.url })
    expect((await hubspot.crm.contacts.basicApi.getById(id).catch((e) => e)).code).toBe(404)
  })
})

describe('webhooks for the app’s own API writes', () => {
  it('sends none by default and INTEGRATION events with deliverOwnChanges', async () => {
    const hubspot = new Client({ accessToken: sim.issueToken(PORTAL).accessToken, basePath: sim.url })
    await hubspot.crm.contacts.basicApi.create({ properties: { firstname: 'Quiet' } })
    await sim.webhooksIdle()
    expect(receiver.deliveries).toHaveLength(0)

    const loud = await startHubspotSimulator({ clientSecret: SECRET, deliverOwnChanges: true })
    try {
      loud.setWebhookTarget(receiver.url)
      const client = new Client({ accessToken: loud.issueToken(PORTAL).accessToken, basePath: loud.url })
      const created = await client.crm.contacts.basicApi.create({ properties: { firstname: 'Loud' } })
      await client.crm.contacts.basicApi.update(created.id, { properties: { firstname: 'Louder' } })
      await loud.webhooksIdle()
      const events = receiver.deliveries.flatMap((d) => d.events)
      events.sort((a, b) => Number(a.eventId) - Number(b.eventId))
      expect(events.map((e) => [e.subscriptionType, e.changeSource])).toEqual([
        ['contact.creation', 'INTEGRATION'],
        ['contact.propertyChange', 'INTEGRATION'],
      ])
    } finally {
      await loud.close()
    }
  })
})
