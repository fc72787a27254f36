import { Flex, LoadingButton, TextArea } from '@hubspot/ui-extensions'
import { useState } from 'react'
import type { SendContent } from '../api/schemas'
import { useI18n } from '../i18n/I18nContext'

interface ComposerPartProps {
  sending: boolean
  onSend: (content: SendContent) => Promise<boolean>
}

/** Free text, offered only while the 24-hour window is open. */
export function TextComposer({ sending, onSend }: ComposerPartProps) {
  const { t } = useI18n()
  const [text, setText] = useState('')
  const submit = async () => {
    if (!text.trim()) return
    if (await onSend({ type: 'text', text })) setText('')
  }
  return (
    <Flex direction="column" gap="xs">
      <TextArea
        label={t('composer.text.label')}
        name="whatsapp-reply"
        placeholder={t('composer.text.placeholder')}
        value={text}
        onChange={setText}
        onInput={setText}
        rows={3}
        maxLength={4096}
        resize="vertical"
        testId="composer-text"
      />
      <Flex direction="row" justify="end">
        <LoadingButton
          variant="primary"
          loading={sending}
          disabled={sending || !text.trim()}
          onClick={() => void submit()}
          testId="composer-send"
        >
          {t('composer.send')}
        </LoadingButton>
      </Flex>
    </Flex>
  )
}

export type { ComposerPartProps }
