import { type Logger, pino } from 'pino'
import { safeErrorDetails, scrubSqlText } from './db-error'

/** Paths pino blanks out wherever they appear, so secrets and tokens never reach a log line. */
export const REDACTED_PATHS = [
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers["x-hub-signature-256"]',
  'req.headers["x-hubspot-signature-v3"]',
  '*.authorization',
  '*.access_token',
  '*.accessToken',
  '*.token',
  '*.secret',
  '*.password',
  '*.api_key',
  '*.apiKey',
  'config.ADMIN_API_KEY',
  'config.ENCRYPTION_KEY',
  'config.BACKUP_PASSPHRASE',
  '*.passphrase',
  'config.WHATSAPP_APP_SECRET',
  'config.WHATSAPP_VERIFY_TOKEN',
  'config.HUBSPOT_CLIENT_SECRET',
]

/**
 * Errors are logged as lib/db-error describes them: a database error's SQL and parameters (drizzle
 * puts both in the message, the driver's `detail` quotes values) stay out, whether the caller
 * logs the error, its message or its stack.
 */
const errorValue = (value: unknown): unknown =>
  value instanceof Error ? safeErrorDetails(value) : typeof value === 'string' ? scrubSqlText(value) : value

const textValue = (value: unknown): unknown => (typeof value === 'string' ? scrubSqlText(value) : value)

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'scrm-backend' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: {
        err: errorValue,
        error: errorValue,
        cause: errorValue,
        stack: textValue,
        reason: errorValue,
      },
      hooks: {
        // The message itself (`log.warn(\`failed: ${message}\`)`) and any format arguments.
        logMethod(args, method) {
          method.apply(this, args.map(errorValue) as Parameters<typeof method>)
        },
      },
    },
    destination,
  )
}

export type { Logger }

/** The pool's `onConnectionError`: a dropped connection is worth a warning, never a crash. */
export const warnConnectionLost =
  (logger: Logger) =>
  (error: Error): void =>
    logger.warn({ err: error.message, code: (error as { code?: string }).code }, 'database connection lost')
