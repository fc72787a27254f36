import { Flex, Input, LoadingButton, Select, Text } from '@hubspot/ui-extensions'
import { useCallback, useState } from 'react'
import type { BackendApi } from '../api/backend-api'
import { useResource } from '../hooks/useResource'
import { useI18n } from '../i18n/I18nContext'
import { isSendable, renderTemplate, templateContent, templateVariables } from '../utils/template'
import { ListLoadState } from './ListLoadState'
import type { ComposerPartProps } from './TextComposer'

/** An approved template with an input for each body variable and a preview. */
export function TemplateComposer({ api, sending, onSend }: ComposerPartProps & { api: BackendApi }) {
  const i18n = useI18n()
  const load = useCallback(() => api.getTemplates(), [api])
  const { state, reload } = useResource(load, true)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [values, setValues] = useState<Record<string, string>>({})

  if (state.status !== 'success')
    return (
      <ListLoadState
        state={state}
        reload={reload}
        name="templates"
        loadingLabel={i18n.t('template.loading')}
        errorTitle={(message) => i18n.t('template.loadError', { message })}
      />
    )

  const templates = state.data.filter(isSendable)
  if (templates.length === 0) return <Text testId="templates-none">{i18n.t('template.none')}</Text>

  const template = templates.find((tpl) => tpl.id === selectedId) ?? null
  const variables = template ? templateVariables(template) : []
  const missing = variables.filter((name) => !values[name]?.trim())
  const preview = template ? renderTemplate(template, values) : null

  const submit = async () => {
    if (!template || missing.length > 0) return
    if (await onSend(templateContent(template, values))) setValues({})
  }

  return (
    <Flex direction="column" gap="xs">
      <Select
        label={i18n.t('template.label')}
        name="template"
        options={templates.map((tpl) => ({ label: `${tpl.name} (${tpl.language})`, value: tpl.id }))}
        value={selectedId ?? undefined}
        onChange={(value) => {
          setSelectedId(String(value))
          setValues({})
        }}
        testId="template-select"
      />
      {variables.map((name) => (
        <Input
          key={name}
          label={i18n.t('template.variable', { name: `{{${name}}}` })}
          name={`template-var-${name}`}
          value={values[name] ?? ''}
          onChange={(value) => setValues((prev) => ({ ...prev, [name]: value }))}
          onInput={(value) => setValues((prev) => ({ ...prev, [name]: value }))}
          required
          testId={`template-var-${name}`}
        />
      ))}
      {preview !== null ? (
        <Flex direction="column" gap="flush">
          <Text variant="microcopy">{i18n.t('template.preview')}</Text>
          <Text testId="template-preview">{preview}</Text>
        </Flex>
      ) : null}
      <Flex direction="row" justify="end">
        <LoadingButton
          variant="primary"
          loading={sending}
          disabled={sending || !template || missing.length > 0}
          onClick={() => void submit()}
          testId="template-send"
        >
          {i18n.t('composer.send')}
        </LoadingButton>
      </Flex>
    </Flex>
  )
}
