import { maybeT, t } from 'c/waLabels'
import { isHttpsUrl } from 'c/waModel'
import { formatDateTime } from 'c/waText'
import { api, LightningElement } from 'lwc'

const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'document', 'sticker'])

const STATUS_THEMES = {
  queued: '',
  pending: '',
  sent: 'slds-badge_lightest',
  delivered: 'slds-badge_lightest',
  read: 'slds-theme_success',
  played: 'slds-theme_success',
  failed: 'slds-theme_error',
}

const finite = (value) => typeof value === 'number' && Number.isFinite(value)

/**
 * One message: the customer's on the left, ours on the right, with who, when, what it says, its
 * marks (edited, reactions) and, for ours, the delivery state with WhatsApp's reason on failure.
 * Every piece of customer text is bound as text: never as markup, and no link detection.
 */
export default class WaMessage extends LightningElement {
  @api message
  /** The Contact or Lead the thread is on: the controller checks the rep can see it before a correction. */
  @api recordId

  get outbound() {
    return this.message.direction === 'outbound'
  }

  get rowClass() {
    return this.outbound ? 'wa-row wa-row_outbound' : 'wa-row wa-row_inbound'
  }

  get bubbleClass() {
    const failed = this.message.status === 'failed' ? ' wa-bubble_failed' : ''
    return `wa-bubble slds-box slds-box_x-small ${this.outbound ? 'wa-bubble_outbound' : 'wa-bubble_inbound'}${failed}`
  }

  get meta() {
    const sender = maybeT(`sender.${this.message.sender}`) ?? this.message.sender
    return `${sender} · ${formatDateTime(this.message.sent_at)}`
  }

  get isDeleted() {
    return Boolean(this.message.deleted_at)
  }

  get deletedText() {
    return t('message.deleted')
  }

  get isMedia() {
    return !this.isDeleted && (Boolean(this.message.media) || MEDIA_TYPES.has(this.message.type))
  }

  get mediaLabel() {
    const kind = maybeT(`media.${this.message.type}`) ?? t('media.file')
    const filename = this.message.media?.filename
    return filename ? `${kind} · ${filename}` : kind
  }

  get mediaUrl() {
    const url = this.message.media?.url
    return isHttpsUrl(url) ? url : null
  }

  get isLocation() {
    return !this.isDeleted && !this.isMedia && this.message.type === 'location'
  }

  get locationText() {
    return this.message.text ? `${t('message.location')}: ${this.message.text}` : t('message.location')
  }

  get mapUrl() {
    const { latitude, longitude } = this.message.content ?? {}
    return finite(latitude) && finite(longitude)
      ? `https://www.google.com/maps?q=${latitude},${longitude}`
      : null
  }

  get isContacts() {
    return !this.isDeleted && !this.isMedia && this.message.type === 'contacts'
  }

  get contactsText() {
    return this.message.text ? `${t('message.contacts')}: ${this.message.text}` : t('message.contacts')
  }

  get isPlain() {
    return !this.isDeleted && !this.isMedia && !this.isLocation && !this.isContacts
  }

  get hasText() {
    return this.message.text !== null && this.message.text !== ''
  }

  get placeholderText() {
    return this.message.type === 'text'
      ? t('message.noText')
      : t('message.unsupported', { type: this.message.type })
  }

  get edited() {
    return Boolean(this.message.edited_at) && !this.isDeleted
  }

  get editedLabel() {
    return `${t('message.edited')} · ${formatDateTime(this.message.edited_at)}`
  }

  get originalText() {
    return this.edited && this.message.original_text
      ? t('message.original', { text: this.message.original_text })
      : null
  }

  get reactionsText() {
    const list = this.message.reactions.map((r) => r.emoji).join(' ')
    return list ? t('message.reactions', { list }) : null
  }

  get statusLabel() {
    return maybeT(`status.${this.message.status}`) ?? this.message.status
  }

  get statusClass() {
    return `slds-badge ${STATUS_THEMES[this.message.status] ?? ''}`.trim()
  }

  get failed() {
    return this.outbound && (this.message.status === 'failed' || Boolean(this.message.error))
  }

  get failureReason() {
    const error = this.message.error
    return error?.title
      ? t('status.failedReason', { title: error.title, code: error.code ?? '?' })
      : t('status.failedUnknown', { code: error?.code ?? '?' })
  }

  get failureDetails() {
    return this.message.error?.details ?? null
  }

  get openLabel() {
    return t('media.open')
  }

  get openMapLabel() {
    return t('message.openMap')
  }

  get showIntent() {
    return !this.outbound && Boolean(this.message.intent)
  }

  /** The correction's event does not cross this component's shadow; the thread listens here. */
  handleIntentCorrected(event) {
    this.dispatchEvent(new CustomEvent('intentcorrected', { detail: event.detail }))
  }
}
