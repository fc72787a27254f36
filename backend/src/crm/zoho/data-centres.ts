/**
 * Zoho's data centres: an org lives in one, and its code must be traded at that centre's accounts
 * server, whose token answer names the API domain every later call goes to. The accounts server
 * comes back on the install redirect (`accounts-server`), so it is checked against this list (or
 * the operator's) before our client secret is sent there.
 */
export const ZOHO_ACCOUNTS_SERVERS: Readonly<Record<string, string>> = {
  us: 'https://accounts.zoho.com',
  eu: 'https://accounts.zoho.eu',
  in: 'https://accounts.zoho.in',
  au: 'https://accounts.zoho.com.au',
  jp: 'https://accounts.zoho.jp',
  cn: 'https://accounts.zoho.com.cn',
  ca: 'https://accounts.zohocloud.ca',
  sa: 'https://accounts.zoho.sa',
}

const trim = (url: string) => url.replace(/\/+$/, '')

/** The allowed accounts server equal to `candidate` (normalised), or null. */
export function allowedAccountsServer(
  candidate: string | undefined,
  allowed: readonly string[],
): string | null {
  if (!candidate) return null
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return null
  }
  if (url.search || url.hash || url.username || url.password) return null
  const normal = trim(`${url.origin}${url.pathname}`)
  return allowed.map(trim).find((a) => a === normal) ?? null
}

/** A short name for the data centre an accounts server belongs to (shown on the connection). */
export function dataCentreOf(accountsServer: string, location: string | undefined): string {
  const known = Object.entries(ZOHO_ACCOUNTS_SERVERS).find(([, url]) => url === trim(accountsServer))
  if (known) return known[0]
  return location && /^[a-z]{2,3}$/.test(location) ? location : 'custom'
}
