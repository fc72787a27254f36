import { Alert, Flex, Text, Toggle } from '@hubspot/ui-extensions'
import { useCallback } from 'react'
import type { BackendApi } from '../api/backend-api'
import type { CardContact } from '../api/schemas'
import { useMutation } from '../hooks/useMutation'
import { useI18n } from '../i18n/I18nContext'
import { failureText } from '../utils/failure-text'
import { isFuture } from '../utils/window'

interface TakeoverToggleProps {
  api: BackendApi
  contact: CardContact
  now: number
  onChange: (pausedUntil: string | null) => void
}

/** A person takes the conversation over: automation pauses for this contact for 12 h. */
export function TakeoverToggle({ api, contact, now, onChange }: TakeoverToggleProps) {
  const i18n = useI18n()
  const call = useCallback((on: boolean) => api.setTakeover(contact.id, on), [api, contact.id])
  const { state, run } = useMutation(call, onChange)
  const pausedUntil = contact.automation_paused_until ?? null
  const paused = isFuture(pausedUntil, now)
  return (
    <Flex direction="column" gap="xs">
      <Toggle
        label={i18n.t('takeover.label')}
        labelDisplay="inline"
        checked={paused}
        readOnly={state.status === 'pending'}
        onChange={(on) => void run(on)}
        testId="takeover-toggle"
      />
      <Text variant="microcopy" testId="takeover-state">
        {paused && pausedUntil
          ? i18n.t('takeover.on', { time: i18n.formatDateTime(pausedUntil) })
          : i18n.t('takeover.off')}
      </Text>
      {state.status === 'error' ? (
        <Alert
          title={i18n.t('takeover.error', { message: failureText(state.error, i18n) })}
          variant="error"
        />
      ) : null}
    </Flex>
  )
}
