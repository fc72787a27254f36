import { Alert, Button, LoadingSpinner } from '@hubspot/ui-extensions'
import type { ResourceState } from '../hooks/useResource'
import { useI18n } from '../i18n/I18nContext'
import { failureText } from '../utils/failure-text'

interface ListLoadStateProps {
  state: Exclude<ResourceState<unknown>, { status: 'success' }>
  reload: () => void
  /** Prefix of the test ids: `templates-loading`, `templates-error`. */
  name: string
  loadingLabel: string
  /** The failure's title, given the reason in the reader's language. */
  errorTitle: (message: string) => string
}

/** A composer list (templates, quick replies) while it loads, or why it could not, with retry. */
export function ListLoadState({ state, reload, name, loadingLabel, errorTitle }: ListLoadStateProps) {
  const i18n = useI18n()
  if (state.status !== 'error')
    return <LoadingSpinner label={loadingLabel} showLabel size="sm" testId={`${name}-loading`} />
  return (
    <Alert title={errorTitle(failureText(state.error, i18n))} variant="error" testId={`${name}-error`}>
      <Button size="sm" onClick={reload}>
        {i18n.t('card.error.retry')}
      </Button>
    </Alert>
  )
}
