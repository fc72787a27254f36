import { encodePgJson, jsonTextMayNeedPgEscaping } from '../lib/pg-text'
import { type Envelope, envelopeSchema } from '../whatsapp/envelope'

/**
 * A stored delivery as the rest of ingest sees it: parsed, with every string and key escaped by
 * lib/pg-text, so any customer text (NUL, lone surrogates included) can be stored as it came and
 * decoded back. Escaping here, once, covers every table ingest writes (messages, contacts,
 * statuses, channel events); the raw bytes in `webhook_events` stay untouched for replay.
 * Returns null when the bytes are not an envelope.
 */
export function parseStoredEnvelope(raw: string): Envelope | null {
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return null
  }
  // JSON text can only carry NUL or a lone surrogate as a \u escape, so most deliveries skip the walk.
  const safe = jsonTextMayNeedPgEscaping(raw) ? encodePgJson(json) : json
  const parsed = envelopeSchema.safeParse(safe)
  return parsed.success ? parsed.data : null
}
