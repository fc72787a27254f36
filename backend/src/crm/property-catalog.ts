import type { CrmConnection } from '../db/schema'
import { DomainError } from '../lib/errors'
import type { CrmConnector, CrmPropertyInfo } from './port'

/** How long a connection's property list is reused: the editor reloads often, CRM budgets are small. */
export const PROPERTY_LIST_TTL_MS = 60_000

export interface PropertyList {
  properties: CrmPropertyInfo[]
  /** When the CRM was asked (a cached answer keeps its time). */
  fetchedAt: Date
}

/** The CRM refused the listing or did not answer; `reason` is the CRM's own error code. */
export class CrmUnavailableError extends DomainError {
  constructor(message: string, reason: string) {
    super('crm_unavailable', message, undefined, reason)
    this.name = 'CrmUnavailableError'
  }
}

/**
 * The contact properties each connection's CRM reports, for the mapping editor's picker. One
 * answer per connection is kept for `ttlMs` and concurrent requests share one call, so opening
 * the editor in several tabs costs one request; refusals are not kept (the next try asks again).
 */
export class CrmPropertyCatalog {
  readonly #cache = new Map<string, PropertyList>()
  readonly #pending = new Map<string, Promise<PropertyList>>()

  constructor(
    private readonly connectorFor: (connection: CrmConnection) => CrmConnector,
    private readonly labelOf: (provider: string) => string,
    private readonly ttlMs = PROPERTY_LIST_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** `fresh`: an admin asked to read the CRM again (a property was just created there). */
  async list(connection: CrmConnection, opts: { fresh?: boolean } = {}): Promise<PropertyList> {
    const cached = this.#cache.get(connection.id)
    if (cached && !opts.fresh && this.now() - cached.fetchedAt.getTime() < this.ttlMs) return cached
    const pending = this.#pending.get(connection.id)
    if (pending) return pending
    const call = this.#fetch(connection).finally(() => this.#pending.delete(connection.id))
    this.#pending.set(connection.id, call)
    return call
  }

  async #fetch(connection: CrmConnection): Promise<PropertyList> {
    const connector = this.connectorFor(connection)
    let properties: CrmPropertyInfo[]
    try {
      properties = await connector.listProperties()
    } catch (error) {
      const e = connector.classifyError(error)
      throw new CrmUnavailableError(
        `${this.labelOf(connection.provider)} did not list its contact properties: ${e.message}`,
        e.code,
      )
    }
    const list = {
      properties: [...properties].sort(
        (a, b) => a.label.localeCompare(b.label) || a.name.localeCompare(b.name),
      ),
      fetchedAt: new Date(this.now()),
    }
    this.#cache.set(connection.id, list)
    return list
  }
}
