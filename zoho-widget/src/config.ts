/** Set at build time (vite.config.ts reads SCRM_BACKEND_URL and SCRM_ZOHO_CONNECTION). */
declare const __SCRM_BACKEND_URL__: string | undefined
declare const __SCRM_ZOHO_CONNECTION__: string | undefined

export const DEFAULT_CONNECTION_NAME = 'whatsapp_scrm'

export interface WidgetConfig {
  /** The backend's public https base URL, without a trailing slash. */
  backendUrl: string
  /** The link name of the Zoho CRM connection the admin created. */
  connectionName: string
}

export type ConfigResult = { ok: true; config: WidgetConfig } | { ok: false; problems: string[] }

/** Zoho's connection link names: lower-case letters, digits and underscores. */
const LINK_NAME = /^[a-z][a-z0-9_]{0,49}$/

export function readConfig(
  raw: { backendUrl?: string; connectionName?: string } = {
    backendUrl: typeof __SCRM_BACKEND_URL__ === 'string' ? __SCRM_BACKEND_URL__ : '',
    connectionName: typeof __SCRM_ZOHO_CONNECTION__ === 'string' ? __SCRM_ZOHO_CONNECTION__ : '',
  },
): ConfigResult {
  const problems: string[] = []
  const backendUrl = (raw.backendUrl ?? '').trim().replace(/\/+$/, '')
  const connectionName = (raw.connectionName ?? '').trim() || DEFAULT_CONNECTION_NAME
  if (!backendUrl) problems.push('SCRM_BACKEND_URL was not set when the widget was built.')
  else if (!URL.canParse(backendUrl))
    problems.push(`SCRM_BACKEND_URL "${backendUrl}" is not an absolute URL.`)
  else {
    const url = new URL(backendUrl)
    // Zoho's servers make the call, so the backend must be public https.
    if (url.protocol !== 'https:')
      problems.push('SCRM_BACKEND_URL must use https (Zoho calls it from its servers).')
    if (url.search || url.hash) problems.push('SCRM_BACKEND_URL must not carry a query or fragment.')
  }
  if (!LINK_NAME.test(connectionName))
    problems.push(
      `SCRM_ZOHO_CONNECTION "${connectionName}" is not a Zoho connection link name (a-z, 0-9, _).`,
    )
  return problems.length ? { ok: false, problems } : { ok: true, config: { backendUrl, connectionName } }
}
