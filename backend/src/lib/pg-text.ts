/**
 * Postgres-safe text: a reversible escaping for what Postgres cannot hold.
 *
 * A JS string is any sequence of UTF-16 code units. Postgres `text` refuses U+0000 and stores
 * only valid Unicode (a lone surrogate is either refused, in jsonb, or silently turned into
 * U+FFFD by the driver's UTF-8 encoding, in text). Customer content may contain both, so it is
 * stored escaped and decoded back on the way out:
 *
 *   U+0000                  -> ESC "0"
 *   a lone surrogate U+Dxxx -> ESC "u" and its four lowercase hex digits
 *   ESC itself              -> ESC ESC
 *   anything else           -> unchanged
 *
 * ESC is U+FDD0, a Unicode noncharacter: permanently reserved for a program's internal use and
 * never assigned, so ordinary text (every real message) is stored byte for byte as it came, and
 * searching, sorting and SQL over stored text keep working. `decodePgText(encodePgText(s)) === s`
 * for every string (a property test checks it against both engines).
 */

export const PG_TEXT_ESCAPE = '\uFDD0'

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is this regex's purpose
const MAY_NEED_ESCAPE = /[\u0000\uD800-\uDFFF\uFDD0]/
/** NUL, the escape character, or a surrogate that is not half of a pair. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is this regex's purpose
const NEEDS_ESCAPE = /[\u0000\uFDD0]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Whether Postgres could not hold `s` as it is, or it would be mistaken for an escaped string. */
export function needsPgEscaping(s: string): boolean {
  // A plain character class first: irregexp scans it fast; the exact test only when it matches.
  return MAY_NEED_ESCAPE.test(s) && NEEDS_ESCAPE.test(s)
}

export function encodePgText(s: string): string
export function encodePgText(s: string | null): string | null
export function encodePgText(s: string | null): string | null {
  if (s === null || !needsPgEscaping(s)) return s
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i)
    if (unit === 0) out += `${PG_TEXT_ESCAPE}0`
    else if (unit === 0xfdd0) out += PG_TEXT_ESCAPE + PG_TEXT_ESCAPE
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = s.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += s[i] + s[i + 1]
        i++
      } else out += `${PG_TEXT_ESCAPE}u${unit.toString(16)}`
    } else if (unit >= 0xdc00 && unit <= 0xdfff) out += `${PG_TEXT_ESCAPE}u${unit.toString(16)}`
    else out += s[i]
  }
  return out
}

export function decodePgText(s: string): string
export function decodePgText(s: string | null): string | null
export function decodePgText(s: string | null): string | null {
  if (s === null || !s.includes(PG_TEXT_ESCAPE)) return s
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]
    if (ch !== PG_TEXT_ESCAPE) {
      out += ch
      continue
    }
    const tag = s[i + 1]
    const hex = s.slice(i + 2, i + 6)
    if (tag === PG_TEXT_ESCAPE) {
      out += PG_TEXT_ESCAPE
      i += 1
    } else if (tag === '0') {
      out += '\u0000'
      i += 1
    } else if (tag === 'u' && /^d[89a-f][0-9a-f]{2}$/.test(hex)) {
      out += String.fromCharCode(Number.parseInt(hex, 16))
      i += 5
    } else {
      // Not something encodePgText writes (text stored before escaping existed): keep it as is.
      out += ch
    }
  }
  return out
}

/** The cheap pre-check on raw JSON text: only these can parse into strings that need escaping. */
const JSON_MAY_NEED_ESCAPE = /\\u(?:0000|d[89a-f][0-9a-f]{2}|fdd0)|\uFDD0/i

export function jsonTextMayNeedPgEscaping(json: string): boolean {
  return JSON_MAY_NEED_ESCAPE.test(json)
}

/** Applies `encodePgText` to every string and object key of a JSON value; untouched parts are shared. */
export function encodePgJson<T>(value: T): T {
  return mapJsonStrings(value, encodePgText) as T
}

export function decodePgJson<T>(value: T): T {
  return mapJsonStrings(value, decodePgText) as T
}

/** C0 controls (other than tab and line breaks) and DEL, shown as their Unicode control pictures. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding invisible controls is this regex's purpose
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * Stored text as a person should see it: decoded, NUL and other invisible controls as visible
 * control pictures (NUL as "␀"), a lone surrogate as U+FFFD. Display only, never stored back.
 */
export function displayPgText(s: string): string
export function displayPgText(s: string | null): string | null
export function displayPgText(s: string | null): string | null {
  const decoded = decodePgText(s)
  if (decoded === null) return null
  return decoded
    .replace(INVISIBLE, (c) => String.fromCharCode(c === '\u007f' ? 0x2421 : 0x2400 + c.charCodeAt(0)))
    .replace(LONE_SURROGATE, '\uFFFD')
}

export function displayPgJson<T>(value: T): T {
  return mapJsonStrings(value, displayPgText) as T
}

function mapJsonStrings(value: unknown, map: (s: string) => string): unknown {
  if (typeof value === 'string') return map(value)
  if (Array.isArray(value)) {
    // Copied only from the first changed element on: most deliveries change nothing.
    let out: unknown[] | null = null
    for (let i = 0; i < value.length; i++) {
      const v = value[i]
      const m = mapJsonStrings(v, map)
      if (!out && m !== v) out = value.slice(0, i)
      out?.push(m)
    }
    return out ?? value
  }
  if (value !== null && typeof value === 'object') {
    const source = value as Record<string, unknown>
    const keys = Object.keys(source)
    let out: Record<string, unknown> | null = null
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string
      const v = source[k]
      const mk = map(k)
      const mv = mapJsonStrings(v, map)
      if (!out && (mk !== k || mv !== v)) {
        out = {}
        for (const earlier of keys.slice(0, i)) setOwn(out, earlier, source[earlier])
      }
      if (out) setOwn(out, mk, mv)
    }
    return out ?? value
  }
  return value
}

/** defineProperty: a "__proto__" key from JSON.parse stays an ordinary key. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}
