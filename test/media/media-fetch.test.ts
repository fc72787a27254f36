import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { threadViewSchema } from '@scrm/shared'
import { sql } from 'drizzle-orm'
import sharp from 'sharp'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { LocalDiskStorage } from '../../backend/src/media/local-disk-storage'
import { animatedSticker, type SampleImage, sidewaysPhoto } from '../simulators/whatsapp/sample-images'
import { type SendHarness, startSendHarness } from '../support/send-harness'
import { ENGINES } from '../support/test-db'
import { NUMBER_A } from '../support/test-runtime'

const PHONE_ID = NUMBER_A.phoneNumberId
/** A harness starts in seconds, more on a loaded machine and on the first PGlite of a run. */
const SLOW = 120_000

interface MediaRow {
  id: string
  state: string
  attempts: number
  failure_reason: string | null
  file_key: string | null
  file_mime_type: string | null
  file_bytes: number | null
  source_sha256: string | null
  thumb_key: string | null
  animation_key: string | null
}

describe.each(ENGINES)('media kept at once, against the Cloud API simulator, on %s', (engine) => {
  let h: SendHarness
  let dataDir: string
  let photo: SampleImage
  beforeAll(async () => {
    photo = await sidewaysPhoto()
  })
  afterEach(async () => {
    await h?.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  async function start(env: Record<string, string> = {}) {
    dataDir = await mkdtemp(join(tmpdir(), 'scrm-media-'))
    h = await startSendHarness(
      engine,
      {},
      {
        DATA_DIR: dataDir,
        MEDIA_RETRY_BASE_MS: '10',
        MEDIA_MAX_ATTEMPTS: '4',
        ...env,
      },
    )
  }

  const mediaRows = () =>
    queryRows<MediaRow>(
      h.rt.db.db,
      sql`select id, state, attempts, failure_reason, file_key, file_mime_type, file_bytes, source_sha256,
                 thumb_key, animation_key from media_objects order by created_at`,
    )

  /** Runs the media job until the queue holds nothing due or waiting for a retry. */
  async function settle(): Promise<MediaRow[]> {
    return h.waitFor(
      async () => {
        await h.rt.mediaWorker.drain()
        return mediaRows()
      },
      (rows) => rows.length > 0 && rows.every((r) => r.state === 'stored' || r.state === 'failed'),
      30_000,
    )
  }

  const thread = async (waId: string) => {
    const res = await h.rt.api(`/api/v1/thread?phone=%2B${waId}`)
    expect(res.status).toBe(200)
    return threadViewSchema.parse(await res.json())
  }

  it(
    'fetches a photo on arrival, checks its sha256, keeps it upright without location, and links it signed',
    async () => {
      await start()
      const sent = await h.sim.customerSentMedia(PHONE_ID, '5511970000001', {
        type: 'image',
        bytes: photo.bytes,
        mimeType: photo.mimeType,
        caption: 'this one, in blue',
      })
      expect(sent.delivered).toBe(true)
      const [row] = await settle()
      expect(row).toMatchObject({
        state: 'stored',
        attempts: 1,
        failure_reason: null,
        file_mime_type: 'image/jpeg',
      })
      expect(row?.source_sha256).toBe(
        (await import('node:crypto')).createHash('sha256').update(photo.bytes).digest('hex'),
      )
      expect(h.sim.mediaDownloads(sent.mediaId)).toBe(1)

      // The file is on local disk under DATA_DIR/media, under a key that names no person.
      const disk = new LocalDiskStorage(join(dataDir, 'media'))
      const keys = await disk.list('')
      expect(keys).toEqual([row?.file_key, row?.thumb_key].sort())
      expect(keys.join(' ')).not.toContain('5511970000001')

      const view = await thread('5511970000001')
      const media = view.messages.at(-1)?.media
      expect(media).toMatchObject({
        id: sent.mediaId,
        state: 'stored',
        stored_mime_type: 'image/jpeg',
        width: 400,
        height: 600,
      })
      expect(media?.url).toMatch(new RegExp(`^http://localhost/media/${row?.id}/file\\?exp=\\d+&sig=`))
      expect(media?.url).not.toContain(h.sim.url)
      expect(media?.thumbnail_url).toContain(`/media/${row?.id}/thumb?`)

      const file = await h.rt.request(
        new URL(media?.url as string).pathname + new URL(media?.url as string).search,
      )
      expect(file.status).toBe(200)
      expect(file.headers.get('content-type')).toBe('image/jpeg')
      expect(file.headers.get('x-content-type-options')).toBe('nosniff')
      const bytes = new Uint8Array(await file.arrayBuffer())
      const meta = await sharp(bytes).metadata()
      expect([meta.width, meta.height, meta.exif]).toEqual([400, 600, undefined])
      expect(Buffer.from(bytes).includes(Buffer.from('SampleCam'))).toBe(false)
    },
    SLOW,
  )

  it(
    'retries a failed download with back-off and keeps the file in the end',
    async () => {
      await start()
      await h.sim
        .customerSentMedia(PHONE_ID, '5511970000002', {
          type: 'document',
          bytes: new TextEncoder().encode('%PDF-1.4\n% an order form\n'),
          mimeType: 'application/pdf',
          filename: 'pedido.pdf',
        })
        .then(async (sent) => {
          // Queued by ingest before the worker ran: fail the next two downloads.
          h.sim.failMediaDownloads(sent.mediaId, 2, 500)
          const [row] = await settle()
          expect(row).toMatchObject({
            state: 'stored',
            attempts: 3,
            failure_reason: null,
            file_mime_type: 'application/pdf',
          })
          expect(h.sim.mediaDownloads(sent.mediaId)).toBe(3)
          const media = (await thread('5511970000002')).messages.at(-1)?.media
          expect(media?.thumbnail_url).toBeNull()
          const link = new URL(media?.url as string)
          const file = await h.rt.request(link.pathname + link.search)
          // A customer's document is a download, never a page the browser renders.
          expect(file.headers.get('content-type')).toBe('application/octet-stream')
          expect(file.headers.get('content-disposition')).toMatch(/^attachment/)
          expect(await file.text()).toBe('%PDF-1.4\n% an order form\n')
        })
    },
    SLOW,
  )

  it(
    'shows a permanent failure on the message when Meta no longer has the file',
    async () => {
      await start({ MEDIA_WORKER: 'off' })
      const sent = await h.sim.customerSentMedia(PHONE_ID, '5511970000003', {
        type: 'image',
        bytes: photo.bytes,
        mimeType: photo.mimeType,
      })
      await h.waitFor(mediaRows, (rows) => rows.length === 1)
      // The media id expires before the job gets to it.
      const gone = await fetch(`${h.sim.url}/v23.0/${sent.mediaId}`, {
        method: 'DELETE',
        headers: { authorization: 'Bearer EAAG-test-token-not-real' },
      })
      expect(gone.status).toBe(200)
      const [row] = await settle()
      expect(row).toMatchObject({
        state: 'failed',
        attempts: 1,
        failure_reason: 'media_expired',
        file_key: null,
      })
      const media = (await thread('5511970000003')).messages.at(-1)?.media
      expect(media).toMatchObject({ state: 'failed', url: null, thumbnail_url: null })
      expect(media?.failure?.reason).toBe('media_expired')
      expect(media?.failure?.explanation).toMatch(/no longer has this file/)
    },
    SLOW,
  )

  it(
    "refuses a file that does not match Meta's sha256, after the retries",
    async () => {
      await start()
      await h.sim.customerSentMedia(PHONE_ID, '5511970000004', {
        type: 'image',
        bytes: photo.bytes,
        mimeType: photo.mimeType,
        sha256: Buffer.alloc(32, 1).toString('base64'),
      })
      const [row] = await settle()
      expect(row).toMatchObject({
        state: 'failed',
        attempts: 4,
        failure_reason: 'checksum_mismatch',
        file_key: null,
      })
      expect(await new LocalDiskStorage(join(dataDir, 'media')).list('')).toEqual([])
    },
    SLOW,
  )

  it(
    'keeps an animated sticker as a still, a thumbnail and its animation',
    async () => {
      await start()
      const sticker = await animatedSticker(256)
      await h.sim.customerSentMedia(PHONE_ID, '5511970000005', {
        type: 'sticker',
        bytes: sticker.bytes,
        mimeType: 'image/webp',
        animated: true,
      })
      const [row] = await settle()
      expect(row?.state).toBe('stored')
      expect(row?.animation_key).not.toBeNull()
      const media = (await thread('5511970000005')).messages.at(-1)?.media
      const link = new URL(media?.animation_url as string)
      const file = await h.rt.request(link.pathname + link.search)
      expect(file.headers.get('content-type')).toBe('image/webp')
      const meta = await sharp(new Uint8Array(await file.arrayBuffer()), { animated: true }).metadata()
      expect(meta.pages).toBe(3)
    },
    SLOW,
  )

  it(
    'answers 403 for a tampered or expired link and 404 for a link to nothing',
    async () => {
      await start()
      await h.sim.customerSentMedia(PHONE_ID, '5511970000006', {
        type: 'image',
        bytes: photo.bytes,
        mimeType: photo.mimeType,
      })
      const [row] = await settle()
      const link = new URL((await thread('5511970000006')).messages.at(-1)?.media?.url as string)
      const exp = Number(link.searchParams.get('exp'))
      const sig = link.searchParams.get('sig') as string
      const tampered = await h.rt.request(`/media/${row?.id}/file?exp=${exp + 60}&sig=${sig}`)
      expect(tampered.status).toBe(403)
      expect((await tampered.json()).error.code).toBe('forbidden')
      const other = await h.rt.request(`/media/${row?.id}/thumb?exp=${exp}&sig=${sig}`)
      expect(other.status).toBe(403)
      const expired = h.rt.deps.media?.signer.sign(
        row?.id as string,
        'file',
        Date.now() - 3_600_000,
      ) as string
      expect((await h.rt.request(expired)).status).toBe(403)
      const none = h.rt.deps.media?.signer.sign('00000000-0000-4000-8000-000000000000', 'file') as string
      expect((await h.rt.request(none)).status).toBe(404)
    },
    SLOW,
  )
})
