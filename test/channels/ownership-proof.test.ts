import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../backend/src/config'
import { queryRows } from '../../backend/src/db/query-rows'
import { whatsappChannels } from '../../backend/src/db/schema'
import { createLogger } from '../../backend/src/lib/logger'
import { type NumberRef, singleText } from '../simulators/whatsapp/envelopes'
import { metaDelivery } from '../simulators/whatsapp/webhook-sender'
import { ENGINES } from '../support/test-db'
import {
  startTestRuntime,
  TEST_ENV,
  TEST_WHATSAPP_TOKEN,
  type TestResponse,
  type TestRuntime,
} from '../support/test-runtime'

/** The business that owns the numbers on Meta, and the token its System User holds. */
const OWNER_TOKEN = 'EAAG-owner-system-user-token'
const OWNER_WABA = '401234567890001'
const OWNER_SECOND_WABA = '401234567890002'
/** Another business: a valid token, for its own WABA only. */
const SQUATTER_TOKEN = 'EAAG-squatter-system-user-token'
const SQUATTER_WABA = '401234567890009'

const number = (id: string, display: string, wabaId = OWNER_WABA): NumberRef => ({
  phoneNumberId: id,
  displayPhoneNumber: display,
  wabaId,
})
const FREE = number('301234567890001', '5511955550101')
const HELD = number('301234567890002', '5511955550102')
const EARLY = number('301234567890003', '5511955550103')
const LEGACY = number('301234567890004', '5511955550104')
const ROTATED = number('301234567890005', '5511955550105')
const SECOND_WABA_NUMBER = number('301234567890006', '5511955550106', OWNER_SECOND_WABA)
/** A phone_number_id Meta has never issued. */
const UNKNOWN_TO_META = number('301234567899999', '5511955550199')

