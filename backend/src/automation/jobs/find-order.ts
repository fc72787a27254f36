import type { Database } from '../../db/client'
import type { Contact, ContactAttributes } from '../../db/schema'
import { lookUpOrder, type Order } from './order-lookup-client'
import { loadOrderLookupConfig } from './order-lookup-settings'

/**
 * The contact fields (kept from the CRM by the sync, or set through the API) that describe the
 * latest order. Documented in the README; a CRM field mapping writes them.
 */
export const ORDER_ATTRIBUTES = {
  id: 'last_order_id',
  status: 'last_order_status',
  eta: 'last_order_eta',
  trackingUrl: 'last_order_tracking_url',
} as const

export type OrderSource = 'crm_fields' | 'order_service' | 'none'

export interface FoundOrder {
  order: Order | null
  source: OrderSource
}

/**
 * The contact's latest order: from the CRM fields when they name one (id and status), else from
 * the workspace's order service when one is configured. Network I/O: never call it inside a
 * transaction.
 */
export async function findLatestOrder(
  db: Database,
  contact: Contact,
  encryptionKey: Buffer,
  now: Date,
): Promise<FoundOrder> {
  const fromFields = orderFromAttributes(contact.attributes)
  if (fromFields) return { order: fromFields, source: 'crm_fields' }
  const config = await loadOrderLookupConfig(db, contact.workspaceId, encryptionKey)
  if (!config) return { order: null, source: 'none' }
  return { order: await lookUpOrder(config, contact, now), source: 'order_service' }
}

export function orderFromAttributes(attributes: ContactAttributes): Order | null {
  const read = (name: string) => {
    const value = attributes[name]
    if (value === null || value === undefined || typeof value === 'boolean') return null
    const text = String(value).trim()
    return text === '' ? null : text
  }
  const id = read(ORDER_ATTRIBUTES.id)
  const status = read(ORDER_ATTRIBUTES.status)
  if (!id || !status) return null
  const tracking = read(ORDER_ATTRIBUTES.trackingUrl)
  return {
    id,
    status,
    eta: read(ORDER_ATTRIBUTES.eta),
    // A link we put in a customer's chat must be a web link, whatever a CRM field holds.
    trackingUrl: tracking && /^https?:\/\//i.test(tracking) ? tracking : null,
  }
}

/** The quick reply's variables; an unknown ETA or link is left out so the reply's default fills it. */
export function orderVariables(order: Order): Record<string, string> {
  const vars: Record<string, string> = { order_id: order.id, order_status: order.status }
  if (order.eta) vars.order_eta = order.eta
  if (order.trackingUrl) vars.tracking_url = order.trackingUrl
  return vars
}
