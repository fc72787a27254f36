import type { CrmContext } from '@hubspot/ui-extensions'
import { useMemo } from 'react'
import { type BackendApi, createBackendApi } from '../api/backend-api'
import { type CardConfigResult, validateConfig } from '../config/backend'
import { I18nProvider } from '../i18n/I18nContext'
import { createTranslator } from '../i18n/locale'
import { ConfigError } from './ConfigError'
import { type CardActions, ThreadContainer } from './ThreadContainer'

export interface ThreadCardProps {
  context: Pick<CrmContext, 'crm' | 'portal' | 'user'>
  actions: CardActions
  /** Injected by tests; defaults to the validated build-time configuration. */
  config?: CardConfigResult
  /** Injected by tests; defaults to the backend at the configured URL. */
  api?: BackendApi
}

/** The WhatsApp card on a contact record: labels in the user's language, then the thread. */
export function ThreadCard({ context, actions, config, api }: ThreadCardProps) {
  const { user, portal, crm } = context
  const translator = useMemo(
    () => createTranslator({ locale: user.locale, language: user.language, timeZone: portal.timezone }),
    [user.locale, user.language, portal.timezone],
  )
  const checked = useMemo(() => config ?? validateConfig(), [config])
  const portalId = String(portal.id)
  const backend = useMemo(
    () =>
      api ??
      (checked.success ? createBackendApi(checked.data.backendUrl, portalId, user.email || undefined) : null),
    [api, checked, portalId, user.email],
  )
  return (
    <I18nProvider translator={translator}>
      {checked.success && backend ? (
        <ThreadContainer api={backend} recordId={String(crm.objectId)} actions={actions} />
      ) : (
        <ConfigError messages={checked.success ? [] : checked.errorMessages} />
      )}
    </I18nProvider>
  )
}
