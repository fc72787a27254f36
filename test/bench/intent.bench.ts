/**
 * `npm run bench:intent`: the cost of reading one customer message (intent with clauses,
 * precedence and calibration, secondary intents, sentiment, language) on the evaluation and
 * development sets, with and without a trained per-workspace layer, against a baseline measured in
 * the same run: the shared naive Bayes model alone on the whole text (what the classifier costs
 * without reading clauses). The budget is 1 ms median per message; the last line is one JSON object.
 */
import { performance } from 'node:perf_hooks'
import { readClauses } from '../../backend/src/intelligence/clauses'
import { DEV_URL, EVAL_URL, loadFixture } from '../../backend/src/intelligence/evaluate'
import { intentFeatures } from '../../backend/src/intelligence/features'
import { DEFAULT_PARAMS, intentLogits, warmUp } from '../../backend/src/intelligence/intent'
import { insightsFor } from '../../backend/src/intelligence/message-insights'
import { intentModel } from '../../backend/src/intelligence/model'
import { prepare } from '../../backend/src/intelligence/normalize'
import { valenceOf } from '../../backend/src/intelligence/sentiment'
import { SentimentLayer } from '../../backend/src/intelligence/sentiment-layer'
import { WorkspaceLayer } from '../../backend/src/intelligence/workspace-layer'

const ROUNDS = Number(process.env.BENCH_ROUNDS || 5)
const texts = [...loadFixture(EVAL_URL), ...loadFixture(DEV_URL)].map((m) => m.text)

// A layer as a busy workspace would have: 300 corrections, each message's label moved one intent on.
const layer = WorkspaceLayer.train(
  loadFixture(DEV_URL)
    .slice(0, 300)
    .map((m, i) => {
      const p = prepare(m.text)
      return {
        features: intentFeatures(readClauses(p).reading),
        base: intentLogits(p, intentModel(), DEFAULT_PARAMS),
        label: i % 3 === 0 ? 'complaint' : m.intent,
      }
    }),
)

// ...and 300 sentiment corrections, every third one flipped to negative.
const sentimentLayer = SentimentLayer.train(
  loadFixture(DEV_URL)
    .slice(0, 300)
    .map((m, i) => {
      const p = prepare(m.text)
      return {
        features: intentFeatures(p),
        base: valenceOf(p),
        label: i % 3 === 0 ? 'negative' : m.sentiment,
      }
    }),
)
const layers = { intent: layer, sentiment: sentimentLayer }

function medianMs(run: (text: string) => unknown): { p50: number; p99: number } {
  for (const t of texts) run(t) // warm-up
  const times: number[] = []
  for (let r = 0; r < ROUNDS; r++)
    for (const t of texts) {
      const t0 = performance.now()
      run(t)
      times.push(performance.now() - t0)
    }
  times.sort((a, b) => a - b)
  return { p50: times[Math.floor(times.length / 2)], p99: times[Math.floor(times.length * 0.99)] }
}

warmUp()
const baseline = medianMs((t) => intentModel().score(intentFeatures(prepare(t))))
const shared = medianMs((t) => insightsFor('text', t))
const withLayer = medianMs((t) => insightsFor('text', t, layers))
const fmt = (x: { p50: number; p99: number }) => `median ${x.p50.toFixed(4)} ms, p99 ${x.p99.toFixed(4)} ms`
console.log(`intent bench: ${texts.length} messages x ${ROUNDS} rounds`)
console.log(`baseline (naive Bayes alone, whole text)   ${fmt(baseline)}`)
console.log(
  `insights (clauses, precedence, calibrated) ${fmt(shared)}  ratio ${(shared.p50 / baseline.p50).toFixed(2)}`,
)
console.log(
  `insights + workspace layers (${layer.size} intent, ${sentimentLayer.size} sentiment features) ${fmt(withLayer)}  ratio ${(withLayer.p50 / baseline.p50).toFixed(2)}`,
)
console.log(`budget 1 ms median per message: ${withLayer.p50 <= 1 ? 'met' : 'NOT met'}`)
const r = (x: number) => Math.round(x * 10000) / 10000
console.log(
  JSON.stringify({
    messages: texts.length,
    baseline_ms_p50: r(baseline.p50),
    insights_ms_p50: r(shared.p50),
    insights_ms_p99: r(shared.p99),
    with_layer_ms_p50: r(withLayer.p50),
    ratio: r(withLayer.p50 / baseline.p50),
  }),
)
