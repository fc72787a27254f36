import { Flex, Input, LoadingButton, Select, Text } from '@hubspot/ui-extensions'
import { useCallback, useState } from 'react'
import type { BackendApi } from '../api/backend-api'
import type { CardContact, CardQuickReply } from '../api/schemas'
import { useResource } from '../hooks/useResource'
import { useI18n } from '../i18n/I18nContext'
import { contactVariables, renderQuickReply, variablesOf } from '../utils/quick-reply'
import { ListLoadState } from './ListLoadState'
import type { ComposerPartProps } from './TextComposer'

interface QuickReplyComposerProps extends ComposerPartProps {
  api: BackendApi
  contact: CardContact
}

/**
 * A saved reply, previewed as the customer will read it: {{first_name}} / {{name}} / {{phone}}
 * come from the contact, other variables from inputs prefilled with the reply's defaults.
 */
export function QuickReplyComposer({ api, contact, sending, onSend }: QuickReplyComposerProps) {
  const i18n = useI18n()
  const load = useCallback(() => api.getQuickReplies(), [api])
  const { state, reload } = useResource(load, true)
  const [selected, setSelected] = useState<CardQuickReply | null>(null)
  const [typed, setTyped] = useState<Record<string, string>>({})

  if (state.status !== 'success')
    return (
      <ListLoadState
        state={state}
        reload={reload}
        name="quick-replies"
        loadingLabel={i18n.t('quickReply.loading')}
        errorTitle={(message) => i18n.t('quickReply.loadError', { message })}
      />
    )

  if (state.data.length === 0) return <Text testId="quick-replies-none">{i18n.t('quickReply.none')}</Text>

  const fromContact = contactVariables(contact)
  const inputs = selected ? variablesOf(selected.body).filter((name) => !(name in fromContact)) : []
  const preview = selected ? renderQuickReply(selected.body, typed, fromContact, selected.defaults) : null

  const select = (key: string) => {
    const reply = state.data.find((r) => r.key === key) ?? null
    setSelected(reply)
    setTyped(reply ? { ...reply.defaults } : {})
  }
  const submit = async () => {
    if (!selected || !preview || preview.missing.length > 0) return
    const variables = Object.fromEntries(
      inputs.filter((name) => typed[name]?.trim()).map((name) => [name, typed[name] as string]),
    )
    const sent = await onSend({
      type: 'quick_reply',
      key: selected.key,
      ...(Object.keys(variables).length > 0 ? { variables } : {}),
    })
    if (sent) select(selected.key)
  }

  return (
    <Flex direction="column" gap="xs">
      <Select
        label={i18n.t('quickReply.label')}
        name="quick-reply"
        options={state.data.map((reply) => ({ label: reply.title, value: reply.key }))}
        value={selected?.key}
        onChange={(value) => select(String(value))}
        testId="quick-reply-select"
      />
      {inputs.map((name) => (
        <Input
          key={name}
          label={name}
          name={`quick-reply-var-${name}`}
          value={typed[name] ?? ''}
          onChange={(value) => setTyped((prev) => ({ ...prev, [name]: value }))}
          onInput={(value) => setTyped((prev) => ({ ...prev, [name]: value }))}
          testId={`quick-reply-var-${name}`}
        />
      ))}
      {preview ? (
        <Flex direction="column" gap="flush">
          <Text variant="microcopy">{i18n.t('quickReply.preview')}</Text>
          <Text testId="quick-reply-preview">{preview.text}</Text>
          {preview.missing.length > 0 ? (
            <Text variant="microcopy" testId="quick-reply-missing">
              {i18n.t('quickReply.missing', { names: preview.missing.join(', ') })}
            </Text>
          ) : null}
        </Flex>
      ) : null}
      <Flex direction="row" justify="end">
        <LoadingButton
          variant="primary"
          loading={sending}
          disabled={sending || !preview || preview.missing.length > 0}
          onClick={() => void submit()}
          testId="quick-reply-send"
        >
          {i18n.t('composer.send')}
        </LoadingButton>
      </Flex>
    </Flex>
  )
}
