import { useCallback, useEffect, useReducer, useRef } from 'react'
import type { ApiFailure, ApiResult } from '../api/http'

export type MutationState =
  | { status: 'idle' | 'pending' | 'success' }
  | { status: 'error'; error: ApiFailure }

type MutationAction =
  | { type: 'start' }
  | { type: 'ok' }
  | { type: 'fail'; error: ApiFailure }
  | { type: 'reset' }

function mutationReducer(_state: MutationState, action: MutationAction): MutationState {
  switch (action.type) {
    case 'start':
      return { status: 'pending' }
    case 'ok':
      return { status: 'success' }
    case 'fail':
      return { status: 'error', error: action.error }
    case 'reset':
      return { status: 'idle' }
  }
}

/**
 * One write to the backend (send, takeover, tag) with its status. `run` resolves to the result,
 * or to null when a newer run started or the component unmounted meanwhile.
 */
export function useMutation<A extends unknown[], T>(
  call: (...args: A) => Promise<ApiResult<T>>,
  onSuccess: (data: T) => void,
) {
  const [state, dispatch] = useReducer(mutationReducer, { status: 'idle' })
  const generation = useRef(0)
  useEffect(
    () => () => {
      generation.current++
    },
    [],
  )

  const run = useCallback(
    async (...args: A): Promise<ApiResult<T> | null> => {
      const id = ++generation.current
      dispatch({ type: 'start' })
      const result = await call(...args)
      if (id !== generation.current) return null
      if (result.ok) {
        dispatch({ type: 'ok' })
        onSuccess(result.data)
      } else {
        dispatch({ type: 'fail', error: result.error })
      }
      return result
    },
    [call, onSuccess],
  )
  const reset = useCallback(() => dispatch({ type: 'reset' }), [])
  return { state, run, reset }
}
