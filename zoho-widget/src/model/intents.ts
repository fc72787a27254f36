/**
 * The intents a rep can pick, in the backend's order. The widget is uploaded once and keeps
 * running, so it carries its own copy; `test/contract.test.ts` checks it against `@scrm/shared`.
 */
export const CORRECTABLE_INTENTS = [
  'order_status',
  'price_discount',
  'product_inquiry',
  'store_location',
  'complaint',
  'quote',
  'human_request',
  'purchase_intent',
  'other',
] as const
