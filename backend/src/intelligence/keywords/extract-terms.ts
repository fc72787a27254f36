import { eng, por, spa, zho } from 'stopword'
import type { DetectedLanguage } from '../types'

/** The words and short phrases a customer message is about, each once. */
export interface MessageTerms {
  words: string[]
  phrases: string[]
}

/**
 * Stop words from the maintained `stopword` lists. Negations and intensifiers are taken out of
 * them: they carry the meaning of a complaint ("too expensive", "não chegou", "muy caro", "不好"),
 * so a phrase may start with one, while on their own they are still not counted as keywords.
 */
const MODIFIERS: Record<Exclude<DetectedLanguage, 'unknown'>, string[]> = {
  en: ['not', 'no', 'never', 'too', 'very', 'so', 'more', 'less', 'only'],
  pt: ['não', 'nao', 'nunca', 'muito', 'muita', 'mais', 'menos', 'demais', 'tão', 'só'],
  es: ['no', 'nunca', 'muy', 'mucho', 'mucha', 'más', 'menos', 'demasiado', 'tan', 'sólo', 'solo'],
  zh: ['不', '没', '没有', '很', '太', '更', '最', '别'],
}
const LISTS: Record<Exclude<DetectedLanguage, 'unknown'>, string[]> = {
  en: eng,
  pt: por,
  es: spa,
  zh: zho,
}
const STOP: Record<DetectedLanguage, Set<string>> = {
  en: new Set([...LISTS.en, ...MODIFIERS.en]),
  // Chat words and the forms of "to be" / "to have" the lists leave out: "o tênis está caro" is about
  // the price, not about "está".
  pt: new Set([
    ...LISTS.pt,
    ...MODIFIERS.pt,
    ...['pra', 'pro', 'vc', 'voce', 'você', 'tá', 'ta', 'né', 'oi', 'olá', 'ola'],
    ...['é', 'são', 'ser', 'está', 'esta', 'estão', 'estou', 'estar', 'tem', 'têm', 'tenho', 'ter'],
  ]),
  es: new Set([
    ...LISTS.es,
    ...MODIFIERS.es,
    ...['lo', 'le', 'me', 'te', 'mi', 'tu', 'hola', 'hay'],
    ...['es', 'son', 'ser', 'está', 'esta', 'están', 'estoy', 'estar', 'tiene', 'tienen', 'tengo', 'tener'],
  ]),
  zh: new Set([
    ...LISTS.zh,
    ...MODIFIERS.zh,
    '吗',
    '呢',
    '吧',
    '啊',
    '是',
    '有',
    '你',
    '我们',
    '这个',
    '那个',
  ]),
  // Unknown language: the stop words of all four, so chatter in any of them is not a keyword.
  unknown: new Set([...Object.values(LISTS).flat(), ...Object.values(MODIFIERS).flat()]),
}
const MODIFIER: Record<DetectedLanguage, Set<string>> = {
  en: new Set(MODIFIERS.en),
  pt: new Set(MODIFIERS.pt),
  es: new Set(MODIFIERS.es),
  zh: new Set(MODIFIERS.zh),
  unknown: new Set(Object.values(MODIFIERS).flat()),
}

/** Segmenters are costly to build and safe to share. */
const segmenters = new Map<string, Intl.Segmenter>()
function segmenterFor(language: DetectedLanguage): Intl.Segmenter {
  const locale = language === 'unknown' ? 'en' : language
  let s = segmenters.get(locale)
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'word' })
    segmenters.set(locale, s)
  }
  return s
}

/** Links, e-mail addresses and handles say who, not what: they are never counted (nor stored). */
const ADDRESSES = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+|@\w+/giu
const HAS_DIGIT = /\p{Nd}/u
const CONTROL = /\p{Cc}/u
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const HAN = /\p{Script=Han}/u
const MAX_TERM = 64
const MAX_PHRASE_WORDS = 3

/**
 * The keywords of one customer message: words that are not stop words, and phrases of two or
 * three consecutive words inside one clause that end on a content word and start on a content word
 * or a modifier. Chinese (and any Han text) is segmented by `Intl.Segmenter`'s dictionary; its
 * phrases join without spaces. Anything with a digit (numbers, order ids, phone numbers) is left
 * out: it would identify a person or an order rather than say what customers talk about.
 */
export function extractTerms(text: string, language: DetectedLanguage): MessageTerms {
  const cleaned = text.normalize('NFKC').replace(ADDRESSES, ' . ')
  const locale = language === 'unknown' ? 'en' : language
  const stop = STOP[language]
  const modifier = MODIFIER[language]
  const words = new Set<string>()
  const phrases = new Set<string>()
  let run: string[] = []
  // One Latin letter ("a", "m") says nothing on its own; one Han character often does (贵, 退).
  const isContent = (token: string) => !stop.has(token) && (HAN.test(token) || [...token].length > 1)
  const closeRun = () => {
    for (let n = 2; n <= MAX_PHRASE_WORDS; n++) {
      for (let i = 0; i + n <= run.length; i++) {
        const parts = run.slice(i, i + n)
        const first = parts[0] as string
        const last = parts[n - 1] as string
        if (!isContent(last) || !(isContent(first) || modifier.has(first))) continue
        // "price price", "muito muito caro": repetition is emphasis, not a phrase.
        if (new Set(parts).size < n) continue
        const joined = parts.every((p) => HAN.test(p)) ? parts.join('') : parts.join(' ')
        if (joined.length <= MAX_TERM) phrases.add(joined)
      }
    }
    run = []
  }
  for (const seg of segmenterFor(language).segment(cleaned)) {
    if (!seg.isWordLike) {
      // Spaces keep a clause going; punctuation, emoji and symbols end it.
      if (seg.segment.trim() !== '') closeRun()
      continue
    }
    const token = seg.segment.toLocaleLowerCase(locale)
    // A lone surrogate or a control character cannot be stored as text (Postgres refuses NUL).
    if (
      HAS_DIGIT.test(token) ||
      token.length > MAX_TERM ||
      LONE_SURROGATE.test(token) ||
      CONTROL.test(token)
    ) {
      closeRun()
      continue
    }
    run.push(token)
    if (isContent(token)) words.add(token)
  }
  closeRun()
  return { words: [...words], phrases: [...phrases] }
}
