import { Button, ErrorState, Text } from '@hubspot/ui-extensions'
import type { ApiFailure } from '../api/http'
import { useI18n } from '../i18n/I18nContext'
import { failureText } from '../utils/failure-text'

export function ErrorView({ error, onRetry }: { error: ApiFailure; onRetry: () => void }) {
  const i18n = useI18n()
  return (
    <ErrorState title={i18n.t('card.error.title')} testId="thread-error">
      <Text>{failureText(error, i18n)}</Text>
      {error.requestId ? (
        <Text variant="microcopy">{i18n.t('card.error.requestId', { id: error.requestId })}</Text>
      ) : null}
      <Button onClick={onRetry} testId="thread-retry">
        {i18n.t('card.error.retry')}
      </Button>
    </ErrorState>
  )
}
