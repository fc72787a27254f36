import { Flex, StatusTag, Text } from '@hubspot/ui-extensions'
import type { CardMessage } from '../api/schemas'
import { useI18n } from '../i18n/I18nContext'

type Variant = 'danger' | 'warning' | 'info' | 'success' | 'default'

const VARIANTS: Record<string, Variant> = {
  queued: 'default',
  pending: 'default',
  sent: 'info',
  delivered: 'info',
  read: 'success',
  played: 'success',
  failed: 'danger',
}

/** Delivery state of an outbound message; a failure shows WhatsApp's reason and code. */
export function MessageStatus({ message }: { message: CardMessage }) {
  const { t, maybeT } = useI18n()
  const label = maybeT(`status.${message.status}`) ?? message.status
  const error = message.error
  return (
    <Flex direction="column" gap="flush" testId={`status-${message.id}`}>
      <StatusTag variant={VARIANTS[message.status] ?? 'default'} testId={`status-tag-${message.id}`}>
        {label}
      </StatusTag>
      {message.status === 'failed' || error ? (
        <Text variant="microcopy" testId={`status-reason-${message.id}`}>
          {error?.title
            ? t('status.failedReason', { title: error.title, code: error.code })
            : t('status.failedUnknown', { code: error?.code ?? '?' })}
        </Text>
      ) : null}
      {error?.details ? <Text variant="microcopy">{error.details}</Text> : null}
    </Flex>
  )
}
