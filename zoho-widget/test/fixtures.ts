/**
 * @fileoverview Backend answers for the widget's tests, built with the `@scrm/shared` schemas the
 * backend answers with: when the contract changes these stop parsing (or the widget stops reading
 * them). Times are relative to now, so countdowns read the same whenever the tests run.
 */
import {
  type ContactView,
  contactViewSchema,
  type TagView,
  type ThreadMessage,
  type ThreadView,
  tagViewSchema,
  threadMessageSchema,
  threadViewSchema,
} from '@scrm/shared'
import type { ApiResult } from '../src/api/result'
import type { BackendRequest } from '../src/zoho/adapter'

export const HOUR = 3_600_000
export const CONTACT_ID = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f'
export const isoIn = (ms: number): string => new Date(Date.now() + ms).toISOString()

export function contact(overrides: Partial<ContactView> = {}): ContactView {
  return contactViewSchema.parse({
    id: CONTACT_ID,
    phone: '+5511999990000',
    bsuid: null,
    name: 'Maria Silva',
    profile_name: 'Maria',
    email: null,
    opt_in: 'opted_in',
    marketing_opt_out: false,
    last_inbound_at: isoIn(-HOUR),
    last_outbound_at: null,
    ...overrides,
  })
}

let nextId = 1
export function message(overrides: Partial<ThreadMessage> = {}): ThreadMessage {
  const id = `m${nextId++}`
  return threadMessageSchema.parse({
    id,
    wamid: `wamid.${id}`,
    direction: 'inbound',
    type: 'text',
    text: `message ${id}`,
    content: {},
    media: null,
    status: 'received',
    status_at: null,
    error: null,
    sender: 'customer',
    sent_at: isoIn(-2 * HOUR),
    reply_to: null,
    edited_at: null,
    original_text: null,
    deleted_at: null,
    reactions: [],
    ...overrides,
  })
}

export function tag(key: string, label = key): TagView {
  return tagViewSchema.parse({ id: `t-${key}`, key, label, source: 'manual', added_at: isoIn(-HOUR) })
}

export function thread(overrides: Partial<ThreadView> = {}): ThreadView {
  return threadViewSchema.parse({
    contact: contact(),
    tags: [],
    window: { state: 'open', open_until: isoIn(23 * HOUR - 60_000) },
    messages: [message()],
    next_cursor: null,
    ...overrides,
  })
}

export const ok = <T>(data: T): ApiResult<T> => ({ ok: true, data })
export const envelope = (code: string, message: string, reason?: string): ApiResult<unknown> => ({
  ok: false,
  error: { kind: 'http', status: null, code, reason: reason ?? null, message, requestId: null },
})

type Route = (request: BackendRequest) => ApiResult<unknown> | Promise<ApiResult<unknown>>

/** A backend for the widget: answers by `METHOD path` (404 envelope otherwise) and records every call. */
export function fakeBackend(routes: Record<string, Route>) {
  const calls: BackendRequest[] = []
  const call = async (request: BackendRequest): Promise<ApiResult<unknown>> => {
    calls.push(request)
    const route = routes[`${request.method} ${request.path}`]
    if (!route) return envelope('not_found', `no route ${request.method} ${request.path}`)
    return route(request)
  }
  return { call, calls, routes }
}
