/** What the demo's HTTP routes share: the running parts, the seed once made, and small helpers. */
import { z } from 'zod'
import type { CustomerSide } from './customer-side'
import type { DemoSeed } from './seed'
import type { DemoStack } from './stack'

export interface DemoContext {
  stack: DemoStack
  customers: CustomerSide
  /** Null until the seed is done (the pages are served from the start). */
  seed: () => DemoSeed | null
}

/** A customer's WhatsApp id: the digits of an international number. */
export const waIdSchema = z.string().regex(/^[1-9]\d{6,14}$/, 'digits of an international number, without +')

/** The backend's error envelope, so the pages read one shape whoever answered. */
export const demoError = (code: string, message: string) => ({ error: { code, message } })

/** The backend over HTTP, as any client reaches it. */
export const callBackend = (
  ctx: DemoContext,
  path: string,
  headers: Record<string, string>,
  init: RequestInit = {},
) => fetch(`${ctx.stack.backendUrl}${path}`, { ...init, headers: { ...headers, accept: 'application/json' } })
