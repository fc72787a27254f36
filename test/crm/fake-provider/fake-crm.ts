import { randomBytes } from 'node:crypto'

/**
 * An imaginary CRM ("Fakeforce") held in memory: accounts with records, properties, logged
 * messages and tasks, and the OAuth grants it issued. It is our own test double of a CRM that does
 * not exist, so the provider plug-in can be proven without any real CRM's rules.
 */
export interface FakeRecord {
  id: string
  properties: Record<string, string>
}

export interface FakeAccount {
  properties: Map<string, { type: string; options?: string[] }>
  records: FakeRecord[]
  messages: { recordId: string; externalId: string; body: string; direction: string }[]
  tasks: { recordId: string; ref: string; title: string }[]
}

export class FakeCrm {
  readonly accounts = new Map<string, FakeAccount>()
  /** Access token → account id; only tokens issued here open an account. */
  readonly #accessTokens = new Map<string, string>()
  readonly #refreshTokens = new Map<string, string>()
  readonly #codes = new Map<string, { accountId: string; redirectUri: string }>()
  readonly revoked: string[] = []
  #nextId = 1000

  /** The installer approves the app for an account: the CRM hands out a one-time code. */
  authorize(accountId: string, redirectUri: string): string {
    const code = `code-${randomBytes(8).toString('hex')}`
    this.#codes.set(code, { accountId, redirectUri })
    return code
  }

  exchange(code: string, redirectUri: string): { accountId: string; access: string; refresh: string } {
    const grant = this.#codes.get(code)
    this.#codes.delete(code)
    if (!grant || grant.redirectUri !== redirectUri) throw new Error('unknown code')
    if (!this.accounts.has(grant.accountId))
      this.accounts.set(grant.accountId, { properties: new Map(), records: [], messages: [], tasks: [] })
    const refresh = `fr-${randomBytes(12).toString('hex')}`
    this.#refreshTokens.set(refresh, grant.accountId)
    return { accountId: grant.accountId, access: this.issue(grant.accountId), refresh }
  }

  refresh(refreshToken: string): string {
    const accountId = this.#refreshTokens.get(refreshToken)
    if (!accountId) throw new Error('unknown refresh token')
    return this.issue(accountId)
  }

  revoke(refreshToken: string): boolean {
    this.revoked.push(refreshToken)
    return this.#refreshTokens.delete(refreshToken)
  }

  /** The account an access token opens; anything else is refused like a 401. */
  account(accessToken: string): FakeAccount {
    const accountId = this.#accessTokens.get(accessToken)
    const account = accountId ? this.accounts.get(accountId) : undefined
    if (!account) throw Object.assign(new Error('401 unknown token'), { status: 401 })
    return account
  }

  newRecordId(): string {
    this.#nextId += 1
    return String(this.#nextId)
  }

  private issue(accountId: string): string {
    const access = `fa-${randomBytes(12).toString('hex')}`
    this.#accessTokens.set(access, accountId)
    return access
  }
}
