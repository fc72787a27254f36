/**
 * `npm run eval:intents`: classifies every message of test/fixtures/intents/eval.jsonl and
 * prints accuracy per intent and per language (and per written Chinese variety), the most
 * frequent confusions, the confusion of each hard case (courtesy before a problem, a named
 * person, a wrong charge or item, a bulk quantity, an address in a purchase, a long greeting,
 * code-switching, out-of-domain replies), the out-of-domain slice (read as other; no intent at or
 * above the automation threshold), complaint recall, the calibration (expected calibration error and the
 * reliability table), sentiment and language-detection accuracy and the median cost of one
 * classification. The last line is one JSON object for CI and dashboards.
 *
 *   --set dev   evaluate the development set instead (the set used while tuning lexicons and
 *               constants, so that the evaluation set stays an honest held-out measure)
 *   --misses    list every misclassified message
 */
import { performance } from 'node:perf_hooks'
import {
  AUTOMATION_THRESHOLD,
  DEV_URL,
  EVAL_URL,
  evaluate,
  loadFixture,
  rate,
} from '../backend/src/intelligence/evaluate'
import { classifyIntent } from '../backend/src/intelligence/intent'
import { INTENTS, LANGUAGES } from '../backend/src/intelligence/types'

const set = process.argv.includes('--set') ? process.argv[process.argv.indexOf('--set') + 1] : 'eval'
const messages = loadFixture(set === 'dev' ? DEV_URL : EVAL_URL)
const report = evaluate(messages)

const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7)

console.log(
  `\nIntent accuracy on ${report.messages} ${set === 'dev' ? 'development' : 'evaluation'} messages\n`,
)
console.log(`${'intent'.padEnd(16)} ${LANGUAGES.map((l) => l.padStart(7)).join(' ')}     all     n`)
for (const intent of INTENTS) {
  const cells = LANGUAGES.map((lang) => {
    const own = report.predictions.filter((p) => p.message.intent === intent && p.message.language === lang)
    return pct(own.filter((p) => p.intent === intent).length / Math.max(1, own.length))
  })
  const t = report.byIntent[intent]
  console.log(`${intent.padEnd(16)} ${cells.join(' ')} ${pct(rate(t))} ${String(t.total).padStart(5)}`)
}
console.log(
  `${'all'.padEnd(16)} ${LANGUAGES.map((l) => pct(rate(report.byLanguage[l]))).join(' ')} ${pct(report.accuracy)} ${String(report.messages).padStart(5)}`,
)

const confusions = INTENTS.flatMap((expected) =>
  INTENTS.filter((predicted) => predicted !== expected).map((predicted) => ({
    expected,
    predicted,
    n: report.confusion[expected][predicted],
  })),
)
  .filter((c) => c.n > 0)
  .sort((a, b) => b.n - a.n)
console.log('\nConfusions (expected → predicted)')
for (const c of confusions.slice(0, 12))
  console.log(`  ${String(c.n).padStart(3)}  ${c.expected} → ${c.predicted}`)

const misses = report.predictions.filter((p) => p.intent !== p.message.intent)
if (process.argv.includes('--misses'))
  for (const p of misses)
    console.log(
      `  [${p.message.language}] ${p.message.intent} → ${p.intent} (${p.confidence.toFixed(2)}): ${p.message.text}`,
    )

console.log('\nAccuracy by written Chinese variety')
for (const [variety, t] of Object.entries(report.byVariety).sort())
  console.log(`  ${variety.padEnd(6)} ${pct(rate(t))} ${String(t.total).padStart(5)}`)

console.log('\nHard cases (expected → predicted: count)')
for (const [name, rows] of Object.entries(report.byCase).sort()) {
  let total = 0
  let right = 0
  const cells: string[] = []
  for (const [expected, row] of Object.entries(rows))
    for (const [predicted, n] of Object.entries(row)) {
      total += n
      if (predicted === expected) right += n
      cells.push(`${expected}→${predicted}: ${n}`)
    }
  console.log(
    `  ${name.padEnd(24)} ${pct(right / Math.max(1, total))} ${String(total).padStart(4)}   ${cells.join(', ')}`,
  )
}

const ood = report.outOfDomain
const oodOther = ood.other / Math.max(1, ood.messages)
const oodQuiet = ood.noAutomation / Math.max(1, ood.messages)
console.log(
  `\nOut of domain (${ood.messages} short replies, fragments, numbers, names, emoji): read as other ${pct(oodOther)},` +
    ` no intent at or above the automation threshold ${AUTOMATION_THRESHOLD} ${pct(oodQuiet)} (target ≥ 90%)`,
)
console.log(`Complaint recall: ${pct(report.complaintRecall)}`)
console.log(`Calibration: expected calibration error ${report.ece.toFixed(4)} (10 bins)`)
console.log('  confidence   n   mean conf  accuracy')
for (const b of report.reliability)
  if (b.count > 0)
    console.log(
      `  ${b.from.toFixed(1)}–${b.to.toFixed(1)} ${String(b.count).padStart(5)}   ${b.confidence.toFixed(3)}     ${b.accuracy.toFixed(3)}`,
    )

console.log(
  `\nSentiment accuracy: ${pct(report.sentimentAccuracy)}   language detection: ${pct(report.languageAccuracy)}`,
)

// Cost: warm up, then time each classification separately and take the median.
for (let i = 0; i < 3; i++) for (const m of messages) classifyIntent(m.text)
const times: number[] = []
for (let round = 0; round < 5; round++)
  for (const m of messages) {
    const t0 = performance.now()
    classifyIntent(m.text)
    times.push(performance.now() - t0)
  }
times.sort((a, b) => a - b)
const median = times[Math.floor(times.length / 2)]
const p99 = times[Math.floor(times.length * 0.99)]
console.log(
  `Cost per message: median ${median.toFixed(4)} ms, p99 ${p99.toFixed(4)} ms (${times.length} runs)\n`,
)

const round = (x: number) => Math.round(x * 10000) / 10000
console.log(
  JSON.stringify({
    accuracy: round(report.accuracy),
    min_intent_accuracy: round(report.min_intent_accuracy),
    min_language_accuracy: round(report.min_language_accuracy),
    complaint_recall: round(report.complaintRecall),
    out_of_domain_other: round(oodOther),
    out_of_domain_no_automation: round(oodQuiet),
    ece: round(report.ece),
    messages: report.messages,
    sentiment_accuracy: round(report.sentimentAccuracy),
    language_detection_accuracy: round(report.languageAccuracy),
    median_ms: round(median),
  }),
)
