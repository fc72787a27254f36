import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Config } from '../config'
import type { AppEnv } from './app-env'
import { ApiError } from './errors'

/** The admin console's session cookie: HttpOnly (no script reads it), SameSite=Strict, path-wide for /api/v1. */
export const CONSOLE_COOKIE = 'scrm_console'

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function consoleToken(c: Context<AppEnv>): string | undefined {
  return getCookie(c, CONSOLE_COOKIE) || undefined
}

/** Secure when the browser reached us over https (directly, or as PUBLIC_URL says behind a proxy). */
function secureOrigin(c: Context<AppEnv>, config: Config): boolean {
  return (config.PUBLIC_URL ?? c.req.url).startsWith('https:')
}

export function setConsoleCookie(c: Context<AppEnv>, config: Config, token: string, expiresAt: Date): void {
  setCookie(c, CONSOLE_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: secureOrigin(c, config),
    path: '/',
    expires: expiresAt,
  })
}

export function clearConsoleCookie(c: Context<AppEnv>, config: Config): void {
  deleteCookie(c, CONSOLE_COOKIE, { path: '/', secure: secureOrigin(c, config), sameSite: 'Strict' })
}

/** The origins the console is served from: this request's own, and PUBLIC_URL's behind a proxy. */
function ownOrigins(c: Context<AppEnv>, config: Config): string[] {
  const origins = [new URL(c.req.url).origin]
  if (config.PUBLIC_URL) origins.push(new URL(config.PUBLIC_URL).origin)
  return origins
}

/**
 * CSRF defence for cookie-authenticated changes: browsers always send Origin on a cross-site
 * POST/PUT/PATCH/DELETE, so a change must come with our own Origin. SameSite=Strict already keeps
 * the cookie off cross-site requests; this holds even where a browser or proxy does not honour it.
 * `requireOrigin: false` (sign-in, which has no cookie yet) still refuses a foreign Origin.
 */
export function assertSameOrigin(
  c: Context<AppEnv>,
  config: Config,
  options: { requireOrigin: boolean } = { requireOrigin: true },
): void {
  if (READ_METHODS.has(c.req.method)) return
  const origin = c.req.header('origin')
  if (!origin) {
    if (!options.requireOrigin) return
    throw new ApiError(
      'forbidden',
      'Console changes must come from the console page (the request had no Origin header).',
      undefined,
      'csrf',
    )
  }
  if (!ownOrigins(c, config).includes(origin))
    throw new ApiError(
      'forbidden',
      `Cross-site request refused: ${origin} is not this server's console.`,
      undefined,
      'csrf',
    )
}
