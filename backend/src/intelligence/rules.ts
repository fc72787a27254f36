import { INTENT_LEXICON, type LexiconEntry, PHATIC_HAN, PHATIC_WORDS } from './intent-lexicon'
import type { Token } from './normalize'
import { INTENTS, type Intent } from './types'

/**
 * Compiles the intent lexicon into a few regular expressions (one per intent, script and
 * weight) and scores a message's `ruleText` with them.
 */

const HAN_CHAR = /\p{Script=Han}/u
const WORD_CHARS = '[\\p{L}\\p{N}]'

/** Lexicon pattern → regular-expression source (see the syntax in intent-lexicon.ts). */
export function patternSource(pattern: string): string {
  return pattern
    .replaceAll('*', `${WORD_CHARS}*`)
    .replaceAll(' _ ', ` (?:${WORD_CHARS}+ ){0,3}`)
    .replaceAll('#', '\\d+')
}

interface RuleGroup {
  intent: number
  weight: number
  han: boolean
  regex: RegExp
}

/**
 * Intents for which "I don't want X" turns a cue into counter-evidence ("não quero desconto",
 * "no quiero comprar", "不想买"). Complaints, human requests and status questions keep their
 * cues under negation ("não funciona", "no quiero hablar con un robot", "还没到").
 */
const NEGATABLE = new Set<Intent>([
  'price_discount',
  'purchase_intent',
  'quote',
  'product_inquiry',
  'store_location',
])
const NEGATED_DESIRE =
  /(?:^| )(?:nao|no|not|dont|nem|nunca|never)(?: [^ ]+)? (?:quero|queria|preciso|quiero|necesito|want|need|gostaria|quisiera|interessa|interesa)(?: [^ ]+){0,3} $|(?:^| )(?:nao|not|dont|nem|nunca|never) $/
const NO_BEFORE_VERB = /(?:^| )no $/
const DESIRE_VERB = /^(?:quiero|quero|compr|necesito|me |lo |la |voy|want|need|buy)/
const HAN_NEGATED = /(?:不要|不想|不用|不需要|没兴趣)[^ ]{0,3}$|[不没别]$/

function compile(): RuleGroup[] {
  const groups = new Map<string, { intent: number; weight: number; han: boolean; sources: string[] }>()
  INTENTS.forEach((intent, ii) => {
    for (const entries of Object.values(INTENT_LEXICON[intent]) as LexiconEntry[][]) {
      for (const [pattern, weight] of entries) {
        const han = HAN_CHAR.test(pattern)
        const key = `${ii}|${weight}|${han}`
        let g = groups.get(key)
        if (!g) {
          g = { intent: ii, weight, han, sources: [] }
          groups.set(key, g)
        }
        g.sources.push(patternSource(pattern))
      }
    }
  })
  return [...groups.values()].map((g) => {
    const body = g.sources.map((s) => `(?:${s})`).join('|')
    // Latin patterns are whole words of the space-padded rule text; Han patterns are substrings.
    const source = g.han ? `(?:${body})` : `(?<= )(?:${body})(?= )`
    return { intent: g.intent, weight: g.weight, han: g.han, regex: new RegExp(source, 'gu') }
  })
}

const GROUPS = compile()

/** "meu endereço", "my address", "我的地址": the customer's own place, not the shop's. */
const OWN_PLACE = /(?:^| )(?:meu|minha|my|mi|mis|our|nosso|nossa|nuestra|nuestro) $|(?:我的|我家|我们的)$/u
const STORE = INTENTS.indexOf('store_location')

function negated(ruleText: string, index: number, matched: string, han: boolean): boolean {
  const before = ruleText.slice(Math.max(0, index - 40), index)
  if (han || HAN_CHAR.test(matched[0] ?? '')) return HAN_NEGATED.test(before)
  if (NEGATED_DESIRE.test(before)) return true
  return NO_BEFORE_VERB.test(before) && DESIRE_VERB.test(matched)
}

/**
 * "A price question about a bulk quantity is a quote" (annotation guideline, README.md):
 * a number of 20 or more followed by something counted ("40 lençóis", "300 pcs", "50支"),
 * not by a unit of money, time or measure ("150 reais", "128 gb", "30 dias", "40 码").
 */
