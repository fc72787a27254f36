/**
 * Plays Zoho's embedded-app SDK (`ZOHO` global) for the built widget in the demo: PageLoad names
 * the record given in the frame's URL, `getRecord` reads it from the simulated Zoho org, and
 * `CONNECTION.invoke` goes to the demo process, which does what Zoho's servers do (adds the org's
 * card key, calls the backend, wraps the answer). The widget itself is unchanged.
 */
import type { ZohoSdk } from '../../../zoho-widget/src/zoho/sdk-types'

const params = new URLSearchParams(location.search)
const handlers: ((data: { Entity?: unknown; EntityId?: unknown }) => void)[] = []
const post = async (path: string, body: unknown) => {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const answer = await res.json()
  if (!res.ok) throw answer
  return answer
}
const locale = navigator.language.replace('-', '_')

const sdk: ZohoSdk = {
  embeddedApp: {
    on: (_event, handler) => {
      handlers.push(handler)
    },
    init: async () => {
      setTimeout(() => {
        for (const h of handlers) h({ Entity: params.get('entity'), EntityId: [params.get('id')] })
      }, 0)
    },
  },
  CRM: {
    API: { getRecord: (config) => post('/zoho/record', config) },
    CONNECTION: { invoke: (connection, request) => post('/zoho/connection', { connection, ...request }) },
    CONFIG: {
      getCurrentUser: async () => ({ users: [{ locale, language: locale.slice(0, 2), time_zone: 'UTC' }] }),
    },
    UI: { Resize: async () => true },
  },
}
window.ZOHO = sdk
