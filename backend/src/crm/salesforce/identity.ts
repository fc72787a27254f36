/**
 * The org a token belongs to, from the identity URL of Salesforce's token answer
 * (`https://login.salesforce.com/id/<orgId>/<userId>`): the 18-character org id is the tenancy key.
 */
const ORG_ID = /^00D[A-Za-z0-9]{15}$/
const USER_ID = /^005[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$/

export function parseIdentityUrl(idUrl: unknown): { orgId: string; userId: string } | null {
  if (typeof idUrl !== 'string') return null
  let path: string
  try {
    path = new URL(idUrl).pathname
  } catch {
    return null
  }
  const m = /\/id\/([^/]+)\/([^/]+)\/?$/.exec(path)
  if (!m?.[1] || !m[2] || !ORG_ID.test(m[1]) || !USER_ID.test(m[2])) return null
  return { orgId: m[1], userId: m[2] }
}

export const isOrgId = (value: string): boolean => ORG_ID.test(value)
