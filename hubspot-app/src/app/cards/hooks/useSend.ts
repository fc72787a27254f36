import { useCallback, useRef } from 'react'
import type { BackendApi } from '../api/backend-api'
import type { CardMessage, SendContent } from '../api/schemas'
import { newIdempotencyKey } from '../utils/idempotency'
import { useMutation } from './useMutation'

/**
 * Sends one message for the contact. The same content sent again after a failure reuses its
 * idempotency key (a retry never sends twice); new content, or anything after a success, gets a
 * new one. Resolves to true when the message was queued.
 */
export function useSend(
  api: BackendApi,
  contactId: string,
  recordId: string,
  onSent: (message: CardMessage) => void,
) {
  const lastAttempt = useRef<{ content: string; key: string } | null>(null)
  const call = useCallback(
    (content: SendContent, key: string) => api.send(contactId, content, key),
    [api, contactId],
  )
  const onSuccess = useCallback(
    (accepted: { message: CardMessage }) => {
      lastAttempt.current = null
      onSent(accepted.message)
    },
    [onSent],
  )
  const { state, run, reset } = useMutation(call, onSuccess)

  const send = useCallback(
    async (content: SendContent): Promise<boolean> => {
      const serialized = JSON.stringify(content)
      if (lastAttempt.current?.content !== serialized) {
        lastAttempt.current = { content: serialized, key: newIdempotencyKey(recordId) }
      }
      const result = await run(content, lastAttempt.current.key)
      return result?.ok === true
    },
    [run, recordId],
  )
  return { state, send, reset }
}
