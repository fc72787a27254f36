import { mkdtemp, rm } from 'node:fs/promises'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { parseConfig } from '../../backend/src/config'
import { queryRows } from '../../backend/src/db/query-rows'
import { createLogger } from '../../backend/src/lib/logger'
import { ARCHIVE_DUTY_SHARE, archiveWorkspace } from '../../backend/src/lifecycle/retention/archive-job'
import { restoreArchiveMonth } from '../../backend/src/lifecycle/retention/restore-archive'
import { LocalDiskStorage } from '../../backend/src/media/local-disk-storage'
import { type Runtime, startRuntime } from '../../backend/src/runtime'
import { startMetaAccount } from '../support/meta-account'
import {
  BENCH_SECRETS,
  closeServer,
  dropDatabase,
  fmt,
  listen,
  percentile,
  recreateDatabase,
  round,
  sortedCopy,
} from './common'
import { BENCH_NUMBER, registerBenchChannel } from './deliveries'
import { Loadgen } from './loadgen-client'
import type { FromLoadgen, StepReply } from './loadgen-protocol'

/**
 * Retention benchmark: N messages past retention (with the status events of the rep's replies)
 * are archived into monthly files while webhook deliveries arrive at a steady rate; the ingest
 * ack p99 during the archive is compared with the p99 at the same rate just before, in the same
 * run. Also: archive throughput, compression (against the JSON written and against the rows'
 * size in Postgres, `pg_column_size`), and the time to restore one month. The media part of
 * issue #15's benchmark is `npm run bench:media`. Last line: one JSON object.
 */

const DB_NAME = 'scrm_bench_lifecycle'
const MESSAGES = Math.floor(Number(process.env.BENCH_LIFECYCLE_MESSAGES || 1_000_000))
const RATE = Number(process.env.BENCH_INGEST_RATE || 1_000)
const BASELINE_SECONDS = Number(process.env.BENCH_SECONDS || 15)
const CONTACTS = Math.max(10, Math.min(20_000, Math.round(MESSAGES / 50)))
const TARGETS = { p99IncreasePercent: 20, savingPercent: 75 }
const SEED_CHUNK = 100_000
const STEP_SECONDS = 10
const DELIVERIES = Number(process.env.BENCH_DELIVERIES || 400_000)
/** The archive's duty share (backend default ARCHIVE_DUTY_SHARE); 1 = only the 5 ms pauses, as before pacing. */
const DUTY = Number(process.env.BENCH_ARCHIVE_DUTY || ARCHIVE_DUTY_SHARE)

const log = (line: string) => process.stdout.write(`${line}\n`)

// Chat as it is: short questions and answers in the languages the product serves, with order
// numbers, prices and links that differ from one message to the next.
const BODIES = [
  'Olá! Vocês ainda têm o vestido azul no tamanho M? Pedido #%n',
  'Bom dia, meu pedido %n ainda não chegou. Podem verificar o rastreio?',
  'Obrigado pelo atendimento 🙏 tudo certo por aqui.',
  'Vocês entregam em São José dos Campos? https://example.com/loja/%n',
  'Quero trocar o tamanho da camiseta (M → G) 👕',
  'Hola, ¿cuánto cuesta el envío a Madrid? Mi código postal es 28%n',
  '你好，请问订单 %n 什么时候发货？',
  'Temos sim! O valor fica R$ %n,90 com frete grátis para sua região.',
  'Claro, já encaminhei para a equipe de trocas. Protocolo %n.',
  'ok',
  'Pode me mandar o boleto de novo? O anterior venceu.',
  'Tem desconto no PIX? Vou levar duas unidades.',
]

interface LoadWindow {
  steps: StepReply[]
  seconds: number
  /** Deliveries sent again because the prebuilt ones ran out (a long archive). */
  replayed: boolean
}

/**
 * Open-loop load at RATE deliveries/s in steps of STEP_SECONDS (each delivery's latency counts
 * from its scheduled time), until `until` settles or for `seconds`.
 */
