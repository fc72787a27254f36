/**
 * `npm run bench:reports`: a workspace with BENCH_MESSAGES messages (default 1,000,000) over 90 days
 * from BENCH_CONTACTS contacts answered by 20 agents, seeded set-based (generate_series) through the
 * real tables and triggers, on the Postgres server. Then, in the same run:
 *   - each report's latency (p50/p95 over BENCH_ITERATIONS calls) over the 90 days, and the same
 *     answers computed from raw messages in SQL (test/support/analytics-baseline.ts), compared equal;
 *   - rollup lag at 1,500 messages/s: batches of 150 committed every 100 ms; a batch's rollups are
 *     visible when it commits, so the lag is the commit latency; the same load with the rollup
 *     trigger off is the baseline of what the trigger costs.
 *   - the keywords report (the 150 most used words and phrases) and the monthly product
 *     suggestions, whose rollups are filled by ingest's own keyword counting, against the same
 *     counts recomputed from the raw messages' texts.
 * Last line: one JSON object.
 */
import { sql } from 'drizzle-orm'
import { activityReport } from '../../backend/src/analytics/activity-report'
import { analyticsOf } from '../../backend/src/analytics/analytics-settings'
import { churnReport } from '../../backend/src/analytics/churn-report'
import { costReport } from '../../backend/src/analytics/cost-report'
import { funnelReport } from '../../backend/src/analytics/funnel-report'
import { type KeywordsRequest, keywordsReport } from '../../backend/src/analytics/keywords-report'
import {
  type ProductSuggestionsRequest,
  productSuggestionsReport,
} from '../../backend/src/analytics/product-suggestions-report'
import type { ReportPeriod } from '../../backend/src/analytics/report-period'
import { serviceReport } from '../../backend/src/analytics/service-report'
import { openDatabase } from '../../backend/src/db/client'
import { migrateDatabase } from '../../backend/src/db/migrate'
import { queryRows } from '../../backend/src/db/query-rows'
import {
  rawBillable,
  rawDailyActivity,
  rawFunnel,
  rawHourOfWeek,
  rawService,
  rawServiceTotal,
} from '../support/analytics-baseline'
import { dropDatabase, fmt, percentile, recreateDatabase, round, sortedCopy } from './common'
import {
  countSeededKeywords,
  keywordsMatchRaw,
  seedCatalog,
  suggestionsMatchRaw,
  variantColumns,
} from './keyword-bench'

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1_000_000)
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? Math.max(100, Math.round(MESSAGES / 50)))
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 30)
const BASELINE_ITERATIONS = Number(process.env.BENCH_BASELINE_ITERATIONS ?? 3)
const AGENTS = 20
const DB = 'scrm_bench_reports'
const START = '2026-01-01T00:00:00Z'
const DAYS = 90
const log = (line: string) => process.stderr.write(`${line}\n`)
/** The brief's "150+ keywords customers use most", and the monthly product suggestions. */
const KEYWORDS: KeywordsRequest = { group: 'none', kind: 'all', limit: 150 }

async function timed<T>(
  run: () => Promise<T>,
  times: number,
): Promise<{ p50: number; p95: number; answer: T }> {
  const ms: number[] = []
  let answer: T | undefined
  for (let i = 0; i < times; i += 1) {
    const t = performance.now()
    answer = await run()
    ms.push(performance.now() - t)
  }
  const sorted = sortedCopy(ms)
  return { p50: round(percentile(sorted, 0.5)), p95: round(percentile(sorted, 0.95)), answer: answer as T }
}

