import type { ApiFailure } from '../api/http'
import type { CardMessage, CardTag, CardThread } from '../api/schemas'

export type ThreadState =
  | { status: 'loading' }
  | { status: 'error'; error: ApiFailure }
  | { status: 'success'; thread: CardThread; loadingOlder: boolean; olderError: ApiFailure | null }

export type ThreadAction =
  | { type: 'load' }
  | { type: 'loaded'; thread: CardThread }
  | { type: 'failed'; error: ApiFailure }
  | { type: 'older_load' }
  | { type: 'older_loaded'; page: CardThread }
  | { type: 'older_failed'; error: ApiFailure }
  | { type: 'message_added'; message: CardMessage }
  | { type: 'tags_set'; tags: CardTag[] }
  | { type: 'takeover_set'; until: string | null }
  | { type: 'intent_corrected'; messageId: string; value: string }

/** Older page first, then what is shown; a message present in both is kept once. */
function mergeOlder(older: CardMessage[], shown: CardMessage[]): CardMessage[] {
  const seen = new Set(shown.map((m) => m.id))
  return [...older.filter((m) => !seen.has(m.id)), ...shown]
}

export function threadReducer(state: ThreadState, action: ThreadAction): ThreadState {
  switch (action.type) {
    case 'load':
      return { status: 'loading' }
    case 'loaded':
      return { status: 'success', thread: action.thread, loadingOlder: false, olderError: null }
    case 'failed':
      return { status: 'error', error: action.error }
  }
  if (state.status !== 'success') return state
  const { thread } = state
  switch (action.type) {
    case 'older_load':
      return { ...state, loadingOlder: true, olderError: null }
    case 'older_loaded':
      return {
        ...state,
        loadingOlder: false,
        thread: {
          ...thread,
          messages: mergeOlder(action.page.messages, thread.messages),
          next_cursor: action.page.next_cursor,
        },
      }
    case 'older_failed':
      return { ...state, loadingOlder: false, olderError: action.error }
    case 'message_added':
      if (thread.messages.some((m) => m.id === action.message.id)) return state
      return { ...state, thread: { ...thread, messages: [...thread.messages, action.message] } }
    case 'tags_set':
      return { ...state, thread: { ...thread, tags: action.tags } }
    case 'intent_corrected':
      // A rep's answer is a fact: full confidence, no longer a suggestion.
      return {
        ...state,
        thread: {
          ...thread,
          messages: thread.messages.map((m) =>
            m.id === action.messageId
              ? { ...m, intent: { value: action.value, confidence: 1, suggestion: false } }
              : m,
          ),
        },
      }
    case 'takeover_set':
      if (!thread.contact) return state
      return {
        ...state,
        thread: { ...thread, contact: { ...thread.contact, automation_paused_until: action.until } },
      }
  }
}
