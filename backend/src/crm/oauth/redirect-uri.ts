import type { Config } from '../../config'

/**
 * The callback URL a CRM sends installers back to. It must be registered with the CRM's app and
 * identical in the authorize URL and the code exchange, so it is built from PUBLIC_URL (the
 * origin the CRM sees behind a proxy); without it, from the request's own origin (local use).
 */
export function oauthRedirectUri(config: Config, provider: string, requestUrl: string): string {
  const origin = config.PUBLIC_URL ?? new URL(requestUrl).origin
  return `${origin.replace(/\/$/, '')}/oauth/${provider}/callback`
}