async function steadyLoad(
  gen: Loadgen,
  origin: string,
  start: { index: number },
  until: Promise<unknown> | number,
): Promise<LoadWindow> {
  let done = false
  if (typeof until !== 'number') until.finally(() => (done = true))
  const steps: StepReply[] = []
  let replayed = false
  const t0 = performance.now()
  const budget = typeof until === 'number' ? until : Number.POSITIVE_INFINITY
  while (!done && (performance.now() - t0) / 1000 < budget - 0.5) {
    const seconds = Math.min(STEP_SECONDS, Math.max(1, budget - (performance.now() - t0) / 1000))
    if (start.index + RATE * seconds * 1.2 > DELIVERIES) {
      start.index = 0
      replayed = true
    }
    const r = await gen.call<StepReply>({
      type: 'step',
      origin,
      path: '/webhooks/whatsapp',
      connections: 256,
      seconds,
      startIndex: start.index,
      ratePerS: RATE,
    })
    start.index = r.endIndex
    steps.push(r)
  }
  return { steps, seconds: (performance.now() - t0) / 1000, replayed }
}

/** The load's p99: the largest step p99 (each step is STEP_SECONDS of the same steady rate). */
function describeLoad(label: string, w: LoadWindow): { p50: number; p99: number; failed: number } {
  const ok = w.steps.reduce((n, s) => n + s.ok, 0)
  const failed = w.steps.reduce((n, s) => n + s.failed.length, 0)
  const p99 = Math.max(...w.steps.map((s) => s.p99Ms))
  const p50s = sortedCopy(w.steps.map((s) => s.p50Ms))
  const p50 = percentile(p50s, 0.5)
  log(
    `${label.padEnd(16)} ${w.seconds.toFixed(1)} s in ${w.steps.length} steps  ${fmt(ok / w.seconds)} acked/s  failed ${failed}` +
      `  p50 ${p50.toFixed(1)} ms  p99 ${p99.toFixed(1)} ms (per step: ${w.steps.map((s) => s.p99Ms.toFixed(0)).join(', ')})` +
      (w.replayed ? '  [deliveries replayed: raise BENCH_DELIVERIES]' : ''),
  )
  return { p50, p99, failed }
}

/** A whole number written into the SQL text, so Postgres types the expression (generate_series, %). */
const int = (n: number) => sql.raw(String(Math.floor(n)))

async function seed(runtime: Runtime, workspaceId: string, channelId: string): Promise<void> {
  const db = runtime.db.db
  const t0 = performance.now()
  // Seeding writes history as it would have been, not as new traffic: no CRM outbox, analytics or
  // event webhooks for it.
  await db.execute(sql`alter table contacts disable trigger user`)
  await db.execute(sql`alter table messages disable trigger user`)
  await db.execute(sql`alter table message_status_events disable trigger user`)
  await db.execute(sql`
    insert into contacts (workspace_id, phone_e164, wa_id, profile_name, name)
    select ${workspaceId}::uuid, '+55219' || lpad(g::text, 8, '0'), '55219' || lpad(g::text, 8, '0'),
           'Cliente ' || g, 'Cliente ' || g
      from generate_series(1, ${int(CONTACTS)}) g`)
  const now = Date.now()
  // Twelve months of history ending 400 days ago: all of it past the default 365-day retention.
  const newest = new Date(now - 400 * 86_400_000).toISOString()
  for (let from = 1; from <= MESSAGES; from += SEED_CHUNK) {
    const to = Math.min(MESSAGES, from + SEED_CHUNK - 1)
    await db.execute(sql`
      with c as (select array_agg(id order by id) as ids from contacts where workspace_id = ${workspaceId}::uuid),
           b as (select ${JSON.stringify(BODIES)}::jsonb as bodies)
      insert into messages (workspace_id, channel_id, contact_id, wamid, direction, type, text, payload, status,
                            sender, sent_at, sentiment, language, intent, intent_confidence)
      select ${workspaceId}::uuid, ${channelId}::uuid, c.ids[1 + (g % ${int(CONTACTS)})],
             'wamid.HBgNNTUyMTk5OTk5OTk5FQIAEhgg' || upper(md5(g::text)),
             case when g % 3 = 0 then 'outbound' else 'inbound' end, 'text', t.text,
             jsonb_build_object('body', t.text),
             case when g % 3 = 0 then 'read' else 'received' end,
             case when g % 3 = 0 then 'agent' else 'customer' end,
             ${newest}::timestamptz - ((${int(MESSAGES)} - g) * (365.0 * 86400 / ${int(MESSAGES)})) * interval '1 second',
             round((0.3 + (g % 7) / 10.0)::numeric, 2), case when g % 12 = 5 then 'es' when g % 12 = 6 then 'zh' else 'pt' end,
             case when g % 3 = 0 then null else (array['order_status','price_discount','product_inquiry','other'])[1 + g % 4] end,
             case when g % 3 = 0 then null else 0.91 end
        from generate_series(${int(from)}, ${int(to)}) g, c, b,
             lateral (select replace(b.bodies ->> (g % ${int(BODIES.length)}), '%n', (100000 + g * 7)::text) as text) t`)
    log(`seeded ${fmt(to)} / ${fmt(MESSAGES)} messages`)
  }
  await db.execute(sql`
    insert into message_status_events (workspace_id, channel_id, wamid, status, occurred_at, recipient_id, pricing, conversation)
    select m.workspace_id, m.channel_id, m.wamid, s.status, m.sent_at + s.after, c.wa_id,
           '{"billable": false, "category": "service", "pricing_model": "PMP", "type": "free_customer_service"}'::jsonb,
           jsonb_build_object('id', md5(c.id::text), 'origin', jsonb_build_object('type', 'service'))
      from messages m join contacts c on c.id = m.contact_id
      cross join (values ('sent', interval '1 second'), ('delivered', interval '3 seconds'), ('read', interval '40 seconds')) s(status, after)
     where m.direction = 'outbound'`)
  await db.execute(sql`alter table contacts enable trigger user`)
  await db.execute(sql`alter table messages enable trigger user`)
  await db.execute(sql`alter table message_status_events enable trigger user`)
  await db.execute(sql`vacuum analyze messages`)
  await db.execute(sql`vacuum analyze message_status_events`)
  log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
}

