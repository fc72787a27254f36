/**
 * bench:dedup — how fast and how well the duplicate finder works on a labelled workspace of
 * 100,000 contacts (test/bench/dedup-dataset.ts): time to find every candidate, precision and
 * recall above the review threshold, pairs compared per contact; against a naive exact-phone
 * match (the peers' approach) on the same set, and against comparing all pairs on a sample.
 * Last line: one JSON object.
 */
import { buildProfiles } from '../../backend/src/contacts/dedup/build-profile'
import { allPairs, findCandidates } from '../../backend/src/contacts/dedup/find-candidates'
import { DEFAULT_DEDUP_SETTINGS } from '../../backend/src/contacts/dedup/settings'
import { type Dataset, generateDataset } from './dedup-dataset'

const CONTACTS = Number(process.env.BENCH_DEDUP_CONTACTS ?? 100_000)
const SAMPLE = Number(process.env.BENCH_DEDUP_SAMPLE ?? 5_000)
const TARGET_SECONDS = 10
const TARGET_PRECISION = 0.95
const TARGET_RECALL = 0.9
const PAIRS_PER_CONTACT = 50

const log = (line: string) => process.stdout.write(`${line}\n`)
const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d

function measure(found: { a: string; b: string }[], truth: Set<string>) {
  let hits = 0
  for (const c of found) if (truth.has(`${c.a}|${c.b}`)) hits++
  return {
    precision: found.length === 0 ? 1 : hits / found.length,
    recall: truth.size === 0 ? 1 : hits / truth.size,
  }
}

/** The peers' way: two contacts are one person when their phone digits are exactly equal. */
function exactPhoneBaseline(data: Dataset) {
  const byDigits = new Map<string, string[]>()
  for (const c of data.contacts) {
    const digitsOf = new Set(
      [c.phone, ...(c.typedPhones ?? [])].flatMap((p) => (p ? [p.replace(/\D/g, '')] : [])),
    )
    digitsOf.delete('')
    for (const digits of digitsOf) byDigits.set(digits, [...(byDigits.get(digits) ?? []), c.id])
  }
  const pairs: { a: string; b: string }[] = []
  for (const ids of byDigits.values()) {
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const [a, b] = [ids[i] as string, ids[j] as string].sort() as [string, string]
        pairs.push({ a, b })
      }
    }
  }
  return measure(pairs, data.truth)
}

function main() {
  const reviewScore = DEFAULT_DEDUP_SETTINGS.review_score
  const data = generateDataset(CONTACTS)
  log(`workspace: ${data.contacts.length} contacts, ${data.truth.size} labelled duplicate pairs`)

  const cpuStart = process.cpuUsage()
  const started = performance.now()
  const profiles = buildProfiles(data.contacts, data.region)
  const normalised = performance.now()
  const result = findCandidates(profiles, { reviewScore })
  const seconds = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuStart)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  const quality = measure(result.candidates, data.truth)
  log(
    `product: ${result.candidates.length} candidates in ${seconds.toFixed(2)} s ` +
      `(normalising ${((normalised - started) / 1000).toFixed(2)} s), ${result.pairsCompared} pairs compared ` +
      `(${(result.pairsCompared / data.contacts.length).toFixed(1)} per contact); CPU ${cpuSeconds.toFixed(2)} s ` +
      '(wall time includes waiting for a busy machine)',
  )
  log(
    `product: precision ${round(quality.precision)}, recall ${round(quality.recall)} at score >= ${reviewScore}`,
  )

  const baseline = exactPhoneBaseline(data)
  log(`baseline exact phone digits: precision ${round(baseline.precision)}, recall ${round(baseline.recall)}`)
  log(`ratio recall product / baseline = ${(quality.recall / Math.max(baseline.recall, 1e-9)).toFixed(2)}`)

  // All pairs on a sample of whole people, so each labelled pair is in or out together.
  const sample = generateDataset(SAMPLE, 41)
  const sampleProfiles = buildProfiles(sample.contacts, sample.region)
  const t0 = performance.now()
  const exhaustive = allPairs(sampleProfiles, reviewScore)
  const exhaustiveSeconds = (performance.now() - t0) / 1000
  const blocked = findCandidates(sampleProfiles, { reviewScore })
  const eq = measure(exhaustive.candidates, sample.truth)
  const bq = measure(blocked.candidates, sample.truth)
  log(
    `sample ${sample.contacts.length}: all pairs ${exhaustive.pairsCompared} compared in ${exhaustiveSeconds.toFixed(2)} s, ` +
      `precision ${round(eq.precision)} recall ${round(eq.recall)}; blocking ${blocked.pairsCompared} compared, ` +
      `precision ${round(bq.precision)} recall ${round(bq.recall)} (${((100 * bq.recall) / Math.max(eq.recall, 1e-9)).toFixed(1)} % of all-pairs recall)`,
  )

  const checks: [boolean, string][] = [
    [seconds < TARGET_SECONDS, `time < ${TARGET_SECONDS} s: ${seconds.toFixed(2)} s`],
    [quality.precision >= TARGET_PRECISION, `precision >= ${TARGET_PRECISION}: ${round(quality.precision)}`],
    [quality.recall >= TARGET_RECALL, `recall >= ${TARGET_RECALL}: ${round(quality.recall)}`],
    [
      result.pairsCompared <= PAIRS_PER_CONTACT * data.contacts.length,
      `pairs <= ${PAIRS_PER_CONTACT} x contacts: ${result.pairsCompared}`,
    ],
  ]
  for (const [ok, line] of checks) log(`${ok ? 'PASS' : 'FAIL'} ${line}`)
  log(
    JSON.stringify({
      contacts: data.contacts.length,
      seconds: round(seconds, 2),
      cpu_seconds: round(cpuSeconds, 2),
      precision: round(quality.precision),
      recall: round(quality.recall),
      baseline_recall: round(baseline.recall),
      pairs_compared: result.pairsCompared,
      all_pairs_sample_recall: round(eq.recall),
      sample_blocking_recall: round(bq.recall),
    }),
  )
  if (checks.some(([ok]) => !ok)) process.exitCode = 1
}

main()
