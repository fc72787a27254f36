import { Flex, StatusTag, Text } from '@hubspot/ui-extensions'
import type { CardMessage } from '../api/schemas'
import { useI18n } from '../i18n/I18nContext'

type Variant = 'danger' | 'warning' | 'info' | 'success' | 'default'

const VARIANTS: Record<string, Variant> = {
  queued: 'default',
  retrying: 'warning',
  pending: 'default',
  sent: 'info',
  delivered: 'info',
  read: 'success',
  played: 'success',
  failed: 'danger',
}

/**
 * Delivery state of an outbound message. A message being retried says why it has not gone out; a
 * failure shows WhatsApp's reason and code when WhatsApp answered, else ours.
 */
export function MessageStatus({ message }: { message: CardMessage }) {
  const { t, maybeT } = useI18n()
  const label = maybeT(`status.${message.status}`) ?? message.status
  const error = message.error
  // Our reason in the rep's language; the backend's English explanation for a reason this card predates.
  const because = error?.reason ? (maybeT(`failure.${error.reason}`) ?? error.explanation ?? null) : null
  const headline = (): string | null => {
    if (message.status === 'retrying')
      return t('status.retryingBecause', { reason: because ?? error?.title ?? '?' })
    if (message.status !== 'failed' && !error) return null
    if (error?.title) return t('status.failedReason', { title: error.title, code: error.code ?? '?' })
    if (because) return t('status.failedBecause', { reason: because })
    return t('status.failedUnknown', { code: error?.code ?? '?' })
  }
  const line = headline()
  // When WhatsApp's own title is the headline, our reason (a token to renew ...) is worth a line too.
  const extra = because && error?.title && message.status !== 'retrying' ? because : null
  return (
    <Flex direction="column" gap="flush" testId={`status-${message.id}`}>
      <StatusTag variant={VARIANTS[message.status] ?? 'default'} testId={`status-tag-${message.id}`}>
        {label}
      </StatusTag>
      {line ? (
        <Text variant="microcopy" testId={`status-reason-${message.id}`}>
          {line}
        </Text>
      ) : null}
      {extra ? (
        <Text variant="microcopy" testId={`status-because-${message.id}`}>
          {extra}
        </Text>
      ) : null}
      {error?.details ? <Text variant="microcopy">{error.details}</Text> : null}
    </Flex>
  )
}
