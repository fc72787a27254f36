import { createHmac, timingSafeEqual } from 'node:crypto'
import type { FieldValue } from '../../../backend/src/crm/contact-values'
import { type CrmFieldSpec, fieldSpec } from '../../../backend/src/crm/fields'
import { CrmAuthError } from '../../../backend/src/crm/oauth'
import type {
  ContactWrite,
  CrmChange,
  CrmConnector,
  CrmError,
  CrmPropertyInfo,
  CrmPropertySpec,
  CrmRecord,
  MessageWrite,
  TaskWrite,
  WriteResult,
} from '../../../backend/src/crm/port'
import type { ConnectorInput, CrmProvider } from '../../../backend/src/crm/provider'
import { DomainError } from '../../../backend/src/lib/errors'
import type { FakeAccount, FakeCrm } from './fake-crm'

/** The secret the fake CRM signs webhook deliveries and card calls with. */
export const FAKE_SECRET = 'fake-crm-signing-secret'
export const FAKE_AUTHORIZE_URL = 'https://login.fake-crm.test/authorize'

export const sign = (text: string) => createHmac('sha256', FAKE_SECRET).update(text).digest('hex')

/** A card call's credential: the account id and a signature over method and URL. */
export const fakeCardKey = (accountId: string, method: string, url: string) =>
  `${accountId}:${sign(`${accountId} ${method} ${url}`)}`

