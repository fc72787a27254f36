import { LoadingSpinner } from '@hubspot/ui-extensions'
import { useI18n } from '../i18n/I18nContext'

export function LoadingView() {
  const { t } = useI18n()
  return <LoadingSpinner label={t('card.loading')} showLabel layout="centered" testId="thread-loading" />
}
