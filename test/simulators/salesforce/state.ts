/** Everything the simulator holds: orgs, OAuth, the request log, faults and options. */
import { FaultQueue } from './faults'
import { IdSequence, KEY_PREFIX } from './ids'
import { OAuthState } from './oauth'
import { Org } from './org'
import { DEFAULTS, type SalesforceSimulatorOptions, type SimRequestLog } from './types'

export type ResolvedOptions = Required<Omit<SalesforceSimulatorOptions, 'port' | 'host'>>

export class SimulatorState {
  readonly options: ResolvedOptions
  readonly orgs = new Map<string, Org>()
  readonly ids = new IdSequence()
  readonly oauth: OAuthState
  readonly faults = new FaultQueue()
  readonly requests: SimRequestLog[] = []
  /** Query cursors for queryMore: locator → remaining records. */
  readonly cursors = new Map<string, { records: unknown[]; sobject: string; total: number }>()

  constructor(options: SalesforceSimulatorOptions) {
    this.options = {
      clientId: options.clientId ?? DEFAULTS.clientId,
      clientSecret: options.clientSecret ?? DEFAULTS.clientSecret,
      dailyApiLimit: options.dailyApiLimit ?? DEFAULTS.dailyApiLimit,
      latencyMs: options.latencyMs ?? DEFAULTS.latencyMs,
      accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? DEFAULTS.accessTokenTtlSeconds,
      queryBatchSize: options.queryBatchSize ?? DEFAULTS.queryBatchSize,
    }
    this.oauth = new OAuthState(() => this.options.accessTokenTtlSeconds)
  }

  org(orgId?: string, sandbox = false): Org {
    if (orgId) {
      const existing = this.orgs.get(orgId)
      if (existing) return existing
    }
    const id = orgId ?? this.ids.next(KEY_PREFIX.Organization as string, '00')
    if (!/^00D[A-Za-z0-9]{15}$/.test(id))
      throw new Error(`an org id is 18 characters starting 00D, got ${id}`)
    const org = new Org(
      id,
      this.ids.next(KEY_PREFIX.User as string),
      sandbox,
      this.options.dailyApiLimit,
      this.ids,
    )
    this.orgs.set(id, org)
    return org
  }

  existingOrg(orgId: string): Org {
    const org = this.orgs.get(orgId)
    if (!org) throw new Error(`no org ${orgId}`)
    return org
  }
}
