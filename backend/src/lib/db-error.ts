/**
 * What went wrong, said without SQL or data. drizzle wraps every driver error as
 * "Failed query: <sql>\nparams: <values>", and Postgres' own messages for bad input quote the
 * value; neither may reach a tenant (last_error) or a log line. Failures are classified by the
 * SQLSTATE of the underlying error and described in our own words.
 */

export const FAILURE_REASONS = [
  /** Postgres refused text (NUL, invalid Unicode): should not happen since lib/pg-text escapes it. */
  'database_rejected_text',
  /** Postgres refused the row: a constraint, a trigger, a value out of range. Retrying won't help. */
  'database_rejected',
  /** The database could not be reached or gave up (connection lost, shutdown, deadlock): retried. */
  'database_unavailable',
  /** The stored delivery is not an envelope this version can read. */
  'invalid_payload',
  /** The worker died while processing it, on every attempt. */
  'worker_stopped',
  /** Anything else: a defect on our side. */
  'internal',
] as const
export type FailureReason = (typeof FAILURE_REASONS)[number]

export interface ClassifiedFailure {
  reason: FailureReason
  /** Our own words, plus the SQLSTATE when there is one (a code, never data). */
  message: string
}

const MESSAGES: Record<FailureReason, string> = {
  database_rejected_text: 'the database refused text in this item',
  database_rejected:
    'the database refused to store this item (a constraint or trigger); replay it once fixed',
  database_unavailable: 'the database was unavailable; it is retried automatically',
  invalid_payload: 'the stored delivery is not a WhatsApp envelope this version can read',
  worker_stopped: 'the worker stopped while processing it on every attempt',
  internal: 'an unexpected error on our side while storing it; the logs have the details',
}

export function describeFailure(reason: FailureReason, sqlState?: string): ClassifiedFailure {
  return { reason, message: sqlState ? `${MESSAGES[reason]} (SQLSTATE ${sqlState})` : MESSAGES[reason] }
}

interface DriverError {
  code?: unknown
  message?: unknown
  constraint?: unknown
  table?: unknown
  column?: unknown
  routine?: unknown
  cause?: unknown
}

/** The innermost error that carries a code (the driver's), or else the innermost error. */
function rootOf(error: unknown): DriverError | undefined {
  let current: unknown = error
  let coded: DriverError | undefined
  let innermost: DriverError | undefined
  for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth++) {
    const e = current as DriverError
    if (typeof e.code === 'string') coded = e
    innermost = e
    current = e.cause
  }
  return coded ?? innermost
}

const SQLSTATE = /^[0-9A-Z]{5}$/
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
])
const CONNECTION_MESSAGE =
  /connection terminated|connection (?:is )?closed|timeout exceeded when trying to connect|client has encountered a connection error|cannot use a pool after calling end|database is closed|not connected/i

/** The SQLSTATE of the driver error under `error`, if any. */
export function sqlStateOf(error: unknown): string | undefined {
  const code = rootOf(error)?.code
  return typeof code === 'string' && SQLSTATE.test(code) ? code : undefined
}

export function classifyFailure(error: unknown): ClassifiedFailure {
  const root = rootOf(error)
  const code = typeof root?.code === 'string' ? root.code : undefined
  const state = code && SQLSTATE.test(code) ? code : undefined
  if (state) return describeFailure(reasonOfSqlState(state, String(root?.message ?? '')), state)
  if (code && NETWORK_CODES.has(code)) return describeFailure('database_unavailable')
  if (CONNECTION_MESSAGE.test(messageChain(error))) return describeFailure('database_unavailable')
  return describeFailure('internal')
}

