import { useCallback, useEffect, useReducer, useRef } from 'react'
import type { BackendApi } from '../api/backend-api'
import type { CardMessage, CardTag } from '../api/schemas'
import { type ThreadState, threadReducer } from './thread-reducer'

export interface UseThreadOptions {
  api: BackendApi
  recordId: string
  /** Reads the record's phone once, before the first load; null when it has none. */
  getPhone: () => Promise<string | null>
}

export interface UseThread {
  state: ThreadState
  reload: () => void
  loadOlder: () => void
  addMessage: (message: CardMessage) => void
  setTags: (tags: CardTag[]) => void
  setTakeover: (until: string | null) => void
  setMessageIntent: (messageId: string, value: string) => void
}

/**
 * The thread of the record the card is on: first page on mount, `reload` for retry and refresh,
 * `loadOlder` for the next page by cursor. Each load gets a number; an answer that arrives after a
 * newer load started (or after unmount) is dropped, so a slow old answer never replaces a new one.
 */
export function useThread({ api, recordId, getPhone }: UseThreadOptions): UseThread {
  const [state, dispatch] = useReducer(threadReducer, { status: 'loading' })
  const generation = useRef(0)
  const phone = useRef<string | null | undefined>(undefined)
  const olderInFlight = useRef(false)
  const stateRef = useRef(state)
  stateRef.current = state

  const reload = useCallback(() => {
    const id = ++generation.current
    olderInFlight.current = false
    dispatch({ type: 'load' })
    void (async () => {
      if (phone.current === undefined) phone.current = await getPhone().catch(() => null)
      const result = await api.getThread({ recordId, phone: phone.current })
      if (id !== generation.current) return
      dispatch(result.ok ? { type: 'loaded', thread: result.data } : { type: 'failed', error: result.error })
    })()
  }, [api, recordId, getPhone])

  const loadOlder = useCallback(() => {
    const current = stateRef.current
    if (current.status !== 'success' || !current.thread.next_cursor || olderInFlight.current) return
    const id = generation.current
    const cursor = current.thread.next_cursor
    olderInFlight.current = true
    dispatch({ type: 'older_load' })
    void (async () => {
      const result = await api.getThread({ recordId, phone: phone.current }, cursor)
      if (id !== generation.current) return
      olderInFlight.current = false
      dispatch(
        result.ok
          ? { type: 'older_loaded', page: result.data }
          : { type: 'older_failed', error: result.error },
      )
    })()
  }, [api, recordId])

  useEffect(() => {
    reload()
    return () => {
      generation.current++
    }
  }, [reload])

  return {
    state,
    reload,
    loadOlder,
    addMessage: useCallback((message) => dispatch({ type: 'message_added', message }), []),
    setTags: useCallback((tags) => dispatch({ type: 'tags_set', tags }), []),
    setTakeover: useCallback((until) => dispatch({ type: 'takeover_set', until }), []),
    setMessageIntent: useCallback(
      (messageId, value) => dispatch({ type: 'intent_corrected', messageId, value }),
      [],
    ),
  }
}
