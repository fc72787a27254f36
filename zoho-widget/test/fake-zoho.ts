import type { ConnectionInvokeRequest, PageLoadData, ZohoSdk } from '../src/zoho/sdk-types'

/**
 * A stand-in for the `ZOHO` global with the SDK's call shapes: it records what the widget asked
 * and lets a test fire PageLoad and decide each answer (including never answering).
 */
export interface FakeZoho extends ZohoSdk {
  pageLoad(data: PageLoadData): void
  /** PageLoad handlers registered so far, and whether init() had been called at that time. */
  registrations: { beforeInit: boolean }[]
  invocations: { connection: string; request: ConnectionInvokeRequest }[]
  answerInvoke: (request: ConnectionInvokeRequest) => Promise<unknown>
  answerGetRecord: (config: { Entity: string; RecordID: string }) => Promise<unknown>
  answerInit: () => Promise<unknown>
  answerUser: () => Promise<unknown>
  resizes: number[]
}

export const never = <T>(): Promise<T> => new Promise<T>(() => {})

export function createFakeZoho(): FakeZoho {
  const handlers: ((data: PageLoadData) => void)[] = []
  let initCalled = false
  const fake: FakeZoho = {
    registrations: [],
    invocations: [],
    resizes: [],
    answerInvoke: async () => ({ code: 'SUCCESS', details: { statusMessage: {} } }),
    answerGetRecord: async () => ({ data: [{ id: '1', Mobile: null, Phone: null }] }),
    answerInit: async () => undefined,
    answerUser: async () => ({ users: [{ locale: 'en_US', language: 'en', time_zone: 'UTC' }] }),
    pageLoad: (data) => {
      for (const handler of handlers) handler(data)
    },
    embeddedApp: {
      on: (_event, handler) => {
        fake.registrations.push({ beforeInit: !initCalled })
        handlers.push(handler)
      },
      init: () => {
        initCalled = true
        return fake.answerInit()
      },
    },
    CRM: {
      API: { getRecord: (config) => fake.answerGetRecord(config) },
      CONNECTION: {
        invoke: (connection, request) => {
          fake.invocations.push({ connection, request })
          return fake.answerInvoke(request)
        },
      },
      CONFIG: { getCurrentUser: () => fake.answerUser() },
      UI: {
        Resize: async ({ height }) => {
          fake.resizes.push(height)
          return true
        },
      },
    },
  }
  return fake
}
