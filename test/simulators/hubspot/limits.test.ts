import { Client } from '@hubspot/api-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type HubspotSimulator, startHubspotSimulator } from './index'

let sim: HubspotSimulator

beforeEach(async () => {
  sim = await startHubspotSimulator()
})
afterEach(() => sim.close())

/** The real SDK without its own throttling or retries, so the simulator's limits show. */
function sdk(portalId: number) {
  return new Client({
    accessToken: sim.issueToken(portalId).accessToken,
    basePath: sim.url,
    numberOfApiCallRetries: 0,
    limiterOptions: { minTime: 0, maxConcurrent: 20, id: `hubspot-sim-test-${portalId}` },
  })
}

describe('ten-second rolling limit per portal', () => {
  it('answers the 111th request within 10 s with 429 TEN_SECONDLY_ROLLING and logs it', async () => {
    const hubspot = sdk(801)
    const answers = await Promise.all(
      Array.from({ length: 111 }, () =>
        hubspot.crm.contacts.basicApi.getPage(1).then(
          () => 200,
          (e: { code: number; body: unknown; headers: Record<string, string> }) => e,
        ),
      ),
    )
    const ok = answers.filter((a) => a === 200)
    const limited = answers.filter((a) => a !== 200) as Array<{
      code: number
      body: unknown
      headers: Record<string, string>
    }>
    expect(ok).toHaveLength(110)
    expect(limited).toHaveLength(1)
    expect(limited[0].code).toBe(429)
    expect(limited[0].body).toEqual({
      status: 'error',
      message: 'You have reached your ten_secondly_rolling limit.',
      errorType: 'RATE_LIMIT',
      correlationId: expect.any(String),
      policyName: 'TEN_SECONDLY_ROLLING',
      groupName: expect.stringMatching(/^publicapi:oauth:/),
    })
    expect(limited[0].headers).toMatchObject({
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
      'x-hubspot-ratelimit-max': '110',
      'x-hubspot-ratelimit-remaining': '0',
    })
    expect(sim.requests.filter((r) => r.status === 429 && r.portalId === 801)).toHaveLength(1)

    // Other portals have their own window.
    await expect(sdk(802).crm.contacts.basicApi.getPage(1)).resolves.toBeDefined()
  })

  it('counts down X-HubSpot-RateLimit-Remaining on every answer', async () => {
    const { accessToken } = sim.issueToken(803)
    const remaining: string[] = []
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${sim.url}/crm/v3/objects/contacts?limit=1`, {
        headers: { authorization: `Bearer ${accessToken}` },
      })
      remaining.push(res.headers.get('x-hubspot-ratelimit-remaining') ?? '')
    }
    expect(remaining).toEqual(['109', '108', '107'])
  })
})

describe('search limit', () => {
  it('answers the 6th search within a second with "You have reached your secondly limit." and does not count search in the 10 s window', async () => {
    const hubspot = sdk(804)
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        hubspot.crm.contacts.searchApi.doSearch({ filterGroups: [], limit: 1 }).then(
          () => 200,
          (e: { code: number; body: { message: string } }) => e,
        ),
      ),
    )
    const limited = answers.filter((a) => a !== 200) as Array<{ code: number; body: { message: string } }>
    expect(limited).toHaveLength(1)
    expect(limited[0].code).toBe(429)
    expect(limited[0].body.message).toBe('You have reached your secondly limit.')
    const { accessToken } = sim.issueToken(804)
    const res = await fetch(`${sim.url}/crm/v3/objects/contacts?limit=1`, {
      headers: { authorization: `Bearer ${accessToken}` },
    })
    expect(res.headers.get('x-hubspot-ratelimit-remaining')).toBe('109')
  })
})

describe('injected faults', () => {
  it('fails the next matching requests with the given status, then recovers', async () => {
    const { accessToken } = sim.issueToken(805)
    const get = () =>
      fetch(`${sim.url}/crm/v3/objects/contacts`, {
        headers: { authorization: `Bearer ${accessToken}` },
      }).then(
        (r) => r.status,
        () => 'dropped',
      )
    sim.faults.failNext({ method: 'GET', pathPrefix: '/crm/v3/objects/contacts' }, 2, 503)
    sim.faults.failNext({ pathPrefix: '/crm/v3/objects' }, 1, 'drop')
    sim.faults.failNext({ pathPrefix: '/crm' }, 1, 429)
    expect([await get(), await get(), await get(), await get(), await get()]).toEqual([
      503,
      503,
      'dropped',
      429,
      200,
    ])
    expect(sim.requests.map((r) => r.status)).toEqual([503, 503, 0, 429, 200])
  })

  it('lets the SDK retry a 5xx with numberOfApiCallRetries', async () => {
    const hubspot = new Client({
      accessToken: sim.issueToken(806).accessToken,
      basePath: sim.url,
      numberOfApiCallRetries: 2,
    })
    sim.faults.failNext({ pathPrefix: '/crm/v3/objects/contacts' }, 1, 500)
    await expect(hubspot.crm.contacts.basicApi.getPage(1)).resolves.toBeDefined()
    expect(sim.requests.map((r) => r.status)).toEqual([500, 200])
  })
})