async function main() {
  const url = await recreateDatabase(DB)
  const handle = await openDatabase({ driver: 'pg', url, poolSize: 4 })
  const db = handle.db
  try {
    await migrateDatabase(handle)
    const [ws] = await queryRows<{ id: string }>(
      db,
      sql`insert into workspaces (name, settings) values ('Bench', ${JSON.stringify({
        locale: { time_zone: 'America/Sao_Paulo' },
        analytics: { rate_card: { currency: 'USD', rates: { marketing: 0.0625, utility: 0.008 } } },
      })}::jsonb) returning id`,
    )
    const workspaceId = ws!.id
    const [ch] = await queryRows<{ id: string }>(
      db,
      sql`insert into whatsapp_channels (workspace_id, phone_number_id, display_phone_number, default_region)
          values (${workspaceId}, 'bench-reports', '+55 11 4000-0000', 'BR') returning id`,
    )
    const channelId = ch!.id
    await db.execute(sql`insert into contacts (workspace_id, wa_id, phone_e164, sentiment, churn_risk_at)
      select ${workspaceId}, '5511' || lpad(g::text, 9, '0'), '+5511' || lpad(g::text, 9, '0'), (g % 100) / 100.0,
        case when g % 37 = 0 then ${START}::timestamptz + (g % ${DAYS}) * interval '1 day' end
      from generate_series(1, ${CONTACTS}) g`)

    // Per contact: alternating customer message / agent answer, a pair every ~43 h, the contact's
    // own offset in the day; waits from 0 s to 15 min; intents by hash; ~1 in 10 answers billed.
    const perContact = Math.ceil(MESSAGES / CONTACTS)
    const customer = variantColumns(sql`n`, sql`k`)
    await seedCatalog(db, workspaceId)
    const seedStart = performance.now()
    const chunk = Math.max(1, Math.floor(CONTACTS / 20))
    for (let from = 1; from <= CONTACTS; from += chunk) {
      const to = Math.min(CONTACTS, from + chunk - 1)
      await db.execute(sql`
        with c as (
          select id, row_number() over (order by id) as n from contacts where workspace_id = ${workspaceId}
        ), m as (
          select c.id as contact_id, c.n, k,
            ${START}::timestamptz + (k / 2) * (${DAYS * 24}::float / ${Math.ceil(perContact / 2)} * interval '1 hour')
              + (c.n % 1440) * interval '1 minute'
              + case when k % 2 = 1 then ((c.n * 31 + k * 17) % 900) * interval '1 second' else interval '0' end as sent_at
          from c cross join generate_series(0, ${perContact - 1}) k
          where c.n between ${from} and ${to}
        )
        insert into messages (workspace_id, channel_id, contact_id, wamid, direction, type, text, status, sender, agent_id, sent_at, intent, language, products)
        select ${workspaceId}, ${channelId}, contact_id, 'wamid.bench.' || n || '.' || k,
          case when k % 2 = 0 then 'inbound' else 'outbound' end, 'text',
          case when k % 2 = 0 then ${customer.text} else 'bench' end,
          case when k % 2 = 0 then 'received' else 'sent' end,
          case when k % 2 = 0 then 'customer' else 'agent' end,
          case when k % 2 = 1 then 'agent-' || ((n + k) % ${AGENTS}) end,
          sent_at,
          case when k % 2 = 0 then (array['complaint','price_discount','product_inquiry','quote','order_status','other','other','other','other','purchase_intent'])[1 + (n * 7 + k * 3) % 10] end,
          case when k % 2 = 0 then ${customer.language} end,
          case when k % 2 = 0 then ${customer.products} end
        from m where sent_at < ${START}::timestamptz + interval '${sql.raw(String(DAYS))} days'
        order by sent_at`)
      log(`seeded contacts ${fmt(to)}/${fmt(CONTACTS)} (${round((performance.now() - seedStart) / 1000)} s)`)
    }
    // Two statuses per answer, Meta's pricing on each (billable ~1 in 10), in one set-based pass.
    await db.execute(sql`
      insert into message_status_events (workspace_id, channel_id, wamid, status, occurred_at, pricing)
      select workspace_id, channel_id, wamid, s.status, sent_at + s.after,
        jsonb_build_object('billable', (id % 10 = 1), 'pricing_model', 'PMP',
          'category', case when id % 20 = 1 then 'marketing' when id % 10 = 1 then 'utility' else 'service' end)
      from messages m cross join (values ('sent', interval '1 second'), ('delivered', interval '3 seconds')) s(status, after)
      where m.workspace_id = ${workspaceId} and m.direction = 'outbound'`)
    const keywordStart = performance.now()
    await countSeededKeywords(db, workspaceId, log)
    const keywordSeconds = round((performance.now() - keywordStart) / 1000)
    await db.execute(sql`analyze`)
    const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from messages`)
    const seedSeconds = round((performance.now() - seedStart) / 1000)
    log(
      `${fmt(count!.n)} messages from ${fmt(CONTACTS)} contacts in ${seedSeconds} s (rollups kept by the triggers)`,
    )

    const period: ReportPeriod = {
      workspaceId,
      from: '2026-01-01',
      to: '2026-03-31',
      timeZone: 'America/Sao_Paulo',
    }
    const SUGGESTIONS: ProductSuggestionsRequest = {
      workspaceId,
      month: '2026-02',
      products: 20,
      terms: 10,
      kind: 'phrase',
    }
    const settings = analyticsOf({
      analytics: { rate_card: { currency: 'USD', rates: { marketing: 0.0625, utility: 0.008 } } },
    })
    const reports: Record<string, () => Promise<unknown>> = {
      service: () => serviceReport(db, period, 'agent'),
      activity: () => activityReport(db, period, 'day'),
      cost: () => costReport(db, period, 'day', settings),
      funnel: () => funnelReport(db, period, 'intent'),
      churn: () => churnReport(db, period, 'week'),
      keywords: () => keywordsReport(db, period, KEYWORDS),
      product_suggestions: () => productSuggestionsReport(db, SUGGESTIONS),
    }
    const results: Record<string, { p50: number; p95: number; baseline_p95?: number; equal?: boolean }> = {}
    for (const [name, run] of Object.entries(reports)) {
      const r = await timed(run, ITERATIONS)
      results[name] = { p50: r.p50, p95: r.p95 }
      log(`${name}: p50 ${r.p50} ms, p95 ${r.p95} ms`)
    }
    const service = await serviceReport(db, period, 'agent')
    const rawServiceAnswer = await timed(
      async () => ({ total: await rawServiceTotal(db, period), rows: await rawService(db, period, 'agent') }),
      BASELINE_ITERATIONS,
    )
    const keywords = await keywordsReport(db, period, KEYWORDS)
    const rawKeywords = await timed(
      () => keywordsMatchRaw(db, period, keywords, KEYWORDS.limit),
      BASELINE_ITERATIONS,
    )
    const suggestions = await productSuggestionsReport(db, SUGGESTIONS)
    const rawSuggestions = await timed(
      () => suggestionsMatchRaw(db, workspaceId, period.timeZone, suggestions, SUGGESTIONS),
      BASELINE_ITERATIONS,
    )
    const activity = await activityReport(db, period, 'day')
    const rawActivity = await timed(
      async () => [await rawDailyActivity(db, period), await rawHourOfWeek(db, period)] as const,
      BASELINE_ITERATIONS,
    )
    const cost = await costReport(db, period, 'none', settings)
    const rawCost = await timed(() => rawBillable(db, period), BASELINE_ITERATIONS)
    const funnel = await funnelReport(db, period, 'none')
    const rawF = await timed(() => rawFunnel(db, period), BASELINE_ITERATIONS)
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
    results.service = {
      ...results.service!,
      baseline_p95: rawServiceAnswer.p95,
      equal:
        same(service.total, rawServiceAnswer.answer.total) &&
        same(service.rows, rawServiceAnswer.answer.rows),
    }
    results.keywords = {
      ...results.keywords!,
      baseline_p95: rawKeywords.p95,
      equal: rawKeywords.answer && keywords.rows.length > 0,
    }
    results.product_suggestions = {
      ...results.product_suggestions!,
      baseline_p95: rawSuggestions.p95,
      equal: rawSuggestions.answer,
    }
    results.activity = {
      ...results.activity!,
      baseline_p95: rawActivity.p95,
      equal:
        same(
          activity.rows.map((r) => ({
            day: r.group,
            inbound: r.inbound,
            outbound: r.outbound,
            complaints: r.complaints,
            conversations: r.conversations,
          })),
          rawActivity.answer[0],
        ) && same(activity.hour_of_week, rawActivity.answer[1]),
    }
    results.cost = {
      ...results.cost!,
      baseline_p95: rawCost.p95,
      equal: same(cost.total.billable, rawCost.answer),
    }
    results.funnel = {
      ...results.funnel!,
      baseline_p95: rawF.p95,
      equal: same(
        [funnel.total.contacts, funnel.total.qualified, funnel.total.ordered],
        [rawF.answer.contacts, rawF.answer.qualified, rawF.answer.ordered],
      ),
    }
    for (const [name, r] of Object.entries(results))
      if (r.baseline_p95 !== undefined)
        log(
          `${name}: raw SQL baseline p95 ${r.baseline_p95} ms (${round(r.baseline_p95 / r.p95)}× the report), equal: ${r.equal}`,
        )

    // Rollup lag at 1,500 messages/s: 150 messages every 100 ms for 10 s.
    const contactIds = (
      await queryRows<{ id: string }>(
        db,
        sql`select id from contacts where workspace_id = ${workspaceId} order by id`,
      )
    ).map((r) => r.id)
    const lagRun = async (label: string) => {
      const latencies: number[] = []
      const started = performance.now()
      let seq = 0
      for (let tick = 0; tick < 100; tick += 1) {
        const due = started + tick * 100
        const wait = due - performance.now()
        if (wait > 0) await new Promise((r) => setTimeout(r, wait))
        const t = performance.now()
        const batch = Array.from(
          { length: 150 },
          (_, i) => contactIds[(seq + i) % contactIds.length] as string,
        )
        await db.execute(sql`
          insert into messages (workspace_id, channel_id, contact_id, wamid, direction, type, text, status, sender, sent_at)
          select ${workspaceId}, ${channelId}, c.id, 'wamid.lag.' || ${label} || '.' || (${seq} + c.n), 'inbound', 'text', 'x', 'received', 'customer', now()
          from unnest(${`{${batch.join(',')}}`}::uuid[]) with ordinality as c(id, n)`)
        seq += 150
        latencies.push(performance.now() - t)
      }
      const elapsed = (performance.now() - started) / 1000
      const sorted = sortedCopy(latencies)
      return {
        rate: Math.round(15_000 / elapsed),
        p95: round(percentile(sorted, 0.95)),
        max: round(sorted[sorted.length - 1] as number),
      }
    }
    const withRollups = await lagRun('on')
    await db.execute(sql`alter table messages disable trigger messages_analytics_inserted`)
    const withoutRollups = await lagRun('off')
    await db.execute(sql`alter table messages enable trigger messages_analytics_inserted`)
    log(
      `ingest at ${fmt(withRollups.rate)} msg/s: rollups visible at commit, lag p95 ${withRollups.p95} ms (max ${withRollups.max} ms); without the rollup trigger p95 ${withoutRollups.p95} ms`,
    )
    const worstP95 = Math.max(...Object.values(results).map((r) => r.p95))
    console.log(
      JSON.stringify({
        bench: 'reports',
        messages: count!.n,
        contacts: CONTACTS,
        agents: AGENTS,
        days: DAYS,
        seed_seconds: seedSeconds,
        keyword_count_seconds: keywordSeconds,
        reports: results,
        worst_report_p95_ms: worstP95,
        target_p95_ms: 200,
        all_equal: Object.values(results).every((r) => r.equal !== false),
        rollup_lag_p95_ms: withRollups.p95,
        rollup_lag_max_ms: withRollups.max,
        ingest_rate_msg_s: withRollups.rate,
        baseline_ingest_p95_ms_without_rollups: withoutRollups.p95,
        target_lag_ms: 5000,
      }),
    )
  } finally {
    await handle.close()
    if (!process.env.BENCH_KEEP) await dropDatabase(DB)
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
