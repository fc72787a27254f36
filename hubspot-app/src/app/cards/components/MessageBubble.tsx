import { Flex, Text, Tile } from '@hubspot/ui-extensions'
import type { BackendApi } from '../api/backend-api'
import type { CardMessage } from '../api/schemas'
import { useI18n } from '../i18n/I18nContext'
import { IntentCorrection } from './IntentCorrection'
import { MessageBody } from './MessageBody'
import { MessageMarks } from './MessageMarks'
import { MessageStatus } from './MessageStatus'

/** One message: customer on the left, our side on the right, with who, when and delivery state. */
export function MessageBubble({
  message,
  api,
  onIntentCorrected,
}: {
  message: CardMessage
  api: BackendApi
  onIntentCorrected: (messageId: string, value: string) => void
}) {
  const i18n = useI18n()
  const outbound = message.direction === 'outbound'
  const sender = i18n.maybeT(`sender.${message.sender}`) ?? message.sender
  return (
    <Flex direction="row" justify={outbound ? 'end' : 'start'} testId={`message-${message.id}`}>
      <Tile compact>
        <Flex direction="column" gap="xs">
          <Text variant="microcopy">{`${sender} · ${i18n.formatDateTime(message.sent_at)}`}</Text>
          <MessageBody message={message} />
          <MessageMarks message={message} />
          {outbound ? <MessageStatus message={message} /> : null}
          {!outbound && message.intent ? (
            <IntentCorrection api={api} message={message} onCorrected={onIntentCorrected} />
          ) : null}
        </Flex>
      </Tile>
    </Flex>
  )
}
