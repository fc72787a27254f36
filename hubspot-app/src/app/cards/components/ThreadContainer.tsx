import type { CrmHostActions } from '@hubspot/ui-extensions'
import { useCallback } from 'react'
import type { BackendApi } from '../api/backend-api'
import type { CardMessage } from '../api/schemas'
import { useThread } from '../hooks/useThread'
import { useI18n } from '../i18n/I18nContext'
import { EmptyThread } from './EmptyThread'
import { ErrorView } from './ErrorView'
import { LoadingView } from './LoadingView'
import { ThreadView } from './ThreadView'

export type CardActions = Pick<CrmHostActions, 'addAlert' | 'fetchCrmObjectProperties'>

interface ThreadContainerProps {
  api: BackendApi
  recordId: string
  actions: CardActions
}

/** Loads the record's thread and picks the state to show: loading, error, empty or the thread. */
export function ThreadContainer({ api, recordId, actions }: ThreadContainerProps) {
  const { t } = useI18n()
  const { fetchCrmObjectProperties, addAlert } = actions
  const getPhone = useCallback(async () => {
    const props = await fetchCrmObjectProperties(['mobilephone', 'phone'])
    return props?.mobilephone?.trim() || props?.phone?.trim() || null
  }, [fetchCrmObjectProperties])
  const thread = useThread({ api, recordId, getPhone })
  const { addMessage } = thread
  const onSent = useCallback(
    (message: CardMessage) => {
      addMessage(message)
      addAlert({ type: 'success', message: t('send.queued') })
    },
    [addMessage, addAlert, t],
  )

  const { state } = thread
  if (state.status === 'loading') return <LoadingView />
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={thread.reload} />
  const { contact } = state.thread
  if (!contact) return <EmptyThread onRefresh={thread.reload} />
  return (
    <ThreadView
      api={api}
      recordId={recordId}
      thread={{ ...state.thread, contact }}
      loadingOlder={state.loadingOlder}
      olderError={state.olderError}
      controls={thread}
      onSent={onSent}
    />
  )
}
