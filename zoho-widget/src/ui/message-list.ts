import type { BackendApi } from '../api/backend-api'
import type { ApiFailure } from '../api/result'
import type { WidgetMessage } from '../api/schemas'
import type { Translator } from '../i18n/locale'
import { failureText } from '../model/failure-text'
import { h, replaceChildren } from './dom'
import { messageView } from './message-view'

/**
 * The thread, oldest first, with "load older" at the top while the backend has more; once it has
 * none, a note that messages before `archivedBefore` (a month) are in the archive.
 */
export class MessageList {
  readonly el = h('section', { class: 'wa-section wa-thread', testid: 'thread' })

  constructor(
    private readonly api: BackendApi,
    private readonly i18n: Translator,
    private readonly onLoadOlder: () => void,
  ) {}

  render(
    messages: WidgetMessage[],
    hasOlder: boolean,
    loadingOlder: boolean,
    olderError: ApiFailure | null,
    archivedBefore: string | null,
  ): void {
    const { t } = this.i18n
    replaceChildren(
      this.el,
      archivedBefore && !hasOlder
        ? h(
            'p',
            { class: 'wa-alert', testid: 'history-archived', attrs: { role: 'status' } },
            t('thread.archived', { month: archivedBefore }),
          )
        : null,
      hasOlder
        ? h(
            'button',
            {
              class: 'wa-link-button',
              testid: 'load-older',
              attrs: { type: 'button', disabled: loadingOlder },
              on: { click: this.onLoadOlder },
            },
            t('thread.loadOlder'),
          )
        : null,
      olderError
        ? h(
            'p',
            { class: 'wa-error-text', testid: 'older-error' },
            t('thread.olderError', { message: failureText(olderError, this.i18n) }),
          )
        : null,
      messages.length === 0
        ? h('p', { class: 'wa-muted' }, t('thread.noMessages'))
        : h(
            'ol',
            { class: 'wa-messages', testid: 'messages' },
            ...messages.map((m) => messageView(m, this.i18n, this.api)),
          ),
    )
  }
}