async function main(): Promise<void> {
  log(
    `lifecycle bench: ${fmt(MESSAGES)} messages past retention, ingest at ${fmt(RATE)} deliveries/s, archive duty share ${DUTY}`,
  )
  const url = await recreateDatabase(DB_NAME)
  const dataDir = await mkdtemp(join(tmpdir(), 'scrm-bench-lifecycle-'))
  let runtime: Runtime | undefined
  let server: Server | undefined
  const gen = new Loadgen()
  try {
    const meta = await startMetaAccount([BENCH_NUMBER])
    const config = parseConfig({
      WHATSAPP_GRAPH_URL: meta.url,
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      DATABASE_URL: url,
      DATABASE_DRIVER: 'pg',
      DATABASE_POOL_SIZE: '10',
      DATA_DIR: dataDir,
      INGEST_WORKER: 'inline',
      SENDER: 'off',
      AUTOMATION_WORKER: 'off',
      CRM_SYNC: 'off',
      ...BENCH_SECRETS,
    })
    runtime = await startRuntime(config, createLogger('silent'))
    const channel = await registerBenchChannel(runtime.app)
    const db = runtime.db.db
    const [ws] = await queryRows<{ id: string }>(
      db,
      sql`select workspace_id::text as id from whatsapp_channels where id = ${channel.id}::uuid`,
    )
    const workspaceId = ws?.id as string
    await seed(runtime, workspaceId, channel.id)
    const [size] = await queryRows<{ messages: string; statuses: string; n: string; e: string }>(
      db,
      sql`select (select sum(pg_column_size(m.*)) from messages m) as messages,
                 (select sum(pg_column_size(s.*)) from message_status_events s) as statuses,
                 (select count(*) from messages) as n, (select count(*) from message_status_events) as e`,
    )
    const pgBytes = Number(size?.messages) + Number(size?.statuses)
    log(
      `rows: ${fmt(Number(size?.n))} messages, ${fmt(Number(size?.e))} status events, ${fmt(pgBytes / 1e6)} MB as stored`,
    )

    const built = await gen.call<Extract<FromLoadgen, { type: 'built' }>>({
      type: 'build',
      count: DELIVERIES,
      appSecret: BENCH_SECRETS.WHATSAPP_APP_SECRET,
    })
    log(`load generator ready: ${fmt(built.count)} signed deliveries`)
    const product = await listen(runtime.app.fetch)
    server = product.server
    const index = { index: 0 }
    await steadyLoad(gen, product.origin, index, 3)
    const base = await steadyLoad(gen, product.origin, index, BASELINE_SECONDS)
    const baseline = describeLoad('ingest alone', base)

    const storage = new LocalDiskStorage(join(dataDir, 'media'))
    const a0 = performance.now()
    const archiving = archiveWorkspace(db, storage, { workspaceId, dutyShare: DUTY })
    const during = await steadyLoad(gen, product.origin, index, archiving)
    const results = await archiving
    const archiveSeconds = (performance.now() - a0) / 1000
    const duringArchive = describeLoad('ingest + archive', during)
    const archived = results.reduce((n, r) => n + r.archived, 0)
    const raw = results.reduce((n, r) => n + r.rawBytes, 0)
    const compressed = results.reduce((n, r) => n + r.compressedBytes, 0)
    const [left] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from messages where sent_at < now() - interval '365 days'`,
    )
    const savingJson = 1 - compressed / raw
    const savingPg = 1 - compressed / pgBytes
    log(
      `archive: ${fmt(archived)} messages in ${results.length} monthly files, ${archiveSeconds.toFixed(1)} s = ${fmt(archived / archiveSeconds)} messages/s;` +
        ` ${fmt(left?.n ?? -1)} left past retention`,
    )
    log(
      `compression: ${fmt(raw / 1e6)} MB JSON written, ${fmt(pgBytes / 1e6)} MB as stored in Postgres -> ${round(compressed / 1e6, 1)} MB` +
        ` (${round(savingJson * 100)} % smaller than the JSON, ${round(savingPg * 100)} % smaller than the rows)`,
    )
    const p99Change = ((duringArchive.p99 - baseline.p99) / baseline.p99) * 100
    log(
      `ingest p99 ack: ${baseline.p99.toFixed(1)} ms alone, ${duringArchive.p99.toFixed(1)} ms while archiving (${round(p99Change)} %)`,
    )

    const month = results[Math.floor(results.length / 2)]?.month as string
    const restored = await restoreArchiveMonth(db, storage, { workspaceId, month })
    const restoredRows = Object.values(restored.restored).reduce((a, b) => a + b, 0)
    log(
      `restore ${month}: ${fmt(restoredRows)} rows (${fmt(restored.restored.messages ?? 0)} messages) in ${(restored.durationMs / 1000).toFixed(1)} s`,
    )

    const result = {
      bench: 'lifecycle',
      messages: MESSAGES,
      ingest_rate: RATE,
      archive_duty_share: DUTY,
      ingest_p99_ms: round(baseline.p99, 1),
      ingest_p99_during_archive_ms: round(duringArchive.p99, 1),
      ingest_p99_change_percent: round(p99Change, 1),
      ingest_failed: baseline.failed + duringArchive.failed,
      archived,
      monthly_files: results.length,
      archive_seconds: round(archiveSeconds, 1),
      archive_rows_per_s: Math.round(archived / archiveSeconds),
      raw_json_bytes: raw,
      stored_row_bytes: pgBytes,
      compressed_bytes: compressed,
      saving_vs_json_percent: round(savingJson * 100, 1),
      saving_vs_rows_percent: round(savingPg * 100, 1),
      restore_month: month,
      restore_rows: restoredRows,
      restore_seconds: round(restored.durationMs / 1000, 1),
      targets: {
        p99_increase_at_most_percent: TARGETS.p99IncreasePercent,
        saving_at_least_percent: TARGETS.savingPercent,
        met: p99Change <= TARGETS.p99IncreasePercent && savingPg * 100 >= TARGETS.savingPercent,
      },
    }
    await meta.close()
    log(JSON.stringify(result))
  } finally {
    gen.close()
    await closeServer(server)
    await runtime?.close()
    await rm(dataDir, { recursive: true, force: true })
    await dropDatabase(DB_NAME)
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    log(String(error?.stack ?? error))
    if (error?.cause) log(`cause: ${String(error.cause)}`)
    process.exit(1)
  },
)