const NOT_COUNTED =
  'reais|real|rs|r|dolares|dolar|dollars|bucks|usd|pesos|soles|euros|eur|mil|k|ml|l|litros|liters|gb|tb|mb|kg|g|gramas|gramos|grams|lbs|cm|mm|m|metros|meters|polegadas|pulgadas|inches|w|watts|v|mah|dias|dia|days|day|horas|hours|minutos|minutes|min|anos|years|meses|months|x|vezes|veces|times|por|percent|off|am|pm|h'
/** Words before a number that make it an identifier or a size, not a quantity. */
const IDENTIFIER_BEFORE =
  'pedido|pedidos|order|orden|ordem|numero|n|no|nr|tamanho|talla|size|codigo|code|cep|iphone|galaxy|s|a|modelo|model|numeracao|rua|calle|apto|casa|dia|day|el|em|en|on|at|ate|hasta|until|x'
/** Words after a number that show it is not counting things ("4587 chegou", "40 e 42"). */
const NOT_A_NOUN =
  'e|ou|y|o|and|or|a|the|de|do|da|ja|foi|chegou|esta|is|was|has|ha|nao|no|not|que|q|pra|para|to|for|por|it|pelo|pela|no|na|in|on|at|with|com|con|each|cada|la|el|lo|le'
const BULK_LATIN = new RegExp(
  `(?<= )(?<!(?: |^)(?:${IDENTIFIER_BEFORE}) )(?:[2-9]\\d|\\d{3,}) (?!(?:${NOT_COUNTED}|${NOT_A_NOUN}) )(?=[a-z])`,
  'u',
)
const BULK_HAN = /(?:^|[^\d])(?:[2-9]\d|\d{3,}) ?[件个台把套箱份条双张本只瓶盒支袋包桶批]/u
/** "how much per unit for 100?", "quanto cada um levando 150": a count with no noun after it. */
const PER_UNIT =
  /(?<= )(?:per (?:unit|piece|item)|each|cada|por (?:unidade|unidad|peca|pieza)|a unidade|la unidad)(?= )/u
const BARE_COUNT = /(?<= )(?:[2-9]\d|\d{3,})(?= )/u
const TAKING_COUNT =
  /(?<= )(?:take|taking|buy|buying|get|levar|levando|levo|compro|comprando|llevo|llevar|llevando|pido) (?:[2-9]\d|\d{3,})(?= )/u
const HAN_PER_UNIT = /(?:单价|一个多少|每个|每件|每本|每支|一件多少)/u
const BULK_WORDS =
  /(?<= )(?:lote|lotes|lot|lots|duzias?|docenas?|dozens?|centenas|hundreds|thousands)(?= )|整箱|上百|上千/u
export const BULK_QUOTE_BONUS = 1.5

export function isBulk(ruleText: string): boolean {
  return (
    BULK_LATIN.test(ruleText) ||
    BULK_HAN.test(ruleText) ||
    BULK_WORDS.test(ruleText) ||
    TAKING_COUNT.test(ruleText) ||
    ((PER_UNIT.test(ruleText) || HAN_PER_UNIT.test(ruleText)) &&
      (BARE_COUNT.test(ruleText) || /(?:[2-9]\d|\d{3,})/u.test(ruleText)))
  )
}

const PRICE = INTENTS.indexOf('price_discount')
const QUOTE = INTENTS.indexOf('quote')
const COMPLAINT = INTENTS.indexOf('complaint')
const ORDER = INTENTS.indexOf('order_status')
const PRODUCT = INTENTS.indexOf('product_inquiry')
/**
 * "A message that reports a problem is a complaint even when it names the order, the parcel or
 * the product" (annotation guideline): with a strong complaint cue, order and product cues count
 * for the complaint too ("o motoboy jogou o pacote e quebrou", "the tablet screen came scratched").
 */
const STRONG_COMPLAINT = 3

