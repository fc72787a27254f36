import type { BackendApi } from '../api/backend-api'
import type { WidgetMessage } from '../api/schemas'
import type { Translator } from '../i18n/locale'
import { h, link, safeHttpUrl } from './dom'
import { intentCorrection } from './intent-correction'

const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'document', 'sticker'])
const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

/** What a message says. Customer text is a text node: no markup, markdown or link detection. */
function body(message: WidgetMessage, i18n: Translator): HTMLElement {
  const { t, maybeT } = i18n
  if (message.deleted_at) {
    return h('p', { class: 'wa-deleted', testid: `deleted-${message.id}` }, t('message.deleted'))
  }
  if (message.media || MEDIA_TYPES.has(message.type)) {
    const kind = maybeT(`media.${message.type}`) ?? t('media.file')
    const filename = message.media?.filename
    const url = safeHttpUrl(message.media?.url)
    const isImage = (message.type === 'image' || message.type === 'sticker') && url
    return h(
      'div',
      { class: 'wa-media', testid: `media-${message.id}` },
      isImage
        ? h('img', { class: 'wa-media-preview', attrs: { src: url, alt: filename ?? kind, loading: 'lazy' } })
        : null,
      h(
        'p',
        { class: 'wa-media-label' },
        h('strong', {}, filename ? `${kind} · ${filename}` : kind),
        url ? ' ' : null,
        url ? link(url, t('media.open')) : null,
      ),
      message.text ? h('p', { class: 'wa-text', testid: `text-${message.id}` }, message.text) : null,
    )
  }
  if (message.type === 'location') {
    const { latitude, longitude } = message.content
    return h(
      'p',
      { class: 'wa-text' },
      `${t('message.location')}${message.text ? `: ${message.text}` : ''}`,
      finite(latitude) && finite(longitude) ? ' ' : null,
      finite(latitude) && finite(longitude)
        ? link(`https://www.google.com/maps?q=${latitude},${longitude}`, t('message.openMap'))
        : null,
    )
  }
  if (message.type === 'contacts') {
    return h('p', { class: 'wa-text' }, `${t('message.contacts')}${message.text ? `: ${message.text}` : ''}`)
  }
  if (message.text) return h('p', { class: 'wa-text', testid: `text-${message.id}` }, message.text)
  if (message.type === 'text') return h('p', { class: 'wa-muted' }, t('message.noText'))
  return h('p', { class: 'wa-muted' }, t('message.unsupported', { type: message.type }))
}

/** Delivery state of an outbound message, and why it has not gone out (retrying) or failed. */
function status(message: WidgetMessage, i18n: Translator): HTMLElement | null {
  if (message.direction !== 'outbound') return null
  const { t, maybeT } = i18n
  const error = message.error
  const because = error?.reason ? (maybeT(`failure.${error.reason}`) ?? error.explanation ?? null) : null
  let line: string | null = null
  if (message.status === 'retrying')
    line = t('status.retryingBecause', { reason: because ?? error?.title ?? '?' })
  else if (message.status === 'failed' || error) {
    if (error?.title) line = t('status.failedReason', { title: error.title, code: error.code ?? '?' })
    else if (because) line = t('status.failedBecause', { reason: because })
    else line = t('status.failedUnknown', { code: error?.code ?? '?' })
  }
  const extra = because && error?.title && message.status !== 'retrying' ? because : null
  return h(
    'div',
    { class: 'wa-status', testid: `status-${message.id}` },
    h(
      'span',
      { class: `wa-badge wa-status-${message.status}`, testid: `status-tag-${message.id}` },
      maybeT(`status.${message.status}`) ?? message.status,
    ),
    line ? h('p', { class: 'wa-small', testid: `status-reason-${message.id}` }, line) : null,
    extra ? h('p', { class: 'wa-small', testid: `status-because-${message.id}` }, extra) : null,
    error?.details ? h('p', { class: 'wa-small' }, error.details) : null,
  )
}

function marks(message: WidgetMessage, i18n: Translator): HTMLElement[] {
  const out: HTMLElement[] = []
  if (message.edited_at && !message.deleted_at) {
    out.push(
      h(
        'p',
        { class: 'wa-small' },
        h('span', { class: 'wa-badge', testid: `edited-${message.id}` }, i18n.t('message.edited')),
        ` ${i18n.formatDateTime(message.edited_at)}`,
      ),
    )
    if (message.original_text)
      out.push(
        h(
          'p',
          { class: 'wa-small wa-original', testid: `original-${message.id}` },
          i18n.t('message.original', { text: message.original_text }),
        ),
      )
  }
  const reactions = message.reactions.map((r) => r.emoji).join(' ')
  if (reactions)
    out.push(
      h(
        'p',
        { class: 'wa-small', testid: `reactions-${message.id}` },
        i18n.t('message.reactions', { list: reactions }),
      ),
    )
  return out
}

/** One message: who sent it and when, its body, edits, reactions, delivery state and (customer's) intent. */
export function messageView(message: WidgetMessage, i18n: Translator, api: BackendApi): HTMLElement {
  return h(
    'li',
    { class: `wa-message wa-${message.direction}`, testid: `message-${message.id}` },
    h(
      'p',
      { class: 'wa-meta' },
      `${i18n.maybeT(`sender.${message.sender}`) ?? message.sender} · ${i18n.formatDateTime(message.sent_at)}`,
    ),
    body(message, i18n),
    ...marks(message, i18n),
    status(message, i18n),
    intentCorrection(message, api, i18n),
  )
}