describe.each(ENGINES)('proof of ownership when a number is registered, on %s', (engine) => {
  let rt: TestRuntime
  let squatterKey: string
  let squatterWorkspace: string
  let ownerWorkspace: string

  const register = (n: NumberRef, token: string, key?: string, extra: Record<string, unknown> = {}) =>
    rt.api('/api/v1/channels', {
      method: 'POST',
      key,
      json: {
        phone_number_id: n.phoneNumberId,
        default_region: 'BR',
        waba_id: n.wabaId,
        access_token: token,
        ...extra,
      },
    })

  /** An error answer with everything that names the number (or the request) taken out. */
  const shape = async (res: TestResponse, n: NumberRef) => {
    const body = await res.json()
    return {
      status: res.status,
      code: body.error?.code,
      reason: body.error?.reason,
      message: String(body.error?.message).replaceAll(n.phoneNumberId, '<id>').replaceAll(n.wabaId, '<waba>'),
    }
  }

  const channelRows = () =>
    rt.db.db
      .select({
        id: whatsappChannels.id,
        ws: whatsappChannels.workspaceId,
        pn: whatsappChannels.phoneNumberId,
        tok: whatsappChannels.accessTokenEnc,
        at: whatsappChannels.ownershipProvenAt,
      })
      .from(whatsappChannels)
      .orderBy(whatsappChannels.phoneNumberId)

  beforeAll(async () => {
    rt = await startTestRuntime(engine)
    const sim = rt.whatsapp!
    sim.configure({
      accessTokens: [TEST_WHATSAPP_TOKEN, OWNER_TOKEN, SQUATTER_TOKEN],
      grants: { [OWNER_TOKEN]: [OWNER_WABA, OWNER_SECOND_WABA], [SQUATTER_TOKEN]: [SQUATTER_WABA] },
    })
    for (const n of [FREE, HELD, EARLY, LEGACY, ROTATED, SECOND_WABA_NUMBER]) {
      sim.addNumber({ ...n, verifiedName: 'Loja Um Ltda' })
    }
    sim.addNumber({ ...number('301234567890010', '5511955550110', SQUATTER_WABA), verifiedName: 'Outra' })
    const created = await (
      await rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Outra Loja' } })
    ).json()
    squatterKey = created.api_key
    squatterWorkspace = created.id
    expect((await register(HELD, OWNER_TOKEN)).status).toBe(201)
    const [held] = await rt.db.db
      .select()
      .from(whatsappChannels)
      .where(eq(whatsappChannels.phoneNumberId, HELD.phoneNumberId))
    ownerWorkspace = held!.workspaceId
  })
  afterAll(async () => rt?.close())

  it('refuses a token that cannot read the number with one answer, whether anyone holds the number or not', async () => {
    const before = await channelRows()
    const answers = []
    for (const token of [SQUATTER_TOKEN, 'EAAG-not-a-token-meta-knows']) {
      for (const n of [HELD, FREE, UNKNOWN_TO_META]) {
        answers.push({ token, n, res: await shape(await register(n, token, squatterKey), n) })
      }
    }
    for (const { res } of answers) {
      expect(res.status).toBe(403)
      expect(res.code).toBe('forbidden')
      expect(res.reason).toBe('ownership_not_proven')
      expect(res.message).toMatch(/Nothing was registered/)
      expect(res.message).not.toMatch(/connected|workspace/i)
    }
    // Held, free and unknown to Meta: word for word the same for each token.
    for (const token of [SQUATTER_TOKEN, 'EAAG-not-a-token-meta-knows']) {
      const same = answers.filter((a) => a.token === token).map((a) => a.res)
      expect(new Set(same.map((r) => JSON.stringify(r))).size).toBe(1)
    }
    // Without a token, too, the answer says nothing about the number.
    const noToken = [HELD, FREE].map((n) =>
      rt.api('/api/v1/channels', {
        method: 'POST',
        key: squatterKey,
        json: {
          phone_number_id: n.phoneNumberId,
          default_region: 'BR',
          display_phone_number: `+${n.displayPhoneNumber}`,
        },
      }),
    )
    const [a, b] = await Promise.all(noToken.map(async (p, i) => shape(await p, [HELD, FREE][i]!)))
    expect(a).toEqual(b)
    expect(a).toMatchObject({ status: 400, code: 'validation_failed' })
    expect(await channelRows()).toEqual(before)
  })

  it('registers a number the token can read, with the display number and name Meta has for it', async () => {
    const res = await register(FREE, OWNER_TOKEN)
    expect(res.status).toBe(201)
    const { channel } = await res.json()
    expect(channel).toMatchObject({
      phone_number_id: FREE.phoneNumberId,
      display_phone_number: '+5511955550101',
      verified_name: 'Loja Um Ltda',
      ownership: 'proven',
      has_access_token: true,
    })
    expect(Date.parse(channel.ownership_proven_at)).not.toBeNaN()
  })

  it('refuses a WABA id the number does not belong to, and a display number that is not Meta’s', async () => {
    const wrongWaba = await register({ ...SECOND_WABA_NUMBER, wabaId: OWNER_WABA }, OWNER_TOKEN)
    expect(wrongWaba.status).toBe(403)
    expect((await wrongWaba.json()).error.message).toMatch(/among the numbers of WhatsApp Business Account/)
    const wrongDisplay = await register(SECOND_WABA_NUMBER, OWNER_TOKEN, undefined, {
      display_phone_number: '+5511955559999',
    })
    expect(wrongDisplay.status).toBe(400)
    expect((await wrongDisplay.json()).error.message).toMatch(/\+5511955550106/)
    const rows = await rt.db.db
      .select()
      .from(whatsappChannels)
      .where(eq(whatsappChannels.phoneNumberId, SECOND_WABA_NUMBER.phoneNumberId))
    expect(rows).toEqual([])
  })

  it('hands deliveries that arrived before registration to the proven owner only', async () => {
    const d = metaDelivery(
      singleText(EARLY, { waId: '5511977770001', name: 'Cliente Cedo' }, 'cheguei antes do cadastro'),
      TEST_ENV.WHATSAPP_APP_SECRET,
    )
    expect(
      (await rt.request('/webhooks/whatsapp', { method: 'POST', body: d.body, headers: d.headers })).status,
    ).toBe(200)
    await rt.worker.drain()
    const state = () =>
      queryRows<{ state: string }>(
        rt.db.db,
        sql`select state from webhook_events where routing_keys @> array[${EARLY.phoneNumberId}]::text[]`,
      )
    expect((await state()).map((r) => r.state)).toEqual(['unrouted'])

    const squat = await register(EARLY, SQUATTER_TOKEN, squatterKey)
    expect(squat.status).toBe(403)
    await rt.worker.drain()
    expect((await state()).map((r) => r.state)).toEqual(['unrouted'])

    const owned = await register(EARLY, OWNER_TOKEN)
    expect(owned.status).toBe(201)
    expect((await owned.json()).requeued_events).toBe(1)
    await rt.worker.drain()
    const mine = await (await rt.api('/api/v1/thread?phone=%2B5511977770001')).json()
    expect(mine.messages.map((m: { text: string }) => m.text)).toEqual(['cheguei antes do cadastro'])
    const theirs = await (await rt.api('/api/v1/thread?phone=%2B5511977770001', { key: squatterKey })).json()
    expect(theirs.messages).toEqual([])
  })

  it('tells a proven owner whose number another workspace holds to contact support, moves nothing, and records the claim for the holder', async () => {
    // A row registered before proof existed: workspace B holds the owner's number unproven.
    await rt.db.db.insert(whatsappChannels).values({
      workspaceId: squatterWorkspace,
      phoneNumberId: LEGACY.phoneNumberId,
      displayPhoneNumber: '+5511955550104',
      defaultRegion: 'BR',
    })
    const before = await channelRows()
    const res = await register(LEGACY, OWNER_TOKEN)
    expect(res.status).toBe(409)
    const { error } = await res.json()
    expect(error).toMatchObject({ code: 'conflict', reason: 'held_by_another_workspace' })
    expect(error.message).toMatch(/contact support/)
    expect(error.message).not.toContain(squatterWorkspace)
    expect(await channelRows()).toEqual(before)

    const audit = await (
      await rt.api('/api/v1/audit?action=channel.claim_refused', { key: squatterKey })
    ).json()
    expect(audit.entries).toHaveLength(1)
    expect(audit.entries[0]).toMatchObject({ action: 'channel.claim_refused' })
    expect(JSON.stringify(audit.entries[0])).not.toContain(ownerWorkspace)
    const ownAudit = await (await rt.api('/api/v1/audit?action=channel.claim_refused')).json()
    expect(ownAudit.entries).toEqual([])

    // The squatter's own attempt to prove it fails as any unproven one does.
    const squat = await register(LEGACY, SQUATTER_TOKEN, squatterKey)
    expect(squat.status).toBe(403)
  })

  it('refreshes the token and proof when the workspace that holds the number proves it again', async () => {
    expect((await register(ROTATED, OWNER_TOKEN)).status).toBe(201)
    const [first] = await rt.db.db
      .select()
      .from(whatsappChannels)
      .where(eq(whatsappChannels.phoneNumberId, ROTATED.phoneNumberId))
    const again = await register(ROTATED, OWNER_TOKEN)
    expect(again.status).toBe(200)
    const body = await again.json()
    expect(body.channel.id).toBe(first!.id)
    const [second] = await rt.db.db
      .select()
      .from(whatsappChannels)
      .where(eq(whatsappChannels.phoneNumberId, ROTATED.phoneNumberId))
    expect(second!.accessTokenEnc).not.toBe(first!.accessTokenEnc)
    expect(second!.ownershipProvenAt!.getTime()).toBeGreaterThanOrEqual(first!.ownershipProvenAt!.getTime())
  })

  it('answers 503 and registers nothing when Meta cannot be asked', async () => {
    const sim = rt.whatsapp!
    await sim.close()
    const res = await register(SECOND_WABA_NUMBER, OWNER_TOKEN)
    expect(res.status).toBe(503)
    expect((await res.json()).error).toMatchObject({ code: 'unavailable', reason: 'meta_unavailable' })
    const rows = await rt.db.db
      .select()
      .from(whatsappChannels)
      .where(eq(whatsappChannels.phoneNumberId, SECOND_WABA_NUMBER.phoneNumberId))
    expect(rows).toEqual([])
  })
})

