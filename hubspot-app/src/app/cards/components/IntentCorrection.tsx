import { Flex, Select, StatusTag, Text } from '@hubspot/ui-extensions'
import { useCallback } from 'react'
import type { BackendApi } from '../api/backend-api'
import type { CardMessage } from '../api/schemas'
import { useMutation } from '../hooks/useMutation'
import { useI18n } from '../i18n/I18nContext'
import { failureText } from '../utils/failure-text'

/** The intents a rep can pick, in the backend's order. */
export const CARD_INTENTS = [
  'order_status',
  'price_discount',
  'product_inquiry',
  'store_location',
  'complaint',
  'quote',
  'human_request',
  'purchase_intent',
  'other',
] as const

interface IntentCorrectionProps {
  api: BackendApi
  message: CardMessage
  onCorrected: (messageId: string, value: string) => void
}

/**
 * What a customer message asks for, stated as a fact or, when the model is unsure, as a
 * suggestion; one pick in the list tells the backend what it really is (the workspace's model
 * learns from it at its next retrain).
 */
export function IntentCorrection({ api, message, onCorrected }: IntentCorrectionProps) {
  const i18n = useI18n()
  const save = useCallback((value: string) => api.correctIntent(message.id, value), [api, message.id])
  const done = useCallback((value: string) => onCorrected(message.id, value), [onCorrected, message.id])
  const { state, run } = useMutation(save, done)
  const intent = message.intent
  if (!intent) return null
  const label = i18n.maybeT(`value.${intent.value}`) ?? intent.value
  return (
    <Flex direction="row" gap="xs" align="center" wrap>
      <StatusTag variant={intent.suggestion ? 'warning' : 'info'} testId={`intent-${message.id}`}>
        {intent.suggestion ? i18n.t('intent.suggested', { intent: label }) : label}
      </StatusTag>
      <Select
        label=""
        name={`intent-${message.id}`}
        placeholder={i18n.t('intent.correct')}
        options={CARD_INTENTS.filter((v) => v !== intent.value).map((v) => ({
          label: i18n.maybeT(`value.${v}`) ?? v,
          value: v,
        }))}
        readOnly={state.status === 'pending'}
        onChange={(value) => {
          if (value) void run(String(value))
        }}
        testId={`intent-correct-${message.id}`}
      />
      {state.status === 'error' ? (
        <Text variant="microcopy" testId={`intent-error-${message.id}`}>
          {i18n.t('intent.error', { message: failureText(state.error, i18n) })}
        </Text>
      ) : null}
    </Flex>
  )
}
