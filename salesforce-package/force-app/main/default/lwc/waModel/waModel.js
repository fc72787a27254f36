/**
 * The component's reading of the backend's answers (the same shapes as the HubSpot card's
 * schemas.ts) and the rules the thread follows. Answers are read loosely: a field the backend adds
 * later is ignored, but a thread without its messages, window or tags is an invalid answer.
 */

export const TAG_LABEL_MAX = 80
export const MESSAGE_MAX = 4096

export class InvalidAnswer extends Error {}

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value)
const str = (value) => (typeof value === 'string' ? value : null)

function readTag(raw) {
  if (!isObject(raw) || typeof raw.key !== 'string' || typeof raw.label !== 'string') {
    throw new InvalidAnswer('tag')
  }
  return { id: str(raw.id) ?? raw.key, key: raw.key, label: raw.label, source: str(raw.source) ?? 'manual' }
}

/** `{ tags: [...] }` or a bare list, as the tag routes answer. */
export function readTags(raw) {
  const list = Array.isArray(raw) ? raw : isObject(raw) && Array.isArray(raw.tags) ? raw.tags : null
  if (!list) throw new InvalidAnswer('tags')
  return list.map(readTag)
}

export function readMessage(raw) {
  if (
    !isObject(raw) ||
    typeof raw.id !== 'string' ||
    (raw.direction !== 'inbound' && raw.direction !== 'outbound') ||
    typeof raw.sent_at !== 'string'
  ) {
    throw new InvalidAnswer('message')
  }
  const error = isObject(raw.error)
    ? { code: raw.error.code ?? null, title: str(raw.error.title), details: str(raw.error.details) }
    : null
  const media = isObject(raw.media)
    ? { mime_type: str(raw.media.mime_type), filename: str(raw.media.filename), url: str(raw.media.url) }
    : null
  return {
    id: raw.id,
    direction: raw.direction,
    type: str(raw.type) ?? 'text',
    text: str(raw.text),
    content: isObject(raw.content) ? raw.content : {},
    media,
    status: str(raw.status) ?? 'unknown',
    error,
    sender: str(raw.sender) ?? (raw.direction === 'inbound' ? 'customer' : 'agent'),
    sent_at: raw.sent_at,
    edited_at: str(raw.edited_at),
    original_text: str(raw.original_text),
    deleted_at: str(raw.deleted_at),
    reactions: Array.isArray(raw.reactions)
      ? raw.reactions.filter((r) => isObject(r) && typeof r.emoji === 'string')
      : [],
    intent: readIntent(raw.intent),
  }
}

/** A customer message's intent; an unreadable one hides the correction control, not the message. */
function readIntent(raw) {
  if (!isObject(raw) || typeof raw.value !== 'string') return null
  return {
    value: raw.value,
    confidence: typeof raw.confidence === 'number' ? raw.confidence : null,
    suggestion: raw.suggestion === true,
  }
}

/** The intents a rep can pick, in the backend's order (the shared contract's intentSchema). */
export const CORRECTABLE_INTENTS = [
  'order_status',
  'price_discount',
  'product_inquiry',
  'store_location',
  'complaint',
  'quote',
  'human_request',
  'purchase_intent',
  'other',
]

/** The intent the backend stored, from POST /api/v1/messages/{id}/corrections. */
export function readCorrection(raw) {
  if (!isObject(raw) || !isObject(raw.correction) || typeof raw.correction.value !== 'string') {
    throw new InvalidAnswer('correction')
  }
  return raw.correction.value
}

/** A message whose intent a rep set: stated as a fact from now on. */
export function withIntent(messages, messageId, value) {
  return messages.map((m) =>
    m.id === messageId ? { ...m, intent: { value, confidence: 1, suggestion: false } } : m,
  )
}

/** Open duplicate candidates; an entry the component cannot read is left out, not the thread. */
function readDuplicates(raw) {
  if (!Array.isArray(raw)) return []
  return raw
    .filter((d) => isObject(d) && typeof d.candidate_id === 'string' && isObject(d.other))
    .map((d) => ({
      candidate_id: d.candidate_id,
      other: { id: str(d.other.id), name: str(d.other.name), phone: str(d.other.phone) },
      reasons: Array.isArray(d.reasons)
        ? d.reasons
            .filter((r) => isObject(r) && typeof r.code === 'string')
            .map((r) => ({ code: r.code, detail: str(r.detail) ?? '' }))
        : [],
    }))
}