function reasonOfSqlState(state: string, message: string): FailureReason {
  const cls = state.slice(0, 2)
  // Connection exceptions, shutdown/admin termination, resources, serialization and deadlocks,
  // lock and statement timeouts: the same work can succeed later.
  if (['08', '53', '57', '58'].includes(cls)) return 'database_unavailable'
  if (state === '40001' || state === '40P01' || state === '55P03') return 'database_unavailable'
  // Character not in repertoire, untranslatable character (jsonb's "unsupported Unicode escape
  // sequence"), invalid escape, and JSON's invalid-text errors about Unicode.
  if (['22021', '22P05', '22025'].includes(state)) return 'database_rejected_text'
  if (state === '22P02' && /unicode|surrogate|escape/i.test(message)) return 'database_rejected_text'
  if (cls === '22' || cls === '23' || cls === 'P0') return 'database_rejected'
  return 'internal'
}

function messageChain(error: unknown): string {
  const parts: string[] = []
  let current: unknown = error
  for (let depth = 0; depth < 8 && current; depth++) {
    if (current instanceof Error) parts.push(current.message)
    else if (typeof current === 'string') parts.push(current)
    current = (current as { cause?: unknown }).cause
  }
  return parts.join(' | ')
}

const FAILED_QUERY = 'Failed query:'
const WITHHELD = 'database query failed (SQL and parameters withheld)'
const STACK_FRAME = /^\s+at \S/

/**
 * Removes drizzle's "Failed query: <sql>\nparams: <values>" from free text (a message, a stack):
 * everything from the marker to the end, except the stack frames that follow it.
 */
export function scrubSqlText(text: string): string {
  const at = text.indexOf(FAILED_QUERY)
  if (at === -1) return text
  const lines = text.slice(at).split('\n')
  let firstFrame = lines.length
  while (firstFrame > 1 && STACK_FRAME.test(lines[firstFrame - 1] as string)) firstFrame--
  const frames = lines.slice(firstFrame)
  return [text.slice(0, at) + WITHHELD, ...frames].join('\n')
}

/** Postgres' message, minus anything that may quote a value (data exceptions put it after ':'). */
function safeDriverMessage(root: DriverError, state: string | undefined): string {
  const message = scrubSqlText(String(root.message ?? ''))
  if (state?.startsWith('22')) return message.split(':')[0] as string
  return message
}

export interface SafeErrorDetails {
  type: string
  message: string
  reason: FailureReason
  code?: string
  constraint?: string
  table?: string
  column?: string
  stack?: string
}

/**
 * An error as logs may show it: class, classified reason, SQLSTATE, constraint/table/column
 * names, the driver's message without values, and the stack without SQL or parameters. Never the
 * driver's `detail` (it quotes key values), `query` or `params`.
 */
export function safeErrorDetails(error: unknown): SafeErrorDetails {
  const classified = classifyFailure(error)
  if (!(error instanceof Error)) {
    return {
      type: typeof error,
      message: scrubSqlText(String(error)),
      reason: classified.reason,
    }
  }
  const root = rootOf(error) ?? {}
  const state = sqlStateOf(error)
  const rootIsOwn = root === (error as DriverError)
  const message =
    error.message.startsWith(FAILED_QUERY) && !rootIsOwn
      ? `${WITHHELD}: ${safeDriverMessage(root, state)}`
      : state
        ? safeDriverMessage(root, state)
        : scrubSqlText(error.message)
  const out: SafeErrorDetails = { type: error.name, message, reason: classified.reason }
  if (typeof root.code === 'string') out.code = root.code
  if (typeof root.constraint === 'string') out.constraint = root.constraint
  if (typeof root.table === 'string') out.table = root.table
  if (typeof root.column === 'string') out.column = root.column
  if (error.stack) out.stack = framesOf(error)
  return out
}

/** A stack's frames: its head repeats the message (and so the SQL and parameters). */
function framesOf(error: Error): string {
  const stack = error.stack ?? ''
  const head = `${error.name}: ${error.message}`
  if (stack.startsWith(head)) return stack.slice(head.length).replace(/^\n/, '')
  return stack
    .split('\n')
    .filter((line) => STACK_FRAME.test(line))
    .join('\n')
}
