import { languageFeatures } from './features'
import { LATIN_LANGUAGES, type LatinLanguage, wordEvidence } from './language-lexicon'
import { languageModel } from './model'
import { type PreparedText, prepare } from './normalize'
import type { DetectedLanguage } from './types'

const HAN = /\p{Script=Han}/gu
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu
const HANGUL = /\p{Script=Hangul}/gu
const LATIN = /\p{Script=Latin}/gu
const LETTER = /\p{L}/gu
const WORD = /\p{L}+/gu
const APOSTROPHES = /['’`´]/g

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0

/** Accents and punctuation only one of the three Latin languages uses. */
function orthography(raw: string): Record<LatinLanguage, number> {
  const s = raw.toLowerCase()
  const pt =
    Math.min(count(s, /[ãõ]/gu), 2) * 2 +
    Math.min(count(s, /ç/gu), 2) * 1.5 +
    Math.min(count(s, /[âêô]/gu), 2)
  const es = Math.min(count(s, /ñ/gu), 2) * 2 + Math.min(count(s, /[¿¡]/gu), 1) * 2
  const shared = Math.min(count(s, /[áéíóú]/gu), 2) * 0.25 // Portuguese or Spanish, not English
  return { pt: pt + shared, es: es + shared, en: 0 }
}

/** Endings that survive accent stripping: -ção/-ções → "cao"/"coes", -ción → "cion". */
function morphology(words: string[]): Record<LatinLanguage, number> {
  const out = { pt: 0, es: 0, en: 0 }
  for (const w of words) {
    if (/(?:cao|coes|dade|nh[aeiou]|lh[aeiou]|inho|inha)$/.test(w)) out.pt += 0.75
    if (/(?:cion|ciones|dad|ll[aeiou]s?|ito|ita)$/.test(w) || /ñ/.test(w)) out.es += 0.75
    if (/(?:ing|tion|ould|ght|th|ly)$/.test(w) || /^(?:wh|th)/.test(w)) out.en += 0.75
  }
  return out
}

/**
 * Weight of the character-n-gram model against the word lists, set by hand: detection is 99.7%
 * on the training set, 98.7% on dev and 99.8% on eval (messages with letters).
 */
const MODEL_WEIGHT = 0.25
/** Below this lead over the runner-up, a Latin message is 'unknown'. */
const MIN_MARGIN = 0.5

export function detectLanguage(text: string): DetectedLanguage {
  return detectLanguageOf(prepare(text))
}

export function detectLanguageOf(p: PreparedText): DetectedLanguage {
  const raw = p.raw
  const han = count(raw, HAN)
  const kana = count(raw, KANA)
  const hangul = count(raw, HANGUL)
  const latin = count(raw, LATIN)
  const letters = count(raw, LETTER)
  if (letters === 0) return 'unknown'
  if (kana > 0 || hangul > han) return 'unknown' // Japanese or Korean: not a language we serve
  if (han > 0 && han * 3 >= latin) return 'zh'
  if (latin < letters / 2) return 'unknown' // Cyrillic, Arabic, Devanagari…

  const words = p.normalized.replace(APOSTROPHES, '').match(WORD) ?? []
  const total = orthography(raw)
  const morph = morphology(words)
  let lexical = 0
  for (const lang of LATIN_LANGUAGES) total[lang] += morph[lang]
  for (const w of words) {
    const e = wordEvidence(w)
    for (const lang of LATIN_LANGUAGES) {
      total[lang] += e[lang]
      lexical += e[lang]
    }
  }
  const evidence = LATIN_LANGUAGES.reduce((sum, l) => sum + total[l], 0)
  const { scores, known } = languageModel().score(languageFeatures(p))
  // The n-gram model decides alone only for messages long enough to have a profile.
  if (evidence === 0 && (latin < 8 || known < 6)) return 'unknown'
  languageModel().classes.forEach((lang, i) => {
    total[lang as LatinLanguage] += MODEL_WEIGHT * scores[i]
  })
  const ranked = [...LATIN_LANGUAGES].sort((a, b) => total[b] - total[a])
  const margin = total[ranked[0]] - total[ranked[1]]
  if (margin < (lexical > 0 ? MIN_MARGIN / 2 : MIN_MARGIN)) return 'unknown'
  return ranked[0]
}
