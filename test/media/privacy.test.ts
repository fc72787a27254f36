import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { strFromU8, unzipSync } from 'fflate'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { LocalDiskStorage } from '../../backend/src/media/local-disk-storage'
import { change, contactOf, envelope, text } from '../simulators/whatsapp/envelopes'
import { sidewaysPhoto } from '../simulators/whatsapp/sample-images'
import { contactIdOf, deliverPayload } from '../support/conversation'
import { type SendHarness, startSendHarness } from '../support/send-harness'
import { ENGINES } from '../support/test-db'
import { NUMBER_A } from '../support/test-runtime'

const PHONE_ID = NUMBER_A.phoneNumberId
const ERASED = '5511960000001'
const KEPT = '5511960000002'
const WORDS = 'Quero o tênis azul número 42 por favor'
const CAPTION = 'olha a foto do meu pedido antigo'
const MARKUP = '<script>alert("pwned")</script><img src=x onerror=alert(1)>'
const OTHER_WORDS = 'Outro cliente pergunta sobre o frete'
const REDELIVERED_WAMID = 'wamid.HBgLERASEDREDELIVERY0001'

describe.each(ENGINES)('privacy export and erasure on %s', (engine) => {
  let h: SendHarness
  let dataDir: string
  let erasedId: string
  let keptId: string
  /** The envelope of one of the erased person's messages, to deliver again after the erasure. */
  let firstEnvelope: unknown

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'scrm-privacy-'))
    h = await startSendHarness(engine, {}, { DATA_DIR: dataDir })
    const sender = { waId: ERASED, name: 'Maria Apagada' }
    firstEnvelope = envelope([
      {
        wabaId: NUMBER_A.wabaId,
        changes: [
          change(NUMBER_A, {
            contacts: [contactOf(sender)],
            messages: [text(sender, WORDS, new Date(), REDELIVERED_WAMID)],
          }),
        ],
      },
    ])
    await deliverPayload(h.rt, firstEnvelope)
    await h.sim.customerWrote(PHONE_ID, ERASED, new Date(), { text: MARKUP, name: 'Maria Apagada' })
    const photo = await sidewaysPhoto()
    await h.sim.customerSentMedia(PHONE_ID, ERASED, {
      type: 'image',
      bytes: photo.bytes,
      mimeType: photo.mimeType,
      caption: CAPTION,
      name: 'Maria Apagada',
    })
    await h.sim.customerWrote(PHONE_ID, KEPT, new Date(), { text: OTHER_WORDS, name: 'Joana Fica' })
    erasedId = await h.waitFor(
      () => contactIdOf(h.rt, `+${ERASED}`).catch(() => ''),
      (v) => v !== '',
    )
    keptId = await h.waitFor(
      () => contactIdOf(h.rt, `+${KEPT}`).catch(() => ''),
      (v) => v !== '',
    )
    await h.waitFor(
      async () =>
        (await queryRows<{ n: number }>(h.rt.db.db, sql`select count(*)::int as n from messages`))[0]?.n,
      (n) => n === 4,
    )
    // A rep answers the person, so send jobs and status events hold the number too.
    const sent = await h.rt.api('/api/v1/messages', {
      method: 'POST',
      json: {
        contact_id: erasedId,
        sender: 'agent',
        content: { type: 'text', text: 'Temos sim, no tamanho 42!' },
      },
    })
    expect(sent.status).toBe(202)
    await h.waitFor(
      async () =>
        (
          await queryRows<{ n: number }>(
            h.rt.db.db,
            sql`select count(*)::int as n from message_status_events`,
          )
        )[0]?.n ?? 0,
      (n) => n >= 2,
    )
    await h.waitFor(
      async () => {
        await h.rt.mediaWorker.drain()
        return (await queryRows<{ state: string }>(h.rt.db.db, sql`select state from media_objects`))[0]
          ?.state
      },
      (s) => s === 'stored',
    )
  }, 180_000)
  afterAll(async () => {
    await h?.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  /** Every row of every table, as text, that holds `needle`. */
  async function traces(needle: string): Promise<string[]> {
    const tables = await queryRows<{ name: string }>(
      h.rt.db.db,
      sql`select table_name as name from information_schema.tables
           where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`,
    )
    expect(tables.length).toBeGreaterThan(30)
    const found: string[] = []
    for (const { name } of tables) {
      const [row] = await queryRows<{ n: number }>(
        h.rt.db.db,
        sql`select count(*)::int as n from ${sql.identifier(name)} t where position(${needle} in t::text) > 0`,
      )
      if (row && row.n > 0) found.push(`${name} (${row.n})`)
    }
    return found
  }

  it('exports the person as a zip: JSON for machines, an escaped HTML transcript, the media kept', async () => {
    const res = await h.rt.api(`/api/v1/contacts/${erasedId}/export`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/zip')
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()))
    const names = Object.keys(files).sort()
    expect(names.filter((n) => n.startsWith('media/'))).toHaveLength(1)
    expect(names).toContain('data.json')
    expect(names).toContain('transcript.html')
    const data = JSON.parse(strFromU8(files['data.json'] as Uint8Array))
    expect(data.profile).toMatchObject({
      id: erasedId,
      phone_e164: `+${ERASED}`,
      profile_name: 'Maria Apagada',
    })
    expect(data.consents).toHaveProperty('opt_in_status')
    expect(data.messages.map((m: { text: string | null }) => m.text)).toEqual(
      expect.arrayContaining([WORDS, MARKUP, CAPTION, 'Temos sim, no tamanho 42!']),
    )
    expect(JSON.stringify(data)).not.toContain(OTHER_WORDS)
    const html = strFromU8(files['transcript.html'] as Uint8Array)
    expect(html).toContain('Quero o tênis azul número 42 por favor')
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&#60;script&#62;alert(&#34;pwned&#34;)&#60;/script&#62;')
    const media = files[names.find((n) => n.startsWith('media/')) as string] as Uint8Array
    expect((await sharp(media).metadata()).format).toBe('jpeg')
    const audit = await (await h.rt.api('/api/v1/audit?action=contact.export')).json()
    expect(audit.entries[0]).toMatchObject({ target_id: erasedId, detail: { messages: 4, media_files: 1 } })
  })

  it('erases the person: no trace of the number or their words in any table or in the media store', async () => {
    for (const needle of [ERASED, WORDS, CAPTION]) expect(await traces(needle)).not.toEqual([])
    const disk = new LocalDiskStorage(join(dataDir, 'media'))
    expect((await disk.list('')).length).toBe(2)

    const refused = await h.rt.api(`/api/v1/contacts/${erasedId}/erase`, { method: 'POST', json: {} })
    expect(refused.status).toBe(400)
    // A legal hold in force (the person's, then the workspace's) refuses the erasure, touching nothing.
    const reason = { reason: 'Chargeback dispute 2291' }
    const erase = () =>
      h.rt.api(`/api/v1/contacts/${erasedId}/erase`, { method: 'POST', json: { confirm: 'erase' } })
    for (const hold of [`/api/v1/contacts/${erasedId}/legal-hold`, '/api/v1/legal-holds/workspace']) {
      expect((await h.rt.api(hold, { method: 'PUT', json: reason })).status).toBe(200)
      const held = await erase()
      expect(held.status).toBe(409)
      expect(await held.json()).toMatchObject({
        error: { code: 'conflict', message: expect.stringContaining('Chargeback dispute 2291') },
      })
      expect(await contactIdOf(h.rt, `+${ERASED}`)).toBe(erasedId)
      expect((await h.rt.api(hold, { method: 'DELETE', json: { reason: 'Dispute settled' } })).status).toBe(
        200,
      )
    }
    const res = await h.rt.api(`/api/v1/contacts/${erasedId}/erase`, {
      method: 'POST',
      json: { confirm: 'erase' },
    })
    const body = await res.json()
    expect(res.status, JSON.stringify(body)).toBe(200)
    expect(body).toMatchObject({ contact_id: erasedId, media_files_removed: 2 })
    // One per message: three the person wrote, the rep's reply.
    expect(body.tombstones).toBe(4)
    expect(body.removed).toMatchObject({ contacts: 1, messages: 4 })
    expect(body.removed.webhook_events).toBeGreaterThan(0)
    // No CRM is connected: nothing is queued for one, and the erasure's CRM status says so.
    expect(body.crm_records).toEqual([])
    const status = await h.rt.api(`/api/v1/erasures/${body.erasure_id}`)
    expect(status.status).toBe(200)
    expect(await status.json()).toEqual({ erasure_id: body.erasure_id, crm_records: [] })
    expect((await h.rt.api(`/api/v1/erasures/${erasedId}`)).status).toBe(404)

    for (const needle of [ERASED, `+${ERASED}`, WORDS, CAPTION, 'Temos sim, no tamanho 42', 'Maria Apagada'])
      expect(await traces(needle), needle).toEqual([])
    expect(await disk.list('')).toEqual([])
    // The other customer is untouched.
    expect(await traces(OTHER_WORDS)).not.toEqual([])
    expect(await contactIdOf(h.rt, `+${KEPT}`)).toBe(keptId)
    const audit = await (await h.rt.api('/api/v1/audit?action=contact.erase')).json()
    expect(audit.entries[0]).toMatchObject({ target_id: erasedId, detail: { erasure_id: body.erasure_id } })
    expect((await h.rt.api(`/api/v1/contacts/${erasedId}/export`)).status).toBe(404)
  })

  it('a redelivery of an erased message does not bring the person back', async () => {
    await deliverPayload(h.rt, firstEnvelope)
    const [found] = await queryRows<{ n: number }>(
      h.rt.db.db,
      sql`select (select count(*) from contacts where wa_id = ${ERASED})::int
               + (select count(*) from messages where wamid = ${REDELIVERED_WAMID})::int as n`,
    )
    expect(found?.n).toBe(0)
    const thread = await (await h.rt.api(`/api/v1/thread?phone=%2B${ERASED}`)).json()
    expect(thread.contact).toBeNull()
    // A new message after the erasure is a new conversation, stored as usual.
    await h.sim.customerWrote(PHONE_ID, ERASED, new Date(), { text: 'oi de novo' })
    await h.waitFor(
      () => contactIdOf(h.rt, `+${ERASED}`).catch(() => ''),
      (v) => v !== '' && v !== erasedId,
    )
  })
})
