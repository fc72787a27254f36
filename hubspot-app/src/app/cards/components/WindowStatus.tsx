import { StatusTag } from '@hubspot/ui-extensions'
import type { CardThread } from '../api/schemas'
import { useI18n } from '../i18n/I18nContext'
import { isWindowOpen, timeLeft } from '../utils/window'

/** The 24-hour customer-service window and the time left in it. */
export function WindowStatus({ serviceWindow, now }: { serviceWindow: CardThread['window']; now: number }) {
  const { t } = useI18n()
  if (!isWindowOpen(serviceWindow, now)) {
    return (
      <StatusTag variant="warning" testId="window-status">
        {t('window.closed')}
      </StatusTag>
    )
  }
  const left = timeLeft(serviceWindow.open_until, now)
  const label = left
    ? left.h > 0
      ? t('time.hoursMinutes', { h: left.h, m: left.m })
      : t('time.minutes', { m: left.m })
    : '24 h'
  return (
    <StatusTag variant="success" testId="window-status">
      {t('window.open', { left: label })}
    </StatusTag>
  )
}