function same(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** Fakeforce as a CRM provider, written only against the exported `CrmProvider` type. */
export function fakeProvider(crm: FakeCrm, calls: { afterInstall: string[] }): CrmProvider {
  return {
    name: 'fake',
    label: 'Fakeforce',
    accountLabel: (id) => `Fakeforce org ${id}`,
    oauth: {
      authorizeUrl({ state, redirectUri }) {
        const url = new URL(FAKE_AUTHORIZE_URL)
        url.searchParams.set('state', state)
        url.searchParams.set('redirect_uri', redirectUri)
        return url.toString()
      },
      async exchangeCode({ code, redirectUri }) {
        try {
          const grant = crm.exchange(code, redirectUri)
          return {
            accountId: grant.accountId,
            accessToken: grant.access,
            refreshToken: grant.refresh,
            expiresInSeconds: 3600,
            scopes: ['contacts'],
          }
        } catch (error) {
          throw new CrmAuthError('grant_rejected', (error as Error).message)
        }
      },
      async refresh(refreshToken) {
        return {
          accessToken: crm.refresh(refreshToken),
          refreshToken: null,
          expiresInSeconds: 3600,
          scopes: null,
        }
      },
      async revoke(refreshToken) {
        return crm.revoke(refreshToken) ? 'revoked' : 'already_invalid'
      },
      requiredScopes: () => ['contacts'],
      refreshMarginMs: () => 60_000,
      successUrl: () => undefined,
      credentialSettings: 'FAKE_CLIENT_ID',
      uninstallHint: 'Fakeforce',
      async afterInstall(connection) {
        calls.afterInstall.push(connection.accountId)
      },
    },
    changes: {
      maxBytes: 64 * 1024,
      verify(request, body) {
        if (!same(request.header('x-fake-signature') ?? '', sign(body)))
          throw new DomainError('invalid_signature', 'x-fake-signature does not match.')
      },
      parse(body) {
        const events = JSON.parse(body) as { id: string; account: string; at: number }[]
        return events.map((e) => ({
          accountId: e.account,
          eventId: e.id,
          occurredAt: new Date(e.at),
          payload: e as unknown as Record<string, unknown>,
        }))
      },
    },
    cardAuth: {
      recognises: (header) => Boolean(header('x-fake-card')),
      async verify(request) {
        const [accountId = '', signature = ''] = (request.header('x-fake-card') ?? '').split(':')
        if (!same(signature, sign(`${accountId} ${request.method} ${request.url}`)))
          throw new DomainError('invalid_signature', 'x-fake-card does not match this request.')
        return accountId
      },
    },
    defaultProperty: (spec) => ({ property: `fake_${spec.key}`, managed: true }),
    rateBudget: { requestsPerWindow: 1000, windowMs: 1000, searchPerSecond: 100 },
    connector: (input) => new FakeConnector(crm, input),
  }
}

class FakeConnector implements CrmConnector {
  readonly provider = 'fake'
  readonly batchLimit = 50

  constructor(
    private readonly crm: FakeCrm,
    private readonly input: ConnectorInput,
  ) {}

  defaultProperty(spec: CrmFieldSpec) {
    return { property: `fake_${spec.key}`, managed: true }
  }

  async #account(): Promise<FakeAccount> {
    await this.input.beforeRequest('default')
    return this.crm.account(await this.input.accessToken())
  }

  async ensureSchema(fields: { field: string; property: string; managed: boolean }[], tagOptions: string[]) {
    const account = await this.#account()
    for (const f of fields) {
      const spec = fieldSpec(f.field)
      if (!f.managed || !spec || account.properties.has(f.property)) continue
      const options = spec.options === 'tags' ? tagOptions : spec.options ? [...spec.options] : undefined
      account.properties.set(f.property, { type: spec.type, options })
    }
    return fields.flatMap((f): CrmPropertySpec[] => {
      const p = account.properties.get(f.property)
      return p ? [{ name: f.property, type: p.type as CrmPropertySpec['type'], options: p.options }] : []
    })
  }

  async listProperties(): Promise<CrmPropertyInfo[]> {
    const account = await this.#account()
    return [...account.properties].map(([name, p]) => ({
      name,
      label: name,
      type: p.type as CrmPropertyInfo['type'],
      crmType: p.type,
      writable: true,
    }))
  }

  async ensureOptions(property: string, options: string[]) {
    const p = (await this.#account()).properties.get(property)
    if (p) p.options = [...new Set([...(p.options ?? []), ...options])]
  }

  async upsertContacts(inputs: ContactWrite[], uniqueProperty: string): Promise<WriteResult[]> {
    const account = await this.#account()
    return inputs.map((i) => {
      let record = i.recordId
        ? account.records.find((r) => r.id === i.recordId)
        : account.records.find((r) => r.properties[uniqueProperty] === i.uniqueValue)
      if (!record) {
        record = { id: this.crm.newRecordId(), properties: { [uniqueProperty]: i.uniqueValue } }
        account.records.push(record)
      }
      for (const [k, v] of Object.entries(i.properties)) record.properties[k] = v === null ? '' : String(v)
      return { ref: i.ref, ok: true as const, recordId: record.id }
    })
  }

  async logMessages(inputs: MessageWrite[]): Promise<WriteResult[]> {
    const account = await this.#account()
    return inputs.map((m) => {
      if (!account.messages.some((x) => x.externalId === m.externalId))
        account.messages.push({
          recordId: m.recordId,
          externalId: m.externalId,
          body: m.body,
          direction: m.direction,
        })
      return { ref: m.ref, ok: true as const, recordId: `msg-${m.externalId}` }
    })
  }

  async upsertTasks(inputs: TaskWrite[]): Promise<WriteResult[]> {
    const account = await this.#account()
    return inputs.map((t) => {
      if (!account.tasks.some((x) => x.ref === t.ref))
        account.tasks.push({ recordId: t.recordId, ref: t.ref, title: t.title })
      return { ref: t.ref, ok: true as const, recordId: `task-${t.ref}` }
    })
  }

  async readContacts(ids: string[], properties: string[]): Promise<CrmRecord[]> {
    const account = await this.#account()
    return account.records
      .filter((r) => ids.includes(r.id))
      .map((r) => ({
        id: r.id,
        properties: Object.fromEntries(properties.map((p) => [p, r.properties[p] ?? null])),
      }))
  }

  formatValue(value: FieldValue): { ok: true; value: string } {
    if (value === null) return { ok: true, value: '' }
    return { ok: true, value: Array.isArray(value) ? value.join(';') : String(value) }
  }

  parseValue(raw: string | null, spec: CrmPropertySpec): FieldValue {
    if (raw === null || raw === '') return spec.type === 'multi_enumeration' ? [] : null
    if (spec.type === 'number') return Number(raw)
    if (spec.type === 'bool') return raw === 'true'
    if (spec.type === 'multi_enumeration') return raw.split(';').filter(Boolean).sort()
    if (spec.type === 'datetime') return /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw)
    return raw
  }

  parseChange(payload: unknown): CrmChange | null {
    const e = payload as { id: string; at: number; record: string; property: string; value: string | null }
    return {
      type: 'property',
      eventId: e.id,
      recordId: e.record,
      property: e.property,
      value: e.value,
      at: e.at,
    }
  }

  quota() {
    return null
  }

  classifyError(error: unknown): CrmError {
    const message = (error as Error).message
    if ((error as { status?: number }).status === 401) return { kind: 'auth', code: 'unauthorized', message }
    return { kind: 'permanent', code: 'fake_error', message }
  }
}
