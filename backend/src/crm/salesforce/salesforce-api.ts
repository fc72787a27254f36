import { Connection } from 'jsforce'
import type { CrmConnection } from '../../db/schema'
import { CrmAuthError } from '../oauth/auth-error'
import type { ConnectorInput } from '../provider'
import type { ApiBudget } from './api-budget'
import { orgStateOf } from './org-state'

/** jsforce's error for an answer Salesforce refused: `name` = `errorCode`, `data` the body. */
export interface SalesforceApiError extends Error {
  errorCode?: string
  data?: unknown
}

/**
 * One org's jsforce connection. Tokens come from the generic token store: jsforce's refresh hook
 * (called on 401 INVALID_SESSION_ID, then the request is replayed once) asks it for a new token,
 * naming the rejected one so concurrent callers refresh once. Every call first passes the API
 * budget gate and the shared rate limiter; the usage on each answer feeds the budget.
 */
export class SalesforceApi {
  #conn: Connection | null = null

  constructor(
    private readonly connection: CrmConnection,
    private readonly input: ConnectorInput,
    private readonly version: string,
    readonly budget: ApiBudget,
    /** The connection as stored now: a re-install may have moved the org to another instance. */
    private readonly current: () => Promise<CrmConnection | undefined>,
  ) {}

  async #connection(): Promise<Connection> {
    if (this.#conn) return this.#conn
    const row = (await this.current()) ?? this.connection
    const instanceUrl = orgStateOf(row).instanceUrl
    if (!instanceUrl)
      throw new CrmAuthError(
        'reauth_required',
        `Salesforce org ${row.accountId} has no instance URL: install the app (OAuth) to connect it.`,
      )
    const accessToken = await this.input.accessToken()
    this.#conn = new Connection({
      version: this.version,
      instanceUrl,
      accessToken,
      refreshFn: (conn, callback) => {
        this.input.accessToken(conn.accessToken ?? undefined).then(
          (token) => callback(null, token),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        )
      },
    })
    return this.#conn
  }

  /**
   * One API call (`fn` must make exactly one request, or say how many in `calls`). Budget stops
   * throw `ApiBudgetStop` before anything is sent.
   */
  async call<T>(fn: (conn: Connection) => PromiseLike<T>): Promise<T> {
    this.budget.gate()
    const conn = await this.#connection()
    await this.input.beforeRequest('default')
    try {
      const result = await fn(conn)
      await this.budget.observe(conn.limitInfo?.apiUsage)
      return result
    } catch (error) {
      const e = error as SalesforceApiError
      // A session that could not be refreshed: the next call starts from the stored connection again.
      if (/Unable to refresh session/.test(e.message ?? '')) this.#conn = null
      if (e.errorCode === 'REQUEST_LIMIT_EXCEEDED' || e.name === 'REQUEST_LIMIT_EXCEEDED') {
        await this.budget.limitExceeded(conn.limitInfo?.apiUsage)
      } else await this.budget.observe(conn.limitInfo?.apiUsage)
      throw error
    }
  }
}
