import { Alert, Flex, Heading, Select } from '@hubspot/ui-extensions'
import { useState } from 'react'
import type { BackendApi } from '../api/backend-api'
import type { CardContact, CardMessage } from '../api/schemas'
import { useSend } from '../hooks/useSend'
import { useI18n } from '../i18n/I18nContext'
import { QuickReplyComposer } from './QuickReplyComposer'
import { SendFeedback } from './SendFeedback'
import { TemplateComposer } from './TemplateComposer'
import { TextComposer } from './TextComposer'

type Mode = 'text' | 'quick_reply' | 'template'

interface ComposerProps {
  api: BackendApi
  contact: CardContact
  recordId: string
  windowOpen: boolean
  onSent: (message: CardMessage) => void
}

/**
 * Reply box. While the 24-hour window is open: free text, a quick reply or a template; once it has
 * closed, only approved templates (WhatsApp refuses anything else).
 */
export function Composer({ api, contact, recordId, windowOpen, onSent }: ComposerProps) {
  const { t } = useI18n()
  const [mode, setMode] = useState<Mode>('text')
  const { state, send } = useSend(api, contact.id, recordId, onSent)
  const effective: Mode = windowOpen ? mode : 'template'
  const sending = state.status === 'pending'
  const modes: Mode[] = ['text', 'quick_reply', 'template']

  return (
    <Flex direction="column" gap="sm" testId="composer">
      <Heading>{t('composer.title')}</Heading>
      {windowOpen ? (
        <Select
          label={t('composer.mode')}
          name="composer-mode"
          options={modes.map((value) => ({ value, label: t(`composer.mode.${value}`) }))}
          value={mode}
          onChange={(value) => setMode(value as Mode)}
          testId="composer-mode"
        />
      ) : (
        <Alert title={t('window.closed')} variant="info" testId="window-closed-hint">
          {t('window.closedHint')}
        </Alert>
      )}
      {effective === 'text' ? <TextComposer sending={sending} onSend={send} /> : null}
      {effective === 'quick_reply' ? (
        <QuickReplyComposer api={api} contact={contact} sending={sending} onSend={send} />
      ) : null}
      {effective === 'template' ? <TemplateComposer api={api} sending={sending} onSend={send} /> : null}
      <SendFeedback state={state} />
    </Flex>
  )
}
