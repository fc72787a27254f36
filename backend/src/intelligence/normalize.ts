/**
 * Text normalization shared by language detection, intent classification and sentiment.
 *
 * `normalizeText` is the one canonical form every lexicon, model feature and fixture check is
 * written against: compatibility-folded (full-width → half-width), lower-cased, without
 * diacritics, single-spaced, with letter runs of three or more collapsed ("precooo" → "preco",
 * "kkkkk" → "k"). Runs of two are kept because they are spelling in all four languages
 * ("carro", "llegó", "good", "谢谢"). CJK is kept as is.
 */

import { foldHan } from './han-fold'

const COMBINING_MARKS = /\p{M}+/gu
const WHITESPACE = /\s+/gu
const LETTER_RUNS = /(\p{L})\1{2,}/gu

export function normalizeText(text: string): string {
  if (typeof text !== 'string' || text.length === 0) return ''
  const folded = text
    .normalize('NFKC') // full-width → half-width, ligatures, circled letters
    .toLowerCase()
    .normalize('NFKD') // split base letters from their accents
    .replace(COMBINING_MARKS, '')
  // NFC at the end only recomposes scripts without marks (e.g. Hangul jamo); it keeps the
  // function idempotent and the output free of combining marks.
  return folded.replace(WHITESPACE, ' ').trim().replace(LETTER_RUNS, '$1').normalize('NFC')
}

// ---------------------------------------------------------------------------------------------
// Tokens for rules and the model
// ---------------------------------------------------------------------------------------------

const HAN = /\p{Script=Han}/u
/** Han runs, Latin/other word runs (digits included) and pictographic emoji, in order. */
const TOKEN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)|(\p{Extended_Pictographic})/gu
const APOSTROPHES = /['’`´]/g

/**
 * WhatsApp shorthand → one canonical spelling, so that "vc", "q", "pq", "xq", "u", "pls" share
 * rule patterns and model features with the words they stand for. Ambiguous short forms that
 * mean different things per language map to a neutral form.
 */
const SLANG: Record<string, string> = {
  // Portuguese
  vc: 'voce',
  vcs: 'voces',
  voc: 'voce',
  q: 'que',
  pq: 'porque',
  pk: 'porque',
  xq: 'porque',
  xk: 'porque',
  porq: 'porque',
  tb: 'tambem',
  tbm: 'tambem',
  tmb: 'tambien',
  hj: 'hoje',
  qto: 'quanto',
  qnto: 'quanto',
  qnt: 'quanto',
  qt: 'quanto',
  qdo: 'quando',
  qnd: 'quando',
  kd: 'cade',
  msm: 'mesmo',
  mt: 'muito',
  mto: 'muito',
  mts: 'muitos',
  td: 'tudo',
  tds: 'todos',
  cmg: 'comigo',
  ngm: 'ninguem',
  obg: 'obrigado',
  obgd: 'obrigado',
  obgda: 'obrigada',
  brigado: 'obrigado',
  brigada: 'obrigada',
  blz: 'beleza',
  vlw: 'valeu',
  pfv: 'por favor',
  pf: 'por favor',
  pfvr: 'por favor',
  n: 'nao',
  nn: 'nao',
  pra: 'para',
  pro: 'para o',
  ta: 'esta',
  // Spanish
  xfa: 'por favor',
  porfa: 'por favor',
  porfis: 'por favor',
  plis: 'please',
  dnd: 'donde',
  ud: 'usted',
  uds: 'ustedes',
  bn: 'bien',
  msj: 'mensaje',
  grax: 'gracias',
  grs: 'gracias',
  xa: 'para',
  tons: 'entonces',
  // English
  u: 'you',
  ur: 'your',
  r: 'are',
  pls: 'please',
  plz: 'please',
  plx: 'please',
  thx: 'thanks',
  thks: 'thanks',
  tnx: 'thanks',
  ty: 'thanks',
  wanna: 'want to',
  gonna: 'going to',
  im: 'i am',
  hw: 'how',
  abt: 'about',
  b4: 'before',
  asap: 'asap',
}

export function isHan(ch: string): boolean {
  return HAN.test(ch)
}

export type TokenKind = 'word' | 'han' | 'emoji'
export interface Token {
  kind: TokenKind
  text: string
  /** Punctuation separates this token from the previous one (a clause boundary). */
  boundary: boolean
}

const PUNCTUATION = /[.,!?;:()[\]"“”¿¡…，。！？；：、（）]/u

/**
 * Splits normalized text into word, Han-run and emoji tokens; words pass through the shorthand
 * table, Han runs through the traditional → simplified table.
 */
export function tokenize(normalized: string): Token[] {
  const out: Token[] = []
  const source = normalized.replace(APOSTROPHES, '')
  let end = 0
  for (const m of source.matchAll(TOKEN)) {
    const boundary = PUNCTUATION.test(source.slice(end, m.index))
    end = m.index + m[0].length
    if (m[1]) out.push({ kind: 'han', text: foldHan(m[1]), boundary })
    else if (m[2]) {
      // Own keys only: a word like "constructor" must not read the object's prototype.
      const canonical = Object.hasOwn(SLANG, m[2]) ? SLANG[m[2]] : undefined
      if (canonical === undefined) out.push({ kind: 'word', text: m[2], boundary })
      else
        for (const [i, w] of canonical.split(' ').entries())
          out.push({ kind: 'word', text: w, boundary: boundary && i === 0 })
    } else if (m[3]) out.push({ kind: 'emoji', text: m[3], boundary })
  }
  return out
}

/** Normalized text plus its tokens, computed once per message and shared by every scorer. */
export interface PreparedText {
  raw: string
  normalized: string
  tokens: Token[]
  /** Tokens joined by single spaces and padded with a space each side: the text rules match. */
  ruleText: string
}

/** A line break ends a clause the way punctuation does (WhatsApp messages are often a list). */
const LINE_BREAK = /\s*[\r\n\u2028\u2029]+\s*/u

export function prepare(text: string): PreparedText {
  const raw = typeof text === 'string' ? text : ''
  const normalized = normalizeText(raw)
  const tokens: Token[] = []
  const lines = raw.split(LINE_BREAK)
  for (const line of lines) {
    // One line (most messages): its normal form is the message's, already computed.
    const own = tokenize(lines.length === 1 ? normalized : normalizeText(line))
    if (own.length > 0 && tokens.length > 0) own[0] = { ...own[0], boundary: true }
    tokens.push(...own)
  }
  const ruleText = ` ${tokens
    .filter((t) => t.kind !== 'emoji')
    .map((t) => t.text)
    .join(' ')} `
  return { raw, normalized, tokens, ruleText }
}
