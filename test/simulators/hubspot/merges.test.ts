import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Client } from '@hubspot/api-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HubspotSimulator, startHubspotSimulator } from './index'

const PORTAL = 702

/** `POST /crm/v3/objects/contacts/merge` through the real client, and the webhook it sends. */
describe('HubSpot simulator: contact merges', () => {
  let sim: HubspotSimulator
  let hubspot: Client
  const received: Record<string, unknown>[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => {
      body += c
    })
    req.on('end', () => {
      received.push(...JSON.parse(body))
      res.end()
    })
  })

  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    sim = await startHubspotSimulator({ deliverOwnChanges: true })
    sim.setWebhookTarget(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`)
    hubspot = new Client({ accessToken: sim.issueToken(PORTAL).accessToken, basePath: sim.url })
  })
  afterAll(async () => {
    await sim?.close()
    server.close()
  })

  const create = async (properties: Record<string, string>) =>
    (await hubspot.crm.contacts.basicApi.create({ properties, associations: [] })).id

  it('merges into a new record that keeps the primary values, gains the others and answers for both old ids', async () => {
    const primary = await create({ firstname: 'Ana', email: 'ana@example.com' })
    const other = await create({ firstname: 'Aninha', phone: '+5511900000001' })
    await sim.webhooksIdle()
    received.length = 0
    const merged = await hubspot.crm.contacts.basicApi.merge({
      primaryObjectId: primary,
      objectIdToMerge: other,
    })
    expect([primary, other]).not.toContain(merged.id)
    expect(merged.properties).toMatchObject({
      firstname: 'Ana',
      email: 'ana@example.com',
      phone: '+5511900000001',
      hs_merged_object_ids: `${primary};${other}`,
    })
    for (const id of [primary, other])
      expect((await hubspot.crm.contacts.basicApi.getById(id)).id).toBe(merged.id)
    await sim.webhooksIdle()
    expect(received).toEqual([
      expect.objectContaining({
        subscriptionType: 'contact.merge',
        objectId: Number(merged.id),
        primaryObjectId: Number(primary),
        mergedObjectIds: [Number(other)],
        newObjectId: Number(merged.id),
        changeSource: 'INTEGRATION',
      }),
    ])
  })

  it('refuses records already merged (400), unknown ids (404) and a body without both ids (400)', async () => {
    const a = await create({ firstname: 'Bia' })
    const b = await create({ firstname: 'Bea' })
    const merged = await hubspot.crm.contacts.basicApi.merge({ primaryObjectId: a, objectIdToMerge: b })
    const call = (body: unknown) =>
      hubspot.apiRequest({ method: 'POST', path: '/crm/v3/objects/contacts/merge', body: body as object })
    const again = await call({ primaryObjectId: a, objectIdToMerge: b })
    expect(again.status).toBe(400)
    expect(await again.json()).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' })
    const unknown = await call({ primaryObjectId: merged.id, objectIdToMerge: '999999999' })
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ category: 'OBJECT_NOT_FOUND' })
    const missing = await call({ primaryObjectId: merged.id })
    expect(missing.status).toBe(400)
    expect(await missing.json()).toMatchObject({ category: 'VALIDATION_ERROR' })
  })
})
