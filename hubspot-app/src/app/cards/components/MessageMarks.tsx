import { Flex, Tag, Text } from '@hubspot/ui-extensions'
import type { CardMessage } from '../api/schemas'
import { useI18n } from '../i18n/I18nContext'

/** Marks an edited message (with the original text when known) and lists its reactions. */
export function MessageMarks({ message }: { message: CardMessage }) {
  const i18n = useI18n()
  const edited = Boolean(message.edited_at) && !message.deleted_at
  const reactions = message.reactions.map((r) => r.emoji).join(' ')
  if (!edited && !reactions) return null
  return (
    <Flex direction="column" gap="flush">
      {edited ? (
        <Flex direction="row" gap="xs" align="center">
          <Tag variant="info" testId={`edited-${message.id}`}>
            {i18n.t('message.edited')}
          </Tag>
          {message.edited_at ? (
            <Text variant="microcopy">{i18n.formatDateTime(message.edited_at)}</Text>
          ) : null}
        </Flex>
      ) : null}
      {edited && message.original_text ? (
        <Text variant="microcopy" format={{ italic: true }} testId={`original-${message.id}`}>
          {i18n.t('message.original', { text: message.original_text })}
        </Text>
      ) : null}
      {reactions ? (
        <Text variant="microcopy" testId={`reactions-${message.id}`}>
          {i18n.t('message.reactions', { list: reactions })}
        </Text>
      ) : null}
    </Flex>
  )
}
