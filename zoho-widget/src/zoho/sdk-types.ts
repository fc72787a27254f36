/**
 * @fileoverview The part of Zoho's embedded-app SDK (`ZohoEmbededAppSDK.min.js`, loaded from Zoho's
 * CDN at a pinned version) the widget uses. No typings package exists for it, so the shapes are
 * written down here from the SDK's protocol (shared/reference/zoho.md §1.5–1.6) and read loosely:
 * every answer is `unknown` until the adapter has checked it.
 */

/** What `PageLoad` hands a record-page widget; a button on a list view sends several ids. */
export interface PageLoadData {
  Entity?: unknown
  EntityId?: unknown
  ButtonPosition?: unknown
}

/**
 * `ZOHO.CRM.CONNECTION.invoke`'s request. Zoho runs it server-side with the connection's credential
 * added; `param_type` 1 sends `parameters` as form fields / query, 2 as the JSON request body.
 */
export interface ConnectionInvokeRequest {
  url: string
  method: 'GET' | 'POST' | 'DELETE'
  param_type: 1 | 2
  parameters: Record<string, unknown>
  headers: Record<string, string>
}

export interface ZohoSdk {
  embeddedApp: {
    on(event: 'PageLoad', handler: (data: PageLoadData) => void): void
    init(): Promise<unknown>
  }
  CRM: {
    API: {
      getRecord(config: { Entity: string; RecordID: string }): Promise<unknown>
    }
    CONNECTION: {
      invoke(connectionName: string, request: ConnectionInvokeRequest): Promise<unknown>
    }
    CONFIG?: {
      getCurrentUser(): Promise<unknown>
    }
    UI?: {
      Resize(size: { height: number; width?: number }): Promise<unknown>
    }
  }
}

declare global {
  interface Window {
    ZOHO?: ZohoSdk
  }
}