/** Numbers and BSUIDs the person used before, newest first. */
function readIdentityChanges(raw) {
  if (!Array.isArray(raw)) return []
  return raw
    .filter((c) => isObject(c) && typeof c.from === 'string' && typeof c.at === 'string')
    .map((c) => ({ kind: str(c.kind), from: c.from, to: str(c.to), reason: str(c.reason), at: c.at }))
}

function readContact(raw) {
  if (raw === null || raw === undefined) return null
  if (!isObject(raw) || typeof raw.id !== 'string') throw new InvalidAnswer('contact')
  return {
    id: raw.id,
    phone: str(raw.phone),
    name: str(raw.name),
    profile_name: str(raw.profile_name),
    opt_in: str(raw.opt_in) ?? 'unknown',
    marketing_opt_out: raw.marketing_opt_out === true,
    automation_paused_until: str(raw.automation_paused_until),
    segment: raw.segment ?? null,
    intent: raw.intent ?? null,
    sentiment: raw.sentiment ?? null,
    churn_risk: raw.churn_risk ?? null,
  }
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

/**
 * `YYYY-MM` before which the person's history is in the workspace's archive; anything else (an
 * older server leaves it out) reads as nothing archived, so no stray text reaches the notice.
 */
function readArchivedBefore(raw) {
  return typeof raw === 'string' && MONTH.test(raw) ? raw : null
}

/** The thread view (GET /api/v1/thread); throws InvalidAnswer when its shape is not the contract's. */
export function readThread(raw) {
  if (!isObject(raw) || !Array.isArray(raw.messages) || !isObject(raw.window)) {
    throw new InvalidAnswer('thread')
  }
  const state = raw.window.state === 'open' ? 'open' : 'closed'
  return {
    contact: readContact(raw.contact),
    tags: readTags(raw.tags ?? []),
    window: { state, open_until: str(raw.window.open_until) },
    messages: raw.messages.map(readMessage),
    next_cursor: str(raw.next_cursor),
    duplicates: readDuplicates(raw.duplicates),
    identity_changes: readIdentityChanges(raw.identity_changes),
    archived_before: readArchivedBefore(raw.archived_before),
  }
}

/** Older page first, then what is shown; a message present in both is kept once. */
export function mergeOlder(older, shown) {
  const seen = new Set(shown.map((m) => m.id))
  return [...older.filter((m) => !seen.has(m.id)), ...shown]
}

/** Adds a message just sent unless the thread already has it. */
export function appendMessage(messages, message) {
  return messages.some((m) => m.id === message.id) ? messages : [...messages, message]
}

/** Open only while the backend says so and `open_until` is still ahead: a stale view never offers free text. */
export function isWindowOpen(window, nowMs) {
  if (window?.state !== 'open') return false
  if (!window.open_until) return true
  const until = Date.parse(window.open_until)
  return Number.isNaN(until) || until > nowMs
}

/** Whole hours and minutes from now until `iso`, null when it has passed or is unreadable. */
export function timeLeft(iso, nowMs) {
  if (!iso) return null
  const until = Date.parse(iso)
  if (Number.isNaN(until) || until <= nowMs) return null
  const minutes = Math.max(1, Math.floor((until - nowMs) / 60000))
  return { h: Math.floor(minutes / 60), m: minutes % 60 }
}

export const isFuture = (iso, nowMs) => Boolean(iso) && Date.parse(iso) > nowMs

/** True for an absolute https URL; anything else (javascript:, data:, relative) is never linked. */
export function isHttpsUrl(value) {
  if (typeof value !== 'string') return false
  try {
    return new URL(value).protocol === 'https:'
  } catch {
    return false
  }
}

/**
 * A tag key from what a rep typed: lower-case ASCII letters, digits, `_` and `-`, at most 64
 * characters. A label with none of those (e.g. Chinese) gets a stable key from its hash — the same
 * rule as the HubSpot card, so one label gives one key in every CRM.
 */
export function tagKeyOf(label) {
  const key = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64)
  if (key) return key
  let h = 5381
  for (const char of label.trim()) h = ((h * 33) ^ char.codePointAt(0)) >>> 0
  return `tag_${h.toString(36)}`
}

