import { Button, EmptyState, Text } from '@hubspot/ui-extensions'
import { useI18n } from '../i18n/I18nContext'

/** The record has no WhatsApp contact behind it: nothing to show and no one to write to yet. */
export function EmptyThread({ onRefresh }: { onRefresh: () => void }) {
  const { t } = useI18n()
  return (
    <EmptyState title={t('card.empty.title')} imageName="social" layout="vertical" testId="thread-empty">
      <Text>{t('card.empty.body')}</Text>
      <Button onClick={onRefresh} testId="thread-refresh">
        {t('card.refresh')}
      </Button>
    </EmptyState>
  )
}
