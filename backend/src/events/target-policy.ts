import { lookup } from 'node:dns/promises'
import ipaddr from 'ipaddr.js'
import type { Config } from '../config'

/**
 * Where the server may send events. A subscription URL is customer input that makes the server
 * issue requests, so in production only public addresses over https are reached (no loopback,
 * private, link-local or metadata addresses: the classic SSRF targets), checked on the resolved
 * addresses at subscribe time and again before every delivery (DNS can change in between).
 */
export interface TargetPolicy {
  allowPrivate: boolean
}

/** Why the URL may not receive events, or null when it may. */
export async function targetProblem(raw: string, policy: TargetPolicy): Promise<string | null> {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return 'is not a URL'
  }
  if (url.protocol !== 'https:' && !(policy.allowPrivate && url.protocol === 'http:'))
    return policy.allowPrivate ? 'must be an http or https URL' : 'must be an https URL'
  if (url.username || url.password) return 'must not carry a user name or password'
  if (policy.allowPrivate) return null
  const host = url.hostname.replace(/^\[|\]$/g, '')
  let addresses: string[]
  try {
    addresses = ipaddr.isValid(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address)
  } catch {
    return `host ${host} does not resolve`
  }
  for (const address of addresses) {
    const range = ipaddr.process(address).range()
    if (range !== 'unicast') return `resolves to a ${range} address, which events are never sent to`
  }
  return null
}

/** Private targets are allowed outside production unless denied, and in production only when allowed. */
export function eventTargetPolicy(config: Config): TargetPolicy {
  const setting = config.EVENT_WEBHOOK_PRIVATE_TARGETS
  return { allowPrivate: setting ? setting === 'allow' : config.NODE_ENV !== 'production' }
}
