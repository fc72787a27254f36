/** Everything the simulator holds: orgs, OAuth, injected faults, the request log and callback delivery. */
import { randomInt } from 'node:crypto'
import { OAuthState } from './oauth'
import { type Change, Org } from './org'
import {
  DATA_CENTRES,
  type DataCentre,
  DEFAULTS,
  type Edition,
  type FaultMatch,
  type FaultStatus,
  type SimDelivery,
  type SimRequestLog,
  type ZohoSimulatorOptions,
} from './types'

interface FaultRule extends FaultMatch {
  remaining: number
  status: FaultStatus
}

export class SimulatorState {
  readonly options: Required<Omit<ZohoSimulatorOptions, 'port'>> & { port?: number }
  readonly orgs = new Map<string, Org>()
  readonly oauth: OAuthState
  readonly requests: SimRequestLog[] = []
  readonly deliveries: SimDelivery[] = []
  #faults: FaultRule[] = []
  #held = false
  #queue: { url: string; body: Record<string, unknown> }[] = []
  #sending = Promise.resolve()
  /** How callbacks reach the receiver: `fetch` unless a test hands them to an in-process app. */
  deliver: (url: string, init: RequestInit) => Promise<Response> = (url, init) => fetch(url, init)

  constructor(options: ZohoSimulatorOptions) {
    this.options = { ...DEFAULTS, ...options }
    this.oauth = new OAuthState(
      () => this.options.accessTokenTtlSeconds,
      () => this.options.tokensPer10Min,
    )
  }

  org(opts: { dc?: DataCentre; edition?: Edition; users?: number; orgId?: string } = {}): Org {
    const dc = opts.dc ?? 'com'
    if (!DATA_CENTRES.includes(dc)) throw new Error(`unknown data centre ${dc}`)
    const orgId = opts.orgId ?? String(randomInt(700_000_000, 899_999_999))
    const existing = this.orgs.get(orgId)
    if (existing) return existing
    const org = new Org(
      orgId,
      dc,
      `${randomInt(1_000_000, 9_999_999)}000000`,
      opts.edition ?? 'enterprise',
      opts.users ?? 10,
    )
    this.orgs.set(orgId, org)
    return org
  }

  existingOrg(orgId: string): Org {
    const org = this.orgs.get(orgId)
    if (!org) throw new Error(`no simulated org ${orgId}`)
    return org
  }

  failNext(match: FaultMatch, n: number, status: FaultStatus): void {
    this.#faults.push({ ...match, method: match.method?.toUpperCase(), remaining: n, status })
  }

  clearFaults(): void {
    this.#faults = []
  }

  takeFault(method: string, path: string): FaultStatus | undefined {
    const rule = this.#faults.find(
      (r) =>
        r.remaining > 0 &&
        (!r.method || r.method === method) &&
        (!r.pathPrefix || path.startsWith(r.pathPrefix)),
    )
    if (!rule) return undefined
    rule.remaining -= 1
    if (rule.remaining === 0) this.#faults = this.#faults.filter((r) => r !== rule)
    return rule.status
  }

  /** Turns the org's pending record changes into callbacks for every live channel that asked for them. */
  notify(org: Org): void {
    const changes = org.changes.splice(0)
    if (changes.length === 0) return
    const now = Date.now()
    for (const channel of org.channels.values()) {
      if (Date.parse(channel.channel_expiry) <= now) continue
      const byKey = new Map<string, Change[]>()
      for (const change of changes) {
        if (!wants(channel.events, change)) continue
        if (change.operation === 'update' && !passesCondition(channel.notification_condition, change))
          continue
        const key = `${change.module}|${change.operation}`
        byKey.set(key, [...(byKey.get(key) ?? []), change])
      }
      const url = new URL(channel.notify_url)
      for (const group of byKey.values()) {
        const first = group[0] as Change
        const body: Record<string, unknown> = {
          server_time: now,
          query_params: Object.fromEntries(url.searchParams),
          module: first.module,
          resource_uri: `https://www.zohoapis.${org.dc}/crm/v8/${first.module}`,
          ids: group.map((c) => c.id),
          affected_fields: first.operation === 'update' ? group.map((c) => ({ [c.id]: c.affected })) : [],
          operation: first.operation,
          channel_id: Number(channel.channel_id),
          token: channel.token ?? null,
        }
        this.#queue.push({ url: channel.notify_url, body })
      }
    }
    if (!this.#held) void this.flush()
  }

  hold(held: boolean): void {
    this.#held = held
  }

  /** Sends the queued callbacks one after the other (reversed or twice when a test asks). */
  flush(opts: { reverse?: boolean; repeat?: boolean } = {}): Promise<void> {
    const batch = this.#queue.splice(0)
    const ordered = opts.reverse ? batch.reverse() : batch
    const list = opts.repeat ? [...ordered, ...ordered] : ordered
    this.#sending = this.#sending.then(async () => {
      for (const item of list) {
        let status = 0
        try {
          const res = await this.deliver(item.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(item.body),
          })
          status = res.status
          await res.arrayBuffer()
        } catch {
          status = 0
        }
        this.deliveries.push({ url: item.url, body: item.body, status, at: Date.now() })
      }
    })
    return this.#sending
  }

  logRequest(entry: SimRequestLog): void {
    this.requests.push(entry)
  }
}

function wants(events: string[], change: Change): boolean {
  const op = change.operation === 'insert' ? 'create' : change.operation === 'update' ? 'edit' : 'delete'
  return events.includes(`${change.module}.all`) || events.includes(`${change.module}.${op}`)
}

/** `notification_condition` field_selection: an edit is heard only when it touched a selected field. */
function passesCondition(condition: unknown, change: Change): boolean {
  if (!Array.isArray(condition)) return true
  const mine = condition.find(
    (c) => (c as { module?: { api_name?: string } })?.module?.api_name === change.module,
  ) as { field_selection?: { group?: { field?: { api_name?: string } }[] } } | undefined
  if (!mine?.field_selection?.group) return true
  const selected = mine.field_selection.group.map((g) => g.field?.api_name)
  return change.affected.some((a) => selected.includes(a))
}
