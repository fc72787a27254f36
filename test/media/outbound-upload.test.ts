import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { threadViewSchema } from '@scrm/shared'
import { sql } from 'drizzle-orm'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import {
  SAMPLE_GPS,
  type SampleImage,
  sidewaysPhoto,
  staticSticker,
} from '../simulators/whatsapp/sample-images'
import { type SendHarness, startSendHarness, TOKEN } from '../support/send-harness'
import { ENGINES } from '../support/test-db'
import { NUMBER_A } from '../support/test-runtime'

const SLOW = 120_000
const CUSTOMER = '5511970000101'

describe.each(ENGINES)('a rep’s file goes out through our copy and Meta’s upload API (%s)', (engine) => {
  let h: SendHarness
  let dataDir: string
  let photo: SampleImage

  beforeAll(async () => {
    photo = await sidewaysPhoto()
    dataDir = await mkdtemp(join(tmpdir(), 'scrm-upload-'))
    h = await startSendHarness(engine, {}, { DATA_DIR: dataDir })
    // The customer wrote first: the 24-hour window is open for free-form media.
    await h.sim.customerWrote(NUMBER_A.phoneNumberId, CUSTOMER, new Date(), { text: 'tem foto?' })
    await h.waitFor(
      async () => (await h.rt.api(`/api/v1/thread?phone=%2B${CUSTOMER}`)).status,
      (s) => s === 200,
    )
  }, SLOW)
  afterAll(async () => {
    await h?.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  const upload = (
    bytes: Uint8Array,
    type: string,
    name: string,
    extra: Record<string, string> = {},
    key?: string,
  ) => {
    const form = new FormData()
    form.set('file', new Blob([bytes], { type }), name)
    for (const [k, v] of Object.entries(extra)) form.set(k, v)
    return h.rt.api('/api/v1/media', { method: 'POST', body: form, key })
  }

  /** What Meta holds for an uploaded id, read back through the Graph API as a client would. */
  async function metaBytes(mediaId: string): Promise<Uint8Array> {
    const info = (await (
      await fetch(`${h.sim.url}/v23.0/${mediaId}`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).json()) as { url: string }
    const file = await fetch(info.url, { headers: { authorization: `Bearer ${TOKEN}` } })
    return new Uint8Array(await file.arrayBuffer())
  }

  it(
    'uploads a photo upright without its location, sends it by upload id and shows our copy in the thread',
    async () => {
      const res = await upload(photo.bytes, 'image/jpeg', 'vestido-azul.jpg')
      expect(res.status).toBe(201)
      const body = await res.json()
      expect(body).toMatchObject({
        kind: 'image',
        channel_id: h.channelId,
        filename: 'vestido-azul.jpg',
        mime_type: 'image/jpeg',
        width: 400,
        height: 600,
        source_bytes: photo.bytes.byteLength,
      })
      expect(Date.parse(body.expires_at) - Date.now()).toBeGreaterThan(28 * 86_400_000)
      const [row] = await queryRows<{ meta_media_id: string }>(
        h.rt.db.db,
        sql`select meta_media_id from outbound_media where id = ${body.upload_id}`,
      )
      // Meta got the normalised JPEG: upright, no camera data, no GPS.
      const atMeta = await metaBytes(row?.meta_media_id as string)
      const meta = await sharp(atMeta).metadata()
      expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['jpeg', 400, 600, undefined])
      expect(Buffer.from(atMeta).includes(Buffer.from('SampleCam'))).toBe(false)
      expect(Buffer.from(atMeta).includes(Buffer.from(SAMPLE_GPS.latitude))).toBe(false)

      const sent = await h.rt.api('/api/v1/messages', {
        method: 'POST',
        json: {
          phone: `+${CUSTOMER}`,
          content: { type: 'image', upload_id: body.upload_id, caption: 'Este, em azul' },
        },
      })
      expect(sent.status).toBe(202)
      const record = await h.waitFor(
        async () => h.sim.sent.find((s) => s.type === 'image'),
        (s) => s !== undefined,
      )
      expect(record?.body.image).toEqual({ id: row?.meta_media_id, caption: 'Este, em azul' })

      const view = threadViewSchema.parse(
        await (await h.rt.api(`/api/v1/thread?phone=%2B${CUSTOMER}`)).json(),
      )
      const media = view.messages.find((m) => m.direction === 'outbound' && m.type === 'image')?.media
      expect(media).toMatchObject({
        state: 'stored',
        stored_mime_type: 'image/jpeg',
        width: 400,
        height: 600,
      })
      const link = new URL(media?.url as string)
      const file = await h.rt.request(link.pathname + link.search)
      expect(file.status).toBe(200)
      expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(atMeta))).toBe(true)
      expect(media?.thumbnail_url).toContain('/thumb?')
    },
    SLOW,
  )

  it(
    'sends a document under its own name and a sticker as the WebP it is',
    async () => {
      const pdf = new TextEncoder().encode('%PDF-1.4\n% catálogo de verão\n')
      const doc = await (await upload(pdf, 'application/pdf', 'catalogo.pdf')).json()
      expect(doc).toMatchObject({ kind: 'document', mime_type: 'application/pdf', bytes: pdf.byteLength })
      const sticker = await staticSticker()
      const st = await (await upload(sticker.bytes, 'image/webp', 'oi.webp')).json()
      expect(st.kind).toBe('sticker')
      for (const content of [
        { type: 'document', upload_id: doc.upload_id },
        { type: 'sticker', upload_id: st.upload_id },
      ])
        expect(
          (await h.rt.api('/api/v1/messages', { method: 'POST', json: { phone: `+${CUSTOMER}`, content } }))
            .status,
        ).toBe(202)
      const records = await h.waitFor(
        async () => h.sim.sent.filter((s) => s.type === 'document' || s.type === 'sticker'),
        (list) => list.length === 2,
      )
      const byType = Object.fromEntries(records.map((r) => [r.type, r.body]))
      const document = byType.document?.document as { filename: string; id: string } | undefined
      const stickerId = (byType.sticker?.sticker as { id: string } | undefined)?.id ?? ''
      expect(document?.filename).toBe('catalogo.pdf')
      expect(Buffer.from(await metaBytes(stickerId)).equals(Buffer.from(sticker.bytes))).toBe(true)
      expect(Buffer.from(await metaBytes(document?.id ?? '')).equals(Buffer.from(pdf))).toBe(true)
    },
    SLOW,
  )

  it(
    'refuses files WhatsApp cannot send, and uploads or sends it cannot make, keeping nothing',
    async () => {
      const before = await queryRows<{ n: number }>(
        h.rt.db.db,
        sql`select count(*)::int as n from outbound_media`,
      )
      const exe = await upload(new Uint8Array([0x4d, 0x5a, 0x90]), 'application/x-msdownload', 'setup.exe')
      expect(exe.status).toBe(400)
      expect((await exe.json()).error).toMatchObject({ code: 'validation_failed' })
      const notImage = await upload(new TextEncoder().encode('not a photo'), 'image/png', 'x.png')
      expect(notImage.status).toBe(400)
      expect((await notImage.json()).error.message).toMatch(/not a readable image/)
      const bigSticker = await upload(new Uint8Array(600_000), 'image/webp', 'big.webp')
      expect(bigSticker.status).toBe(413)
      expect((await bigSticker.json()).error.code).toBe('payload_too_large')
      const empty = await upload(new Uint8Array(0), 'application/pdf', 'empty.pdf')
      expect(empty.status).toBe(400)
      const noFile = await h.rt.api('/api/v1/media', { method: 'POST', json: { file: 'x' } })
      expect(noFile.status).toBe(400)
      const other = await upload(photo.bytes, 'image/jpeg', 'x.jpg', {
        channel_id: '00000000-0000-4000-8000-000000000000',
      })
      expect(other.status).toBe(404)
      const after = await queryRows<{ n: number }>(
        h.rt.db.db,
        sql`select count(*)::int as n from outbound_media`,
      )
      expect(after[0]?.n).toBe(before[0]?.n)

      // A send naming an upload of another kind, an unknown one, or one past Meta's 30 days.
      const good = await (await upload(photo.bytes, 'image/jpeg', 'a.jpg')).json()
      const send = (content: Record<string, unknown>) =>
        h.rt.api('/api/v1/messages', { method: 'POST', json: { phone: `+${CUSTOMER}`, content } })
      const wrongKind = await send({ type: 'document', upload_id: good.upload_id })
      expect(wrongKind.status).toBe(400)
      expect((await wrongKind.json()).error.message).toMatch(/is a image|content.type "image"/)
      const unknown = await send({ type: 'image', upload_id: '00000000-0000-4000-8000-000000000000' })
      expect(unknown.status).toBe(400)
      await h.rt.db.db.execute(
        sql`update outbound_media set meta_uploaded_at = now() - interval '30 days' where id = ${good.upload_id}`,
      )
      const old = await send({ type: 'image', upload_id: good.upload_id })
      expect(old.status).toBe(400)
      expect((await old.json()).error.message).toMatch(/upload it again/)
      const both = await send({ type: 'image', upload_id: good.upload_id, link: 'https://example.com/a.jpg' })
      expect(both.status).toBe(400)
    },
    SLOW,
  )

  it(
    'never lets another workspace send or see an upload',
    async () => {
      const mine = await (await upload(photo.bytes, 'image/jpeg', 'mine.jpg')).json()
      const other = await (
        await h.rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Outra loja' } })
      ).json()
      const res = await h.rt.api('/api/v1/messages', {
        method: 'POST',
        key: other.api_key,
        json: { phone: `+${CUSTOMER}`, content: { type: 'image', upload_id: mine.upload_id } },
      })
      // The other workspace has no number at all; with one it would still find no such upload.
      expect([400, 422]).toContain(res.status)
      expect(JSON.stringify(await res.json())).not.toContain(NUMBER_A.displayPhoneNumber)
      const theirs = await upload(photo.bytes, 'image/jpeg', 'x.jpg', {}, other.api_key)
      expect(theirs.status).toBe(404)
    },
    SLOW,
  )
})
