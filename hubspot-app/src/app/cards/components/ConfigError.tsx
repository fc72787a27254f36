import { ErrorState, Text } from '@hubspot/ui-extensions'
import { useI18n } from '../i18n/I18nContext'

/** Shown instead of the card when the build carries no usable backend URL. */
export function ConfigError({ messages }: { messages: string[] }) {
  const { t } = useI18n()
  return (
    <ErrorState title={t('card.config.title')} type="support" testId="config-error">
      <Text>{t('card.config.body')}</Text>
      {messages.map((message) => (
        <Text key={message} variant="microcopy">
          {message}
        </Text>
      ))}
    </ErrorState>
  )
}
