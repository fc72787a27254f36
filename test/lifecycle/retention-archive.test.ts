import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import { type ArchiveContent, decodeArchive } from '../../backend/src/lifecycle/retention/archive-format'
import { archiveWorkspace } from '../../backend/src/lifecycle/retention/archive-job'
import { retentionCutoff } from '../../backend/src/lifecycle/retention/retention-settings'
import { LocalDiskStorage } from '../../backend/src/media/local-disk-storage'
import type { MediaStorage } from '../../backend/src/media/storage'
import { sidewaysPhoto } from '../simulators/whatsapp/sample-images'
import { contactIdOf } from '../support/conversation'
import { type SendHarness, startSendHarness } from '../support/send-harness'
import { ENGINES } from '../support/test-db'
import { NUMBER_A } from '../support/test-runtime'

const PHONE_ID = NUMBER_A.phoneNumberId
const OLD = '5511960000101'
const HELD = '5511960000102'
const ERASED = '5511960000103'
const ERASED_WORDS = 'Meu endereço antigo é Rua das Palmeiras 77'
const DAY = 86_400_000
const ARCHIVED_TABLES = [
  'messages',
  'media_objects',
  'message_corrections',
  'send_jobs',
  'message_status_events',
]

describe.each(ENGINES)('retention and monthly archives on %s', (engine) => {
  let h: SendHarness
  let dataDir: string
  let storage: LocalDiskStorage
  let workspaceId: string
  let oldId: string
  let heldId: string
  let erasedId: string
  const now = new Date()
  const cutoff = retentionCutoff(365, now)
  /** Before the cutoff by a second: past retention. At the cutoff: kept (the boundary is the day's start). */
  const justPast = new Date(cutoff.getTime() - 1_000)
  const monthEarlier = new Date(cutoff.getTime() - 40 * DAY)
  const monthOf = (d: Date) => d.toISOString().slice(0, 7)

  const count = async (query: ReturnType<typeof sql>) =>
    (await queryRows<{ n: number }>(h.rt.db.db, query))[0]?.n ?? 0

  /** Every row of the archived tables for the workspace, as Postgres prints it, in a stable order. */
  async function snapshot(): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {}
    for (const table of ARCHIVED_TABLES) {
      const rows = await queryRows<{ row: string }>(
        h.rt.db.db,
        sql`select t::text as row from ${sql.identifier(table)} t where t.workspace_id = ${workspaceId}::uuid order by t.id`,
      )
      out[table] = rows.map((r) => r.row)
    }
    return out
  }

  async function archiveFiles(ws = workspaceId): Promise<{ month: string; content: ArchiveContent }[]> {
    const records = await queryRows<{ month: string; object_key: string; codec: string; sha256: string }>(
      h.rt.db.db,
      sql`select month, object_key, codec, sha256 from message_archives where workspace_id = ${ws}::uuid order by month`,
    )
    const out: { month: string; content: ArchiveContent }[] = []
    for (const r of records) {
      const bytes = (await storage.get(r.object_key)) as Uint8Array
      out.push({ month: r.month, content: await decodeArchive(bytes, r.codec, r.sha256) })
    }
    return out
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'scrm-retention-'))
    h = await startSendHarness(engine, {}, { DATA_DIR: dataDir, ARCHIVE_SCHEDULE: 'off' })
    storage = new LocalDiskStorage(join(dataDir, 'media'))
    const write = (waId: string, at: Date, text: string, name: string) =>
      h.sim.customerWrote(PHONE_ID, waId, at, { text, name })
    await write(OLD, monthEarlier, 'Oi, vocês têm o vestido azul no tamanho M?', 'Ana Antiga')
    await write(OLD, justPast, 'E o prazo de entrega para Campinas?', 'Ana Antiga')
    await write(OLD, cutoff, 'Chegou hoje, obrigada!', 'Ana Antiga')
    await write(OLD, new Date(now.getTime() - 3_600_000), 'Quero comprar de novo', 'Ana Antiga')
    await write(HELD, monthEarlier, 'Mensagem sob retenção legal', 'Hugo Retido')
    await write(ERASED, monthEarlier, ERASED_WORDS, 'Eva Apagada')
    const photo = await sidewaysPhoto()
    await h.sim.customerSentMedia(
      PHONE_ID,
      ERASED,
      {
        type: 'image',
        bytes: photo.bytes,
        mimeType: photo.mimeType,
        caption: 'foto antiga da Eva',
        name: 'Eva Apagada',
      },
      justPast,
    )
    await h.sim.customerSentMedia(
      PHONE_ID,
      OLD,
      {
        type: 'image',
        bytes: photo.bytes,
        mimeType: photo.mimeType,
        caption: 'foto do pedido',
        name: 'Ana Antiga',
      },
      monthEarlier,
    )
    // On the server, ingest runs in its own thread: wait for every message before looking people up.
    await h.waitFor(
      () => count(sql`select count(*)::int as n from messages`),
      (n) => n === 8,
      90_000,
    )
    oldId = await contactIdOf(h.rt, `+${OLD}`)
    heldId = await contactIdOf(h.rt, `+${HELD}`)
    erasedId = await contactIdOf(h.rt, `+${ERASED}`)
    await h.waitFor(
      async () => {
        await h.rt.mediaWorker.drain()
        return count(sql`select count(*)::int as n from media_objects where state = 'stored'`)
      },
      (n) => n === 2,
    )
    workspaceId = (
      await queryRows<{ id: string }>(h.rt.db.db, sql`select workspace_id::text as id from contacts limit 1`)
    )[0]?.id as string
    // A rep's reply long ago: a send job and status events hang off an old message.
    const sent = await h.rt.api('/api/v1/messages', {
      method: 'POST',
      json: { contact_id: oldId, sender: 'agent', content: { type: 'text', text: 'Temos sim, no M!' } },
    })
    expect(sent.status).toBe(202)
    // Until Meta's last status is in: a status arriving during the archive would (rightly) keep
    // the message hot for the next run.
    let settled = -1
    await h.waitFor(
      async () => {
        const n = await count(sql`select count(*)::int as n from message_status_events`)
        const stable = n === settled
        settled = n
        await new Promise((r) => setTimeout(r, 300))
        return stable ? n : 0
      },
      (n) => n >= 2,
    )
    await h.rt.db.db.execute(
      sql`update messages set sent_at = ${new Date(monthEarlier.getTime() + 60_000).toISOString()}::timestamptz
           where direction = 'outbound'`,
    )
    const [inbound] = await queryRows<{ id: string }>(
      h.rt.db.db,
      sql`select id::text from messages where text like 'Oi, vocês têm%'`,
    )
    const corrected = await h.rt.api(`/api/v1/messages/${inbound?.id}/corrections`, {
      method: 'POST',
      json: { field: 'intent', value: 'product_inquiry' },
    })
    expect(corrected.status, await corrected.clone().text()).toBeLessThan(300)
  }, 180_000)

  afterAll(async () => {
    await h?.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('retention defaults to 365 days and refuses fewer than 180, naming the field', async () => {
    expect(await (await h.rt.api('/api/v1/settings/retention')).json()).toEqual({ days: 365 })
    const refused = await h.rt.api('/api/v1/settings/retention', { method: 'PUT', json: { days: 179 } })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(await refused.json())).toContain('days')
    const ok = await h.rt.api('/api/v1/settings/retention', { method: 'PUT', json: { days: 180 } })
    expect(await ok.json()).toEqual({ days: 180 })
    await h.rt.api('/api/v1/settings/retention', { method: 'PUT', json: {} })
    expect(await (await h.rt.api('/api/v1/settings/retention')).json()).toEqual({ days: 365 })
  })

  it('a workspace hold stops the job; a contact hold keeps that person; holds are audited', async () => {
    const put = await h.rt.api('/api/v1/legal-holds/workspace', {
      method: 'PUT',
      json: { reason: 'Processo 123/2026' },
    })
    expect(put.status).toBe(200)
    expect(await archiveWorkspace(h.rt.db.db, storage, { workspaceId, now })).toEqual([])
    expect(await count(sql`select count(*)::int as n from message_archives`)).toBe(0)
    const lifted = await h.rt.api('/api/v1/legal-holds/workspace', {
      method: 'DELETE',
      json: { reason: 'Processo encerrado' },
    })
    expect(await lifted.json()).toMatchObject({
      reason: 'Processo 123/2026',
      lift_reason: 'Processo encerrado',
    })
    const held = await h.rt.api(`/api/v1/contacts/${heldId}/legal-hold`, {
      method: 'PUT',
      json: { reason: 'Pedido da autoridade' },
    })
    expect(await held.json()).toMatchObject({ contact_id: heldId, lifted_at: null })
    const list = await (await h.rt.api('/api/v1/legal-holds')).json()
    expect(list.holds).toHaveLength(2)
    const audit = await (await h.rt.api('/api/v1/audit?limit=50')).json()
    const actions = audit.entries.map((e: { action: string }) => e.action)
    expect(actions).toEqual(
      expect.arrayContaining([
        'PUT /api/v1/legal-holds/workspace',
        'DELETE /api/v1/legal-holds/workspace',
        'PUT /api/v1/contacts/{id}/legal-hold',
      ]),
    )
    const entry = audit.entries.find(
      (e: { action: string }) => e.action === 'PUT /api/v1/contacts/{id}/legal-hold',
    )
    expect(entry).toMatchObject({ actor_type: 'api_key', target_id: heldId })
  })

  let before: Record<string, string[]>
  it('archives exactly what is past retention, one file per month, ≥ 75 % smaller, media moved', async () => {
    before = await snapshot()
    const hotMediaKeys = await storage.list(`${workspaceId}/`)
    // One message per read and two per delete: every chunk boundary is crossed (status events, media, corrections follow their message).
    const results = await archiveWorkspace(h.rt.db.db, storage, {
      workspaceId,
      now,
      batchSize: 2,
      readChunk: 1,
    })
    expect(results.map((r) => r.month).sort()).toEqual([monthOf(monthEarlier), monthOf(justPast)].sort())
    const left = await queryRows<{ text: string | null; wa: string }>(
      h.rt.db.db,
      sql`select m.text, c.wa_id as wa from messages m join contacts c on c.id = m.contact_id order by m.sent_at`,
    )
    // The boundary message (sent at the cutoff) and the recent one stay; the held person stays.
    expect(left.map((m) => m.text).sort()).toEqual(
      ['Chegou hoje, obrigada!', 'Mensagem sob retenção legal', 'Quero comprar de novo'].sort(),
    )
    const files = await archiveFiles()
    expect(files.map((f) => f.month)).toEqual([monthOf(monthEarlier), monthOf(justPast)].sort())
    for (const f of files) {
      expect(await storage.list(`archives/${workspaceId}/${f.month}/`)).toEqual(
        expect.arrayContaining([expect.stringMatching(/\.json\.(zst|gz)$/)]),
      )
      const parts = (await storage.list(`archives/${workspaceId}/${f.month}/`)).filter(
        (k) => !k.includes('/media/'),
      )
      expect(parts).toHaveLength(1)
    }
    const all = files.flatMap((f) => f.content.tables.messages)
    // Ana: two texts, a photo and the rep's reply; Eva: a text and a photo.
    expect(all).toHaveLength(6)
    const early = files.find((f) => f.month === monthOf(monthEarlier))?.content
    expect(early?.tables.message_status_events.length).toBeGreaterThanOrEqual(2)
    expect(early?.tables.send_jobs).toHaveLength(1)
    expect(early?.tables.message_corrections).toHaveLength(1)
    expect(files.flatMap((f) => f.content.tables.media_objects)).toHaveLength(2)
    // Hot media files are gone from the hot keys and kept under the archive.
    for (const key of hotMediaKeys) expect(await storage.get(key)).toBeNull()
    expect(files.flatMap((f) => f.content.media).length).toBe(hotMediaKeys.length)
    const archives = await (await h.rt.api('/api/v1/archives')).json()
    expect(archives.archives).toHaveLength(2)
    const audit = await (await h.rt.api('/api/v1/audit?action=archive.month')).json()
    expect(audit.entries).toHaveLength(2)
    expect(audit.entries[0]).toMatchObject({ actor_type: 'system', scope: 'retention-archive' })
  })

  it('compresses realistic chat rows ≥ 75 % smaller than the JSON written', async () => {
    const phrases = [
      'Olá, tudo bem? Gostaria de saber se o tênis azul ainda está disponível no tamanho 42',
      'Qual o prazo de entrega para São Paulo capital?',
      'Hola, ¿tienen la chaqueta negra en talla M? ¿Cuánto cuesta el envío a Madrid?',
      '你好，请问这个包还有现货吗？可以寄到台北吗？',
      'Obrigada! Vou fazer o pedido agora mesmo pelo site',
      'Pode me mandar o código de rastreio do pedido #',
      'Tem desconto para pagamento no PIX?',
      'A peça chegou com defeito, quero trocar',
    ]
    const ts = monthEarlier.getTime() - 3 * DAY
    const rows = Array.from({ length: 600 }, (_, i) => ({
      text: `${phrases[i % phrases.length]} ${i % 7 === 0 ? `${10_000 + i * 37}` : ''}`.trim(),
      at: new Date(ts + i * 61_000).toISOString(),
      wamid: `wamid.HBgNNTUxMTk2MDAwMDEwMRUCABIYFDNBM0${(1e9 + i * 7919).toString(36).toUpperCase()}`,
    }))
    await h.rt.db.db.execute(sql`
      insert into messages (workspace_id, channel_id, contact_id, wamid, direction, type, text, payload, status, sender, sent_at, sentiment, language)
      select ${workspaceId}::uuid, (select id from whatsapp_channels limit 1), ${oldId}::uuid, r.wamid, 'inbound', 'text', r.text,
             jsonb_build_object('body', r.text), 'received', 'customer', r.at, 0.62, 'pt'
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) r(text text, at timestamptz, wamid text)`)
    const month = monthOf(new Date(ts))
    const [result] = (await archiveWorkspace(h.rt.db.db, storage, { workspaceId, now })).filter(
      (r) => r.month === month,
    )
    expect(result?.archived).toBeGreaterThanOrEqual(rows.length - 1)
    const saving = 1 - (result?.compressedBytes ?? 1) / (result?.rawBytes ?? 1)
    expect(saving).toBeGreaterThanOrEqual(0.75)
  })

  it('the thread says when older history is archived; a held person’s does not', async () => {
    const thread = await (await h.rt.api(`/api/v1/thread?phone=%2B${OLD}`)).json()
    const newest = (await archiveFiles()).map((f) => f.month).sort()
    const expected = new Date(`${newest.at(-1)}-01T00:00:00Z`)
    expected.setUTCMonth(expected.getUTCMonth() + 1)
    expect(thread.archived_before).toBe(expected.toISOString().slice(0, 7))
    expect(thread.messages.map((m: { text: string }) => m.text)).not.toContain(
      'E o prazo de entrega para Campinas?',
    )
    const held = await (await h.rt.api(`/api/v1/thread?phone=%2B${HELD}`)).json()
    expect(held.archived_before).toBeNull()
  })

  it('a crash after the file is written, or before the old file is removed, neither loses nor duplicates rows', async () => {
    const month = monthOf(new Date(justPast.getTime() - 3_600_000))
    await h.sim.customerWrote(PHONE_ID, OLD, new Date(justPast.getTime() - 3_600_000), {
      text: 'Uma mensagem atrasada do mesmo mês',
      name: 'Ana Antiga',
    })
    await h.waitFor(
      () =>
        count(sql`select count(*)::int as n from messages where text = 'Uma mensagem atrasada do mesmo mês'`),
      (n) => n === 1,
    )
    // 1. The process dies while reading the new file back: the old file and every hot row stay.
    const existing = new Set(await storage.list('archives/'))
    const diesOnReadBack: MediaStorage = {
      kind: 'local',
      put: (k, b, t) => storage.put(k, b, t),
      get: (k) =>
        existing.has(k) || !/\.json\./.test(k) ? storage.get(k) : Promise.reject(new Error('crash')),
      delete: (k) => storage.delete(k),
      list: (p) => storage.list(p),
    }
    await expect(archiveWorkspace(h.rt.db.db, diesOnReadBack, { workspaceId, now })).rejects.toThrow('crash')
    expect(
      await count(
        sql`select count(*)::int as n from messages where text = 'Uma mensagem atrasada do mesmo mês'`,
      ),
    ).toBe(1)
    // 2. It dies after pointing the month at the new file, before removing the old one and the rows.
    const diesOnDelete: MediaStorage = {
      kind: 'local',
      put: (k, b, t) => storage.put(k, b, t),
      get: (k) => storage.get(k),
      delete: () => Promise.reject(new Error('crash')),
      list: (p) => storage.list(p),
    }
    await expect(archiveWorkspace(h.rt.db.db, diesOnDelete, { workspaceId, now })).rejects.toThrow('crash')
    expect(
      (await storage.list(`archives/${workspaceId}/${month}/`)).filter((k) => !k.includes('/media/')).length,
    ).toBe(3)
    // 3. A normal run finishes: the row leaves the hot table once, the month has one file again.
    await archiveWorkspace(h.rt.db.db, storage, { workspaceId, now })
    expect(
      await count(
        sql`select count(*)::int as n from messages where text = 'Uma mensagem atrasada do mesmo mês'`,
      ),
    ).toBe(0)
    const file = (await archiveFiles()).find((f) => f.month === month)?.content as ArchiveContent
    const ids = file.tables.messages.map((m) => String(m.id))
    expect(new Set(ids).size).toBe(ids.length)
    expect(file.tables.messages.filter((m) => m.text === 'Uma mensagem atrasada do mesmo mês')).toHaveLength(
      1,
    )
    const parts = (await storage.list(`archives/${workspaceId}/${month}/`)).filter(
      (k) => !k.includes('/media/'),
    )
    expect(parts).toHaveLength(1)
  })

  it('a message that changes while its file is written stays hot, and the next run archives its new state', async () => {
    const month = monthOf(new Date(justPast.getTime() - 7_200_000))
    await h.sim.customerWrote(PHONE_ID, OLD, new Date(justPast.getTime() - 7_200_000), {
      text: 'Mensagem que muda durante o arquivo',
      name: 'Ana Antiga',
    })
    await h.waitFor(
      () =>
        count(
          sql`select count(*)::int as n from messages where text = 'Mensagem que muda durante o arquivo'`,
        ),
      (n) => n === 1,
    )
    // Between the file being stored and the rows leaving, a late status update reaches the message.
    const changesOnPut: MediaStorage = {
      kind: 'local',
      put: async (k, b, t) => {
        await storage.put(k, b, t)
        if (/\.json\./.test(k))
          await h.rt.db.db.execute(
            sql`update messages set status = 'read' where text = 'Mensagem que muda durante o arquivo'`,
          )
      },
      get: (k) => storage.get(k),
      delete: (k) => storage.delete(k),
      list: (p) => storage.list(p),
    }
    const [first] = await archiveWorkspace(h.rt.db.db, changesOnPut, { workspaceId, now })
    expect(first).toMatchObject({ month, archived: 0, skipped: 1 })
    expect(
      await count(
        sql`select count(*)::int as n from messages where text = 'Mensagem que muda durante o arquivo'`,
      ),
    ).toBe(1)
    await archiveWorkspace(h.rt.db.db, storage, { workspaceId, now })
    expect(
      await count(
        sql`select count(*)::int as n from messages where text = 'Mensagem que muda durante o arquivo'`,
      ),
    ).toBe(0)
    const file = (await archiveFiles()).find((f) => f.month === month)?.content as ArchiveContent
    const kept = file.tables.messages.filter((m) => m.text === 'Mensagem que muda durante o arquivo')
    expect(kept).toHaveLength(1)
    expect(kept[0]?.status).toBe('read')
  })

  it('another workspace can neither see nor restore these archives', async () => {
    const created = await h.rt.api('/api/v1/workspaces', { method: 'POST', json: { name: 'Outra loja' } })
    const { api_key: key } = await created.json()
    expect((await (await h.rt.api('/api/v1/archives', { key })).json()).archives).toEqual([])
    const restore = await h.rt.api(`/api/v1/archives/${monthOf(justPast)}/restore`, { method: 'POST', key })
    expect(restore.status).toBe(404)
    expect(
      await count(sql`select count(*)::int as n from message_archives where restored_at is not null`),
    ).toBe(0)
  })

  it('restoring the months gives back every row identical, media files included', async () => {
    for (const month of [monthOf(monthEarlier), monthOf(justPast)]) {
      const res = await h.rt.api(`/api/v1/archives/${month}/restore`, { method: 'POST' })
      expect(res.status, await res.clone().text()).toBe(200)
    }
    const after = await snapshot()
    for (const table of ARCHIVED_TABLES) {
      const back = new Set(after[table])
      const missing = (before[table] ?? []).filter((row) => !back.has(row))
      expect(missing, table).toEqual([])
    }
    const media = await queryRows<{ file_key: string }>(
      h.rt.db.db,
      sql`select file_key from media_objects where file_key is not null`,
    )
    for (const m of media) expect(await storage.get(m.file_key)).not.toBeNull()
    const thread = await (await h.rt.api(`/api/v1/thread?phone=%2B${OLD}&limit=100`)).json()
    expect(thread.messages.map((m: { text: string }) => m.text)).toContain(
      'E o prazo de entrega para Campinas?',
    )
    // A restored month is left in the hot tables by the next daily run.
    const again = await archiveWorkspace(h.rt.db.db, storage, { workspaceId, now })
    expect(again.map((r) => r.month)).not.toContain(monthOf(justPast))
  })

  it('erasing a person removes them from every archive file and their archived media', async () => {
    // Archive the person's months again (as after the restored period).
    await h.rt.db.db.execute(sql`update message_archives set restored_at = now() - interval '60 days'`)
    await archiveWorkspace(h.rt.db.db, storage, { workspaceId, now })
    const held = (await archiveFiles()).flatMap((f) =>
      f.content.tables.messages.filter((m) => m.contact_id === erasedId),
    )
    expect(held.length).toBe(2)
    const erasedMedia = (await archiveFiles()).flatMap((f) =>
      f.content.media.filter((m) =>
        f.content.tables.media_objects.some(
          (o) => String(o.id) === m.object_id && held.some((msg) => msg.id === o.message_id),
        ),
      ),
    )
    expect(erasedMedia.length).toBeGreaterThan(0)
    const res = await h.rt.api(`/api/v1/contacts/${erasedId}/erase`, {
      method: 'POST',
      json: { confirm: 'erase' },
    })
    const body = await res.json()
    expect(res.status, JSON.stringify(body)).toBe(200)
    expect(body.removed.archived_rows).toBeGreaterThanOrEqual(2)
    expect(body.tombstones).toBe(2)
    for (const f of await archiveFiles()) {
      const text = JSON.stringify(f.content)
      for (const needle of [ERASED, ERASED_WORDS, 'foto antiga da Eva', erasedId])
        expect(text).not.toContain(needle)
    }
    for (const m of erasedMedia) expect(await storage.get(m.archived_key)).toBeNull()
    expect(await storage.list(`${workspaceId}/`)).not.toEqual(
      expect.arrayContaining(erasedMedia.map((m) => m.key)),
    )
    const contacts = await queryRows<{ ids: string[] }>(
      h.rt.db.db,
      sql`select array_agg(c)::text[] as ids from message_archives, unnest(contact_ids) c`,
    )
    expect(contacts[0]?.ids ?? []).not.toContain(erasedId)
    // Others' archived history is intact.
    const others = (await archiveFiles()).flatMap((f) => f.content.tables.messages.map((m) => m.text))
    expect(others).toContain('E o prazo de entrega para Campinas?')
  })
})
