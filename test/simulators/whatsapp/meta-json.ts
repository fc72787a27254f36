/**
 * Serialises JSON the way Meta puts it on the wire: "/" as "\/" and every non-ASCII character
 * as a \uXXXX escape (surrogate pairs for emoji). Signatures are computed over these bytes, so
 * a receiver that re-serialises the body fails verification, as it would against Meta.
 */
export function metaJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]|\//g, (ch) =>
    ch === '/' ? '\\/' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
