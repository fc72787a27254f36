import sendMessage from '@salesforce/apex/WaThreadController.sendMessage'
import { t } from 'c/waLabels'
import { MESSAGE_MAX, newIdempotencyKey, parseAnswer, readMessage } from 'c/waModel'
import { failureText, isRefusal, refusalText, toFailure } from 'c/waText'
import { ShowToastEvent } from 'lightning/platformShowToastEvent'
import { api, LightningElement } from 'lwc'

const MODES = ['text', 'quick_reply', 'template']

/**
 * Reply box. While the 24-hour window is open: free text, a quick reply or a template; once it has
 * closed, only approved templates (WhatsApp refuses anything else). The same draft sent again after
 * a failure reuses its idempotency key, so a retry never sends twice.
 */
export default class WaComposer extends LightningElement {
  @api recordId
  @api contact
  @api windowOpen = false

  mode = 'text'
  text = ''
  sending = false
  failure = null
  lastAttempt = null

  labels = {
    title: t('composer.title'),
    mode: t('composer.mode'),
    textLabel: t('composer.text.label'),
    placeholder: t('composer.text.placeholder'),
    send: t('composer.send'),
    closed: t('window.closed'),
    closedHint: t('window.closedHint'),
    refusedTitle: t('send.refusedTitle'),
    errorTitle: t('send.errorTitle'),
  }

  messageMax = MESSAGE_MAX

  get modeOptions() {
    return MODES.map((value) => ({ value, label: t(`composer.mode.${value}`) }))
  }

  get effectiveMode() {
    return this.windowOpen ? this.mode : 'template'
  }

  get isText() {
    return this.effectiveMode === 'text'
  }

  get isQuickReply() {
    return this.effectiveMode === 'quick_reply'
  }

  get isTemplate() {
    return this.effectiveMode === 'template'
  }

  get sendTextDisabled() {
    return this.sending || !this.text.trim()
  }

  get refused() {
    return this.failure !== null && isRefusal(this.failure)
  }

  get feedbackText() {
    if (!this.failure) return null
    return this.refused ? refusalText(this.failure) : failureText(this.failure)
  }

  get feedbackTitle() {
    return this.refused ? this.labels.refusedTitle : this.labels.errorTitle
  }

  get feedbackClass() {
    return `slds-scoped-notification slds-m-top_x-small ${this.refused ? 'slds-theme_warning' : 'slds-theme_error'}`
  }

  get feedbackId() {
    return this.refused ? 'send-refused' : 'send-error'
  }

  handleMode(event) {
    this.mode = event.detail.value
    this.failure = null
  }

  handleText(event) {
    this.text = event.detail.value ?? ''
  }

  async handleSendText() {
    if (this.sendTextDisabled) return
    if (await this.send({ type: 'text', text: this.text })) this.text = ''
  }

  /** A picker built the content; it is told to clear itself only once the message was queued. */
  async handleCompose(event) {
    const picker = event.target
    if (await this.send(event.detail.content)) picker.reset()
  }

  async send(content) {
    if (this.sending) return false
    const serialized = JSON.stringify(content)
    if (this.lastAttempt?.content !== serialized) {
      this.lastAttempt = { content: serialized, key: newIdempotencyKey(this.recordId) }
    }
    this.sending = true
    this.failure = null
    try {
      const answer = parseAnswer(
        await sendMessage({
          recordId: this.recordId,
          contactId: this.contact.id,
          content: serialized,
          idempotencyKey: this.lastAttempt.key,
        }),
      )
      const message = readMessage(answer.message)
      this.lastAttempt = null
      this.dispatchEvent(new CustomEvent('sent', { detail: { message } }))
      this.dispatchEvent(new ShowToastEvent({ title: t('send.queued'), message: '', variant: 'success' }))
      return true
    } catch (error) {
      this.failure = toFailure(error)
      return false
    } finally {
      this.sending = false
    }
  }
}
