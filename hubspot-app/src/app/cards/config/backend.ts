import { z } from 'zod'
import { BACKEND_URL } from './backend-url'

/** What the card needs to know before it can call anything. */
export interface CardConfig {
  /** The backend's base URL, https, without a trailing slash. */
  backendUrl: string
}

export type CardConfigResult =
  | { success: true; data: CardConfig }
  | { success: false; errorMessages: string[] }

const backendUrlSchema = z
  .string()
  .url('must be an absolute URL')
  .refine((value) => value.startsWith('https://'), 'must use https (hubspot.fetch refuses anything else)')
  .refine((value) => {
    const host = URL.canParse(value) ? new URL(value).hostname : ''
    return host !== 'localhost' && host !== '127.0.0.1' && host !== '[::1]'
  }, 'must not be localhost (use local.json to proxy a local backend during `hs project dev`)')
  .transform((value) => value.replace(/\/+$/, ''))

/** Checks the configured backend URL; the card renders the messages instead of throwing. */
export function validateConfig(raw: { backendUrl: string } = { backendUrl: BACKEND_URL }): CardConfigResult {
  const parsed = backendUrlSchema.safeParse(raw.backendUrl)
  if (parsed.success) return { success: true, data: { backendUrl: parsed.data } }
  return {
    success: false,
    errorMessages: parsed.error.issues.map((issue) => `backend URL ${issue.message}`),
  }
}
