import { Alert, Flex, LoadingButton, Text } from '@hubspot/ui-extensions'
import type { BackendApi } from '../api/backend-api'
import type { ApiFailure } from '../api/http'
import type { CardMessage } from '../api/schemas'
import { useI18n } from '../i18n/I18nContext'
import { failureText } from '../utils/failure-text'
import { MessageBubble } from './MessageBubble'

interface MessageListProps {
  messages: CardMessage[]
  hasOlder: boolean
  loadingOlder: boolean
  olderError: ApiFailure | null
  onLoadOlder: () => void
  api: BackendApi
  onIntentCorrected: (messageId: string, value: string) => void
}

/** The thread, oldest first, with "load older messages" on top while the backend has more. */
export function MessageList({
  messages,
  hasOlder,
  loadingOlder,
  olderError,
  onLoadOlder,
  api,
  onIntentCorrected,
}: MessageListProps) {
  const i18n = useI18n()
  return (
    <Flex direction="column" gap="sm" testId="messages">
      {hasOlder ? (
        <Flex direction="row" justify="center">
          <LoadingButton
            size="sm"
            variant="secondary"
            loading={loadingOlder}
            onClick={onLoadOlder}
            testId="load-older"
          >
            {i18n.t('thread.loadOlder')}
          </LoadingButton>
        </Flex>
      ) : null}
      {olderError ? (
        <Alert
          title={i18n.t('thread.olderError', { message: failureText(olderError, i18n) })}
          variant="warning"
          testId="older-error"
        />
      ) : null}
      {messages.length === 0 ? <Text variant="microcopy">{i18n.t('thread.noMessages')}</Text> : null}
      {messages.map((message) => (
        <MessageBubble key={message.id} message={message} api={api} onIntentCorrected={onIntentCorrected} />
      ))}
    </Flex>
  )
}