describe('WHATSAPP_NUMBER_PROOF=off, the development bypass', () => {
  it('is refused in production', () => {
    expect(() => parseConfig({ ...TEST_ENV, NODE_ENV: 'production', WHATSAPP_NUMBER_PROOF: 'off' })).toThrow(
      /WHATSAPP_NUMBER_PROOF cannot be off in production/,
    )
    expect(parseConfig({ ...TEST_ENV, NODE_ENV: 'production' }).WHATSAPP_NUMBER_PROOF).toBe('graph')
  })

  it('registers unchecked, says so in the answer and logs a warning each time', async () => {
    const lines: string[] = []
    const logger = createLogger('warn', { write: (line: string) => lines.push(line) })
    const rt = await startTestRuntime(ENGINES[0]!, { WHATSAPP_NUMBER_PROOF: 'off' }, logger)
    try {
      const res = await rt.api('/api/v1/channels', {
        method: 'POST',
        json: {
          phone_number_id: '301234567890020',
          display_phone_number: '+55 11 95555-0120',
          default_region: 'BR',
        },
      })
      expect(res.status).toBe(201)
      expect((await res.json()).channel).toMatchObject({ ownership: 'unchecked', ownership_proven_at: null })
      expect(lines.join('\n')).toMatch(/without proof of ownership/)
    } finally {
      await rt.close()
    }
  })
})