/** Sum of matched pattern weights per intent (in `INTENTS` order); negated cues count −½. */
export function ruleScores(ruleText: string): Float64Array {
  const scores = new Float64Array(INTENTS.length)
  const hasHan = HAN_CHAR.test(ruleText)
  for (const g of GROUPS) {
    if (g.han && !hasHan) continue
    const negatable = NEGATABLE.has(INTENTS[g.intent])
    g.regex.lastIndex = 0
    for (let m = g.regex.exec(ruleText); m !== null; m = g.regex.exec(ruleText)) {
      if (m[0].length === 0) {
        g.regex.lastIndex += 1
        continue
      }
      const neg =
        negatable &&
        (negated(ruleText, m.index, m[0], g.han) ||
          (g.intent === STORE && OWN_PLACE.test(ruleText.slice(Math.max(0, m.index - 12), m.index))))
      scores[g.intent] += neg ? -0.5 * g.weight : g.weight
    }
  }
  if (scores[COMPLAINT] >= STRONG_COMPLAINT)
    scores[COMPLAINT] += 0.5 * Math.min(4, Math.max(0, scores[ORDER]) + Math.max(0, scores[PRODUCT]))
  if (isBulk(ruleText)) {
    // The price cues of a bulk message are evidence for a quote.
    scores[QUOTE] += BULK_QUOTE_BONUS + Math.max(0, scores[PRICE])
  }
  return scores
}

/**
 * "I ordered the green one and got a red one": something arrived, something else was bought, and
 * the message names a colour, size or model. Negated arrivals ("never arrived", "还没收到") are
 * status questions, not wrong items.
 */
const ARRIVED =
  /(?<= )(?:came|arrived|received|got|sent me|you sent|they sent|veio|vieram|chegou|chegaram|recebi|mandaram|enviaram|llego|llegaron|vino|vinieron|recibi|mandaron|enviaron)(?= )|寄来|收到|送来|发来|给我发/u
const PURCHASED =
  /(?<= )(?:ordered|bought|asked for|paid for|picked|chose|pedi|comprei|encomendei|escolhi|paguei|compre|elegi|ordene|encargue)(?= )|订的|买的|下单的|选的|要的|付的|买了|订了/u
const NOT_ARRIVED =
  /(?<= )(?:not|no|nao|never|havent|hasnt|didnt|nada|nunca|ainda|todavia|aun)(?: [^ ]+)? (?:came|arrived|received|got|veio|chegou|recebi|llego|llegaron|vino|recibi)(?= )|(?<= )(?:got|received|recebi|recibi) (?:no|nothing|nada|nenhum|ningun)(?= )|没(有)?(收到|到|寄)|还没|未/u
const ATTRIBUTE =
  /(?<= )(?:black|white|red|blue|green|grey|gray|pink|brown|beige|tan|navy|yellow|purple|camel|preto|preta|pretas?|branc[oa]s?|vermelh[oa]s?|azul|verdes?|cinza|rosa|marrom|bege|amarel[oa]s?|caramelo|negr[oa]s?|blanc[oa]s?|roj[oa]s?|gris|rosad[oa]s?|cafe|amarill[oa]s?|small|medium|large|xs|s|m|l|xl|xxl|p|g|gg|size|talla|tamanho|numero|model|modelo|\d+)(?= )|[色码号吋寸]|\d/u

export function isWrongItem(ruleText: string): boolean {
  return (
    ARRIVED.test(ruleText) &&
    PURCHASED.test(ruleText) &&
    ATTRIBUTE.test(ruleText) &&
    !NOT_ARRIVED.test(ruleText)
  )
}

/** Bonus for `other` when a message is nothing but greetings, thanks, laughter and emoji. */
export const PHATIC_BONUS = 4

export function isPhatic(tokens: readonly Token[]): boolean {
  if (tokens.length === 0) return false
  return tokens.every((t) =>
    t.kind === 'emoji' ? true : t.kind === 'han' ? PHATIC_HAN.test(t.text) : PHATIC_WORDS.has(t.text),
  )
}

/**
 * In retail chat a question that names no other need ("o queijo é sem lactose?", "is the tv
 * 4k?", "衣柜是装好的吗") is almost always about the product. Such questions get a small
 * product_inquiry prior, enough to outweigh the model's associations with the product's name.
 */
export const QUESTION_PRIOR = 1.5
const OTHER_CUE = 2.5
const QUESTION =
  /[?？]|[吗呢么]\s*$|^(?:does|do|is|are|can|will|what|which|how|qual|quais|como|tem|tiene|tienen|hay|e|es)\s/u

export function productQuestionPrior(p: { normalized: string }, scores: Float64Array): number {
  if (!QUESTION.test(p.normalized)) return 0
  for (let i = 0; i < scores.length; i++) if (i !== PRODUCT && scores[i] >= OTHER_CUE) return 0
  return QUESTION_PRIOR
}
