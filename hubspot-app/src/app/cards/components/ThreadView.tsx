import { Alert, Divider, Flex } from '@hubspot/ui-extensions'
import type { BackendApi } from '../api/backend-api'
import type { ApiFailure } from '../api/http'
import type { CardContact, CardMessage, CardThread } from '../api/schemas'
import { useNow } from '../hooks/useNow'
import type { UseThread } from '../hooks/useThread'
import { useI18n } from '../i18n/I18nContext'
import { isWindowOpen } from '../utils/window'
import { Composer } from './Composer'
import { ContactHeader } from './ContactHeader'
import { DuplicateHint } from './DuplicateHint'
import { InsightList } from './InsightList'
import { MessageList } from './MessageList'
import { TagEditor } from './TagEditor'
import { TakeoverToggle } from './TakeoverToggle'
import { WindowStatus } from './WindowStatus'

interface ThreadViewProps {
  api: BackendApi
  recordId: string
  thread: CardThread & { contact: CardContact }
  loadingOlder: boolean
  olderError: ApiFailure | null
  controls: Pick<UseThread, 'reload' | 'loadOlder' | 'setTags' | 'setTakeover' | 'setMessageIntent'>
  onSent: (message: CardMessage) => void
}

/** The whole card once the thread is loaded and the record has a WhatsApp contact. */
export function ThreadView({
  api,
  recordId,
  thread,
  loadingOlder,
  olderError,
  controls,
  onSent,
}: ThreadViewProps) {
  const { t } = useI18n()
  const now = useNow()
  const { contact } = thread
  return (
    <Flex direction="column" gap="md">
      <ContactHeader contact={contact} onRefresh={controls.reload} />
      <Flex direction="row" gap="md" align="center" wrap>
        <WindowStatus serviceWindow={thread.window} now={now} />
        <TakeoverToggle api={api} contact={contact} now={now} onChange={controls.setTakeover} />
      </Flex>
      {contact.opt_in === 'opted_out' ? (
        <Alert title={t('contact.optedOut')} variant="warning" testId="opted-out" />
      ) : contact.marketing_opt_out ? (
        <Alert title={t('contact.marketingOptedOut')} variant="info" testId="marketing-opted-out" />
      ) : null}
      <DuplicateHint duplicates={thread.duplicates} identityChanges={thread.identity_changes} />
      <InsightList contact={contact} />
      <TagEditor api={api} contactId={contact.id} tags={thread.tags} onChange={controls.setTags} />
      <Divider />
      {thread.archived_before && thread.next_cursor === null ? (
        <Alert
          title={t('thread.archived', { month: thread.archived_before })}
          variant="info"
          testId="history-archived"
        />
      ) : null}
      <MessageList
        messages={thread.messages}
        hasOlder={thread.next_cursor !== null}
        loadingOlder={loadingOlder}
        olderError={olderError}
        onLoadOlder={controls.loadOlder}
        api={api}
        onIntentCorrected={controls.setMessageIntent}
      />
      <Divider />
      <Composer
        api={api}
        contact={contact}
        recordId={recordId}
        windowOpen={isWindowOpen(thread.window, now)}
        onSent={onSent}
      />
    </Flex>
  )
}
