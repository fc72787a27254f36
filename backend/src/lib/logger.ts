import { type Logger, pino } from 'pino'

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
  'config.WHATSAPP_APP_SECRET',
  'config.WHATSAPP_VERIFY_TOKEN',
  'config.HUBSPOT_CLIENT_SECRET',
]

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'scrm-backend' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
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
