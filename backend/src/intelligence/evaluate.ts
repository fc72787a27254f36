import { readFileSync } from 'node:fs'
import { calibrationError, type ReliabilityBin } from './calibration'
import { classifyIntent } from './intent'
import { detectLanguage } from './language'
import { analyzeSentiment } from './sentiment'
import { parseJsonl } from './training'
import { INTENTS, type Intent, LANGUAGES, type LabelledMessage, type Language } from './types'
import type { WorkspaceLayer } from './workspace-layer'

export const EVAL_URL = new URL('../../../test/fixtures/intents/eval.jsonl', import.meta.url)
export const DEV_URL = new URL('../../../test/fixtures/intents/dev.jsonl', import.meta.url)
export const TRAIN_URL = new URL('../../../test/fixtures/intents/train.jsonl', import.meta.url)

export function loadFixture(url: URL): LabelledMessage[] {
  return parseJsonl(readFileSync(url, 'utf8'))
}

export interface Tally {
  correct: number
  total: number
}
const rate = (t: Tally) => (t.total === 0 ? 0 : t.correct / t.total)

export interface Prediction {
  message: LabelledMessage
  intent: Intent
  confidence: number
  language: string
  sentiment: string
}

export interface EvalReport {
  messages: number
  accuracy: number
  byIntent: Record<Intent, Tally>
  byLanguage: Record<Language, Tally>
  /** confusion[expected][predicted] */
  confusion: Record<Intent, Record<Intent, number>>
  sentimentAccuracy: number
  /** Over messages that have letters (an emoji alone has no language). */
  languageAccuracy: number
  predictions: Prediction[]
  min_intent_accuracy: number
  min_language_accuracy: number
  /** Share of complaints read as complaints: a missed one may get a sales automation. */
  complaintRecall: number
  /** Expected calibration error of the primary intent's confidence (10 bins). */
  ece: number
  reliability: ReliabilityBin[]
  /** Hard case → expected → predicted → count, for messages tagged with a `case`. */
  byCase: Record<string, Record<string, Record<string, number>>>
  /** Chinese by written variety: Hong Kong Cantonese, Traditional, Simplified. */
  byVariety: Record<string, Tally>
  /**
   * The out-of-domain slice (messages tagged `case: out_of_domain`: short replies, fragments,
   * numbers, names, emoji): how many read as `other`, and how many name no intent at or above
   * the automation threshold (what keeps them from firing an intent rule).
   */
  outOfDomain: { messages: number; other: number; noAutomation: number }
}

/** The lowest `min_confidence` an intent condition defaults to (automation/rules/rule-definition.ts). */
export const AUTOMATION_THRESHOLD = 0.5
export const OUT_OF_DOMAIN = 'out_of_domain'

/** Cantonese function words mark Hong Kong writing; traditional-only characters mark Taiwan's. */
const CANTONESE = /[咗嘅佢喺唔冇嚟哋啲係嗰搵咁俾畀睇攞喇咩乜窿]/u
const TRADITIONAL =
  /[們這麼嗎點發處問題謝對說話優運達還沒幾號門東開關讓聯務員報現實體樣顏碼個張裡來時間營業試質壞換給郵遞記帳戶萬塊幫請聽見滿氣態紅綠藍黃與區邊車場長為寶貝隊線電腦機鏈總經過錯難歡愛讚補數庫貼費幣產購詢資訊條鋪週國]/u

export function chineseVariety(text: string): 'zh-HK' | 'zh-TW' | 'zh-CN' {
  if (CANTONESE.test(text)) return 'zh-HK'
  return TRADITIONAL.test(text) ? 'zh-TW' : 'zh-CN'
}

/** Classifies every message and tallies intent, language and sentiment accuracy. */
export function evaluate(messages: LabelledMessage[], layer?: WorkspaceLayer): EvalReport {
  const tally = () => ({ correct: 0, total: 0 })
  const byIntent = Object.fromEntries(INTENTS.map((i) => [i, tally()])) as Record<Intent, Tally>
  const byLanguage = Object.fromEntries(LANGUAGES.map((l) => [l, tally()])) as Record<Language, Tally>
  const confusion = Object.fromEntries(
    INTENTS.map((i) => [i, Object.fromEntries(INTENTS.map((j) => [j, 0]))]),
  ) as Record<Intent, Record<Intent, number>>
  const overall = tally()
  const sentiment = tally()
  const language = tally()
  const predictions: Prediction[] = []
  const byCase: EvalReport['byCase'] = {}
  const byVariety: Record<string, Tally> = {}
  const outOfDomain = { messages: 0, other: 0, noAutomation: 0 }
  for (const m of messages) {
    const r = classifyIntent(m.text, layer)
    const s = analyzeSentiment(m.text)
    const ok = r.intent === m.intent ? 1 : 0
    for (const t of [overall, byIntent[m.intent], byLanguage[m.language]]) {
      t.total += 1
      t.correct += ok
    }
    confusion[m.intent][r.intent] += 1
    if (m.case) {
      byCase[m.case] ??= {}
      byCase[m.case][m.intent] ??= {}
      const row = byCase[m.case][m.intent]
      row[r.intent] = (row[r.intent] ?? 0) + 1
    }
    if (m.case === OUT_OF_DOMAIN) {
      outOfDomain.messages += 1
      if (r.intent === 'other') outOfDomain.other += 1
      if (r.intent === 'other' || r.confidence < AUTOMATION_THRESHOLD) outOfDomain.noAutomation += 1
    }
    if (m.language === 'zh') {
      const variety = chineseVariety(m.text)
      byVariety[variety] ??= tally()
      const v = byVariety[variety]
      v.total += 1
      v.correct += ok
    }
    sentiment.total += 1
    sentiment.correct += s.label === m.sentiment ? 1 : 0
    if (/\p{L}/u.test(m.text)) {
      language.total += 1
      language.correct += detectLanguage(m.text) === m.language ? 1 : 0
    }
    predictions.push({
      message: m,
      intent: r.intent,
      confidence: r.confidence,
      language: r.language,
      sentiment: s.label,
    })
  }
  const calibration = calibrationError(
    predictions.map((p) => ({ confidence: p.confidence, correct: p.intent === p.message.intent })),
  )
  return {
    complaintRecall: rate(byIntent.complaint),
    ece: calibration.ece,
    reliability: calibration.bins,
    byCase,
    byVariety,
    outOfDomain,
    messages: messages.length,
    accuracy: rate(overall),
    byIntent,
    byLanguage,
    confusion,
    sentimentAccuracy: rate(sentiment),
    languageAccuracy: rate(language),
    predictions,
    min_intent_accuracy: Math.min(...INTENTS.map((i) => rate(byIntent[i]))),
    min_language_accuracy: Math.min(...LANGUAGES.map((l) => rate(byLanguage[l]))),
  }
}

export { rate }
