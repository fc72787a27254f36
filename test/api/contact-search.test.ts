import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contacts } from '../../backend/src/db/schema'
import { ENGINES } from '../support/test-db'
import { startTestRuntime, type TestRuntime } from '../support/test-runtime'

interface Found {
  id: string
  name: string | null
  profile_name: string | null
  phone_e164: string | null
  language: string | null
}

/** GET /api/v1/contacts: the console's contact picker, by phone prefix and/or name, paged. */
describe.each(ENGINES)('contact search on %s', (engine) => {
  let rt: TestRuntime
  let keyA: string
  let keyB: string

  const search = async (query: string, key = keyA) => {
    const res = await rt.api(`/api/v1/contacts?${query}`, { key })
    return { status: res.status, body: await res.json() }
  }
  const names = (found: Found[]) => found.map((c) => c.name ?? c.profile_name)

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    const made: { id: string; key: string }[] = []
    for (const name of ['Loja A', 'Loja B']) {
      const res = await rt.api('/api/v1/workspaces', { method: 'POST', json: { name } })
      const { id, api_key: key } = await res.json()
      made.push({ id, key })
    }
    const [a, b] = made as [{ id: string; key: string }, { id: string; key: string }]
    keyA = a.key
    keyB = b.key
    await rt.db.db.insert(contacts).values([
      { workspaceId: a.id, phoneE164: '+5511987650001', name: 'Ana Souza', language: 'pt' },
      { workspaceId: a.id, phoneE164: '+5511987650002', name: 'bruno lima' },
      { workspaceId: a.id, phoneE164: '+5521987650003', profileName: 'Carla 100%_off' },
      { workspaceId: a.id, phoneE164: '+14155550100', name: 'Dana Smith' },
      { workspaceId: a.id, phoneE164: null, name: 'Eva (username only)' },
      { workspaceId: b.id, phoneE164: '+5511987650009', name: 'Ana Secreta' },
    ])
  })
  afterAll(async () => rt?.close())

  it('finds by phone prefix with or without "+" and spaces, and by the full E.164 number', async () => {
    expect(names((await search('phone=%2B5511')).body.contacts)).toEqual(['Ana Souza', 'bruno lima'])
    expect(names((await search('phone=55%2011')).body.contacts)).toEqual(['Ana Souza', 'bruno lima'])
    const exact = (await search('phone=%2B5521987650003')).body.contacts as Found[]
    expect(exact).toEqual([
      {
        id: expect.any(String),
        name: null,
        profile_name: 'Carla 100%_off',
        phone_e164: '+5521987650003',
        language: null,
      },
    ])
  })

  it('finds by part of the name or profile name in any case; % and _ are plain characters', async () => {
    expect(names((await search('name=ANA')).body.contacts)).toEqual(['Ana Souza', 'Dana Smith'])
    expect(names((await search('name=100%25_')).body.contacts)).toEqual(['Carla 100%_off'])
    expect((await search('name=%25')).body.contacts).toHaveLength(1)
    expect(names((await search('name=a&phone=%2B1')).body.contacts)).toEqual(['Dana Smith'])
  })

  it('pages in name order with a cursor, with no gap or repeat', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: { status: number; body: { contacts: Found[]; next_cursor: string | null } } = await search(
        `limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      )
      expect(page.status).toBe(200)
      expect(page.body.contacts.length).toBeLessThanOrEqual(2)
      seen.push(...(names(page.body.contacts) as string[]))
      cursor = page.body.next_cursor
    } while (cursor)
    expect(seen).toEqual(['Ana Souza', 'bruno lima', 'Carla 100%_off', 'Dana Smith', 'Eva (username only)'])
  })

  it('refuses a phone with no digits and a cursor it did not give, naming the field', async () => {
    const phone = await search('phone=abc')
    expect(phone.status).toBe(400)
    expect(phone.body.error.details[0].path).toBe('phone')
    const cursor = await search('cursor=bm90LWEtY3Vyc29y')
    expect(cursor.status).toBe(400)
    expect(cursor.body.error.message).toBe('cursor is not one this API returned.')
  })

  it("never lists another workspace's contacts", async () => {
    expect(names((await search('name=ana', keyB)).body.contacts)).toEqual(['Ana Secreta'])
    expect(names((await search('phone=%2B5511', keyB)).body.contacts)).toEqual(['Ana Secreta'])
    expect(names((await search('name=Secreta')).body.contacts)).toEqual([])
  })
})
