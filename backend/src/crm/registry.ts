import { InvalidInputError, NotConfiguredError } from '../lib/errors'
import type { CrmCardAuth, CrmProvider } from './provider'

/** No provider is registered under a connection's or a request's CRM name. */
export class UnregisteredCrmError extends NotConfiguredError {
  constructor(
    readonly provider: string,
    registered: string[],
  ) {
    super(`No CRM provider "${provider}" is registered on this server (registered: ${list(registered)}).`)
    this.name = 'UnregisteredCrmError'
  }
}

/**
 * The CRMs this server speaks, filled once by `runtime.ts` (one `register` per provider). Names
 * are plain strings everywhere else and are checked here.
 */
export class CrmRegistry {
  readonly #providers = new Map<string, CrmProvider>()

  register(provider: CrmProvider): this {
    if (this.#providers.has(provider.name))
      throw new Error(`CRM provider "${provider.name}" is registered twice`)
    this.#providers.set(provider.name, provider)
    return this
  }

  names(): string[] {
    return [...this.#providers.keys()]
  }

  has(name: string): boolean {
    return this.#providers.has(name)
  }

  /** The provider, or an `UnregisteredCrmError` (not configured on this server). */
  get(name: string): CrmProvider {
    const provider = this.#providers.get(name)
    if (!provider) throw new UnregisteredCrmError(name, this.names())
    return provider
  }

  /** For a CRM named in input (a new connection): refused with the list of known ones. */
  accept(name: string): CrmProvider {
    const provider = this.#providers.get(name)
    if (!provider)
      throw new InvalidInputError(
        `"${name}" is not a CRM this server can connect; registered providers: ${list(this.names())}.`,
        [{ path: 'provider', message: `must be one of: ${list(this.names())}` }],
      )
    return provider
  }

  /** The provider whose card credentials the request carries, if any. */
  cardProviderFor(
    header: (name: string) => string | undefined,
  ): (CrmProvider & { cardAuth: CrmCardAuth }) | undefined {
    for (const provider of this.#providers.values())
      if (provider.cardAuth?.recognises(header)) return provider as CrmProvider & { cardAuth: CrmCardAuth }
    return undefined
  }
}

function list(names: string[]): string {
  return names.length > 0 ? names.join(', ') : 'none'
}