/**
 * A key for one draft: a rep may click Send again after a timeout, and the backend answers the
 * second attempt with the first message instead of sending twice.
 */
export function newIdempotencyKey(recordId) {
  const random = Math.random().toString(36).slice(2, 10).padEnd(8, '0')
  return `salesforce:${recordId}:${Date.now().toString(36)}:${random}`
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g

/** The BODY component's text, or null when the template carries none. */
export function templateBodyText(template) {
  const components = Array.isArray(template.components) ? template.components : []
  const body = components.find((c) => typeof c?.type === 'string' && c.type.toUpperCase() === 'BODY')
  return typeof body?.text === 'string' ? body.text : null
}

/** The body's variables in order: `{{1}}`, `{{2}}` … or named ones; `1..body_params` when the text is missing. */
export function templateVariables(template) {
  const text = templateBodyText(template)
  const names = []
  for (const match of (text ?? '').matchAll(PLACEHOLDER)) {
    if (!names.includes(match[1])) names.push(match[1])
  }
  if (names.length === 0 && template.body_params > 0) {
    return Array.from({ length: template.body_params }, (_, i) => String(i + 1))
  }
  const positional = names.every((n) => /^\d+$/.test(n))
  return positional ? names.sort((a, b) => Number(a) - Number(b)) : names
}

/** The body with the values filled in, for the preview; unfilled variables stay visible. */
export function renderTemplate(template, values) {
  const text = templateBodyText(template)
  if (text === null) return null
  return text.replace(PLACEHOLDER, (whole, name) => values[name] || whole)
}

/** The send content for a template with its body variables (named ones carry `parameter_name`). */
export function templateContent(template, values) {
  const names = templateVariables(template)
  const base = { type: 'template', name: template.name, language: template.language }
  if (names.length === 0) return base
  return {
    ...base,
    components: [
      {
        type: 'body',
        parameters: names.map((name) => ({
          type: 'text',
          text: values[name] ?? '',
          ...(/^\d+$/.test(name) ? {} : { parameter_name: name }),
        })),
      },
    ],
  }
}

/** Only templates Meta approved can be sent. */
export const isSendable = (template) =>
  typeof template?.status === 'string' && template.status.toUpperCase() === 'APPROVED'

export function readTemplates(raw) {
  if (!isObject(raw) || !Array.isArray(raw.templates)) throw new InvalidAnswer('templates')
  return raw.templates.filter(
    (tpl) => isObject(tpl) && typeof tpl.id === 'string' && typeof tpl.name === 'string',
  )
}

export function readQuickReplies(raw) {
  if (!isObject(raw) || !Array.isArray(raw.quick_replies)) throw new InvalidAnswer('quick_replies')
  return raw.quick_replies
    .filter((r) => isObject(r) && typeof r.key === 'string' && typeof r.body === 'string')
    .map((r) => ({
      key: r.key,
      title: str(r.title) ?? r.key,
      body: r.body,
      defaults: isObject(r.defaults) ? r.defaults : {},
    }))
}

const QUICK_REPLY_VARIABLE = /\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}/gi

/** The distinct `{{variables}}` of a quick reply body, in order of first use. */
export function variablesOf(body) {
  const names = []
  for (const match of body.matchAll(QUICK_REPLY_VARIABLE)) {
    if (!names.includes(match[1])) names.push(match[1])
  }
  return names
}

/** The backend's quick-reply preview: the personalised text and what is still missing. */
export function readPreview(raw) {
  if (!isObject(raw) || typeof raw.text !== 'string') throw new InvalidAnswer('preview')
  return {
    text: raw.text,
    missing: Array.isArray(raw.missing) ? raw.missing.filter((m) => typeof m === 'string') : [],
    variables: Array.isArray(raw.variables) ? raw.variables.filter(isObject) : [],
  }
}

/** An Apex answer is the backend's JSON as a string. */
export function parseAnswer(json) {
  try {
    return JSON.parse(json)
  } catch {
    throw new InvalidAnswer('json')
  }
}
