import { Alert, Button, Flex, Input, StatusTag, Text } from '@hubspot/ui-extensions'
import { useCallback, useState } from 'react'
import type { BackendApi } from '../api/backend-api'
import type { CardTag } from '../api/schemas'
import { useMutation } from '../hooks/useMutation'
import { useI18n } from '../i18n/I18nContext'
import { failureText } from '../utils/failure-text'
import { tagKeyOf } from '../utils/tag-key'

interface TagEditorProps {
  api: BackendApi
  contactId: string
  tags: CardTag[]
  onChange: (tags: CardTag[]) => void
}

/** The backend keeps labels up to 80 characters. */
const TAG_LABEL_MAX = 80

type TagEdit = { op: 'add'; key: string; label: string } | { op: 'remove'; key: string }

/** The contact's tags as chips, with add and remove. */
export function TagEditor({ api, contactId, tags, onChange }: TagEditorProps) {
  const i18n = useI18n()
  const [label, setLabel] = useState('')
  const call = useCallback(
    (edit: TagEdit) =>
      edit.op === 'add' ? api.addTag(contactId, edit.key, edit.label) : api.removeTag(contactId, edit.key),
    [api, contactId],
  )
  const { state, run } = useMutation(call, onChange)
  const pending = state.status === 'pending'

  const trimmed = label.trim()
  const tooLong = trimmed.length > TAG_LABEL_MAX
  const add = async () => {
    if (!trimmed || tooLong) return
    const result = await run({ op: 'add', key: tagKeyOf(trimmed), label: trimmed })
    if (result?.ok) setLabel('')
  }

  const errorText =
    state.status !== 'error'
      ? null
      : state.error.status === 404 || state.error.status === 405
        ? i18n.t('tags.unavailable')
        : i18n.t('tags.error', { message: failureText(state.error, i18n) })

  return (
    <Flex direction="column" gap="xs" testId="tags">
      <Text format={{ fontWeight: 'demibold' }}>{i18n.t('tags.title')}</Text>
      <Flex direction="row" gap="xs" wrap>
        {tags.length === 0 ? <Text variant="microcopy">{i18n.t('tags.none')}</Text> : null}
        {tags.map((tag) => (
          <StatusTag
            key={tag.key}
            variant={tag.source === 'manual' ? 'default' : 'info'}
            showRemoveIcon={!pending}
            onRemoveClick={() => void run({ op: 'remove', key: tag.key })}
            testId={`tag-${tag.key}`}
          >
            {tag.label}
          </StatusTag>
        ))}
      </Flex>
      <Flex direction="row" gap="xs" align="end">
        <Input
          label={i18n.t('tags.input')}
          name="new-tag"
          value={label}
          onChange={setLabel}
          onInput={setLabel}
          error={tooLong}
          validationMessage={tooLong ? i18n.t('tags.tooLong', { max: TAG_LABEL_MAX }) : undefined}
          testId="tag-input"
        />
        <Button
          size="sm"
          onClick={() => void add()}
          disabled={pending || !trimmed || tooLong}
          testId="tag-add"
        >
          {i18n.t('tags.add')}
        </Button>
      </Flex>
      {errorText ? <Alert title={errorText} variant="warning" testId="tags-error" /> : null}
    </Flex>
  )
}
