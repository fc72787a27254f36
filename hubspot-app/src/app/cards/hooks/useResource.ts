import { useCallback, useEffect, useReducer, useRef } from 'react'
import type { ApiFailure, ApiResult } from '../api/http'

export type ResourceState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'success'; data: T }
  | { status: 'error'; error: ApiFailure }

type ResourceAction<T> = { type: 'load' } | { type: 'done'; result: ApiResult<T> }

function resourceReducer<T>(_state: ResourceState<T>, action: ResourceAction<T>): ResourceState<T> {
  if (action.type === 'load') return { status: 'loading' }
  return action.result.ok
    ? { status: 'success', data: action.result.data }
    : { status: 'error', error: action.result.error }
}

/**
 * A list the composer needs (templates, quick replies), loaded the first time `enabled` is true
 * and kept afterwards; `reload` asks again. Stale answers are dropped as in `useThread`.
 */
export function useResource<T>(
  load: () => Promise<ApiResult<T>>,
  enabled: boolean,
): { state: ResourceState<T>; reload: () => void } {
  const [state, dispatch] = useReducer(resourceReducer<T>, { status: 'idle' })
  const generation = useRef(0)

  const reload = useCallback(() => {
    const id = ++generation.current
    dispatch({ type: 'load' })
    void load().then((result) => {
      if (id === generation.current) dispatch({ type: 'done', result })
    })
  }, [load])

  const wanted = enabled && state.status === 'idle'
  useEffect(() => {
    if (wanted) reload()
  }, [wanted, reload])
  useEffect(
    () => () => {
      generation.current++
    },
    [],
  )

  return { state, reload }
}
