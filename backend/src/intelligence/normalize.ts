/**
 * Text normalization shared by language detection, intent classification and sentiment.
 *
 * `normalizeText` is the one canonical form every lexicon, model feature and fixture check is
 * written against: compatibility-folded (full-width → half-width), lower-cased, without
 * diacritics, single-spaced, with letter runs of three or more collapsed ("precooo" → "preco",
 * "kkkkk" → "k"). Runs of two are kept because they are spelling in all four languages
 * ("carro", "llegó", "good", "谢谢"). CJK is kept as is.
 */

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

/**
 * Traditional → simplified for the characters this domain's vocabulary uses, so that one
 * lexicon and one set of model features serve customers from Taiwan and Hong Kong too.
 */
const TRAD_TO_SIMP: Record<string, string> = Object.fromEntries(
  [
    '價价',
    '錢钱',
    '訂订',
    '單单',
    '貨货',
    '買买',
    '賣卖',
    '們们',
    '這这',
    '麼么',
    '嗎吗',
    '點点',
    '發发',
    '處处',
    '問问',
    '題题',
    '謝谢',
    '對对',
    '說说',
    '話话',
    '優优',
    '運运',
    '達达',
    '還还',
    '沒没',
    '幾几',
    '號号',
    '門门',
    '東东',
    '開开',
    '關关',
    '讓让',
    '聯联',
    '係系',
    '繫系',
    '務务',
    '員员',
    '報报',
    '現现',
    '實实',
    '體体',
    '樣样',
    '顏颜',
    '碼码',
    '個个',
    '張张',
    '裡里',
    '裏里',
    '來来',
    '時时',
    '間间',
    '營营',
    '業业',
    '員员',
    '試试',
    '質质',
    '壞坏',
    '換换',
    '退退',
    '給给',
    '寄寄',
    '郵邮',
    '遞递',
    '記记',
    '帳账',
    '戶户',
    '億亿',
    '萬万',
    '塊块',
    '幫帮',
    '請请',
    '聽听',
    '見见',
    '們们',
    '滿满',
    '意意',
    '氣气',
    '態态',
    '紅红',
    '綠绿',
    '藍蓝',
    '黃黄',
    '與与',
    '區区',
    '邊边',
    '車车',
    '場场',
    '長长',
    '飯饭',
    '館馆',
    '為为',
    '麼么',
    '嗎吗',
    '哪哪',
    '么么',
    '寶宝',
    '貝贝',
    '隊队',
    '線线',
    '電电',
    '腦脑',
    '機机',
    '鏈链',
    '總总',
    '經经',
    '過过',
    '錯错',
    '難难',
    '歡欢',
    '愛爱',
    '讚赞',
    '慢慢',
    '齊齐',
    '補补',
    '差差',
    '數数',
    '庫库',
    '存存',
    '貼贴',
    '費费',
    '幣币',
    '產产',
    '購购',
    '詢询',
    '資资',
    '訊讯',
    '嗎吗',
  ].map((pair) => [pair[0], pair[1]]),
)
const TRADITIONAL = new RegExp(`[${Object.keys(TRAD_TO_SIMP).join('')}]`, 'gu')

export function toSimplified(han: string): string {
  return han.replace(TRADITIONAL, (ch) => TRAD_TO_SIMP[ch] ?? ch)
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
    if (m[1]) out.push({ kind: 'han', text: toSimplified(m[1]), boundary })
    else if (m[2]) {
      const canonical = SLANG[m[2]]
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

export function prepare(text: string): PreparedText {
  const raw = typeof text === 'string' ? text : ''
  const normalized = normalizeText(raw)
  const tokens = tokenize(normalized)
  const ruleText = ` ${tokens
    .filter((t) => t.kind !== 'emoji')
    .map((t) => t.text)
    .join(' ')} `
  return { raw, normalized, tokens, ruleText }
}
