import { Alert, Text } from '@hubspot/ui-extensions'
import type { MutationState } from '../hooks/useMutation'
import { useI18n } from '../i18n/I18nContext'
import { failureText, isRefusal, refusalText } from '../utils/failure-text'

/** Why the last send did not go out: a refusal explained in plain language, or the error. */
export function SendFeedback({ state }: { state: MutationState }) {
  const i18n = useI18n()
  if (state.status !== 'error') return null
  if (isRefusal(state.error)) {
    return (
      <Alert title={i18n.t('send.refusedTitle')} variant="warning" testId="send-refused">
        <Text testId="send-refused-reason">{refusalText(state.error, i18n)}</Text>
      </Alert>
    )
  }
  return (
    <Alert title={i18n.t('send.errorTitle')} variant="error" testId="send-error">
      <Text>{failureText(state.error, i18n)}</Text>
    </Alert>
  )
}
