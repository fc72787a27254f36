import getQuickReplies from '@salesforce/apex/WaThreadController.getQuickReplies'
import previewQuickReply from '@salesforce/apex/WaThreadController.previewQuickReply'
import { t } from 'c/waLabels'
import { parseAnswer, readPreview, readQuickReplies, variablesOf } from 'c/waModel'
import { failureText, toFailure } from 'c/waText'
import { api, LightningElement } from 'lwc'

/** Variables the backend fills from the person or the CRM: no input for them. */
const FROM_CONTACT = new Set(['contact', 'crm', 'store'])
const PREVIEW_DELAY_MS = 300

/**
 * A saved reply previewed as the customer will read it. The backend personalises it (the same code
 * that sends it): {{first_name}} and the like come from the contact, the rest from inputs prefilled
 * with the reply's defaults. Fires `compose` with the quick_reply content.
 */
export default class WaQuickReplyPicker extends LightningElement {
  @api recordId
  @api contactId
  @api sending = false

  status = 'loading'
  replies = []
  error = null
  selectedKey = null
  typed = {}
  preview = null
  previewLoading = false
  previewError = null
  previewGeneration = 0
  previewTimer = null

  labels = {
    loading: t('quickReply.loading'),
    none: t('quickReply.none'),
    label: t('quickReply.label'),
    preview: t('quickReply.preview'),
    previewLoading: t('quickReply.previewLoading'),
    send: t('composer.send'),
    retry: t('card.error.retry'),
  }

  connectedCallback() {
    this.load()
  }

  disconnectedCallback() {
    clearTimeout(this.previewTimer)
    this.previewGeneration++
  }

  /** After a send went out: the same reply again, with its defaults. */
  @api
  reset() {
    if (this.selectedKey) this.select(this.selectedKey)
  }

  async load() {
    this.status = 'loading'
    try {
      this.replies = readQuickReplies(parseAnswer(await getQuickReplies()))
      this.status = 'ready'
    } catch (error) {
      this.error = toFailure(error)
      this.status = 'error'
    }
  }

  /** loading, error or none, for c-wa-load-state; 'ready' when there is a list to offer. */
  get loadStatus() {
    return this.status === 'ready' && this.replies.length === 0 ? 'none' : this.status
  }

  get isReady() {
    return this.status === 'ready' && this.replies.length > 0
  }

  get errorText() {
    return this.error ? t('quickReply.loadError', { message: failureText(this.error) }) : ''
  }

  get options() {
    return this.replies.map((reply) => ({ label: reply.title, value: reply.key }))
  }

  get reply() {
    return this.replies.find((r) => r.key === this.selectedKey) ?? null
  }

  /** Inputs for what the rep may set: every variable the backend did not take from the contact. */
  get inputs() {
    const reply = this.reply
    if (!reply || !this.preview) return []
    const fromContact = new Set(
      this.preview.variables.filter((v) => FROM_CONTACT.has(v.source)).map((v) => v.name),
    )
    return variablesOf(reply.body)
      .filter((name) => !fromContact.has(name))
      .map((name) => ({
        name,
        label: t('quickReply.variable', { name }),
        value: this.typed[name] ?? '',
      }))
  }

  get missingText() {
    const missing = this.preview?.missing ?? []
    return missing.length > 0 ? t('quickReply.missing', { names: missing.join(', ') }) : null
  }

  get previewErrorText() {
    return this.previewError
      ? t('quickReply.previewError', { message: failureText(this.previewError) })
      : null
  }

  get sendDisabled() {
    return (
      this.sending || this.previewLoading || !this.preview || this.preview.missing.length > 0 || !this.reply
    )
  }

  handleSelect(event) {
    this.select(event.detail.value)
  }

  select(key) {
    const reply = this.replies.find((r) => r.key === key) ?? null
    this.selectedKey = reply ? reply.key : null
    this.typed = reply ? { ...reply.defaults } : {}
    this.preview = null
    if (reply) this.requestPreview()
  }

  handleVariable(event) {
    this.typed = { ...this.typed, [event.target.dataset.name]: event.detail.value ?? '' }
    clearTimeout(this.previewTimer)
    // Typing would otherwise call the backend on every key.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.previewTimer = setTimeout(() => this.requestPreview(), PREVIEW_DELAY_MS)
  }

  /** Values typed by the rep (defaults included), blank ones left out. */
  givenVariables() {
    return Object.fromEntries(Object.entries(this.typed).filter(([, value]) => String(value).trim() !== ''))
  }

  async requestPreview() {
    const generation = ++this.previewGeneration
    this.previewLoading = true
    this.previewError = null
    try {
      const answer = await previewQuickReply({
        recordId: this.recordId,
        contactId: this.contactId,
        key: this.selectedKey,
        variables: this.givenVariables(),
      })
      if (generation !== this.previewGeneration) return
      this.preview = readPreview(parseAnswer(answer))
    } catch (error) {
      if (generation !== this.previewGeneration) return
      this.preview = null
      this.previewError = toFailure(error)
    } finally {
      if (generation === this.previewGeneration) this.previewLoading = false
    }
  }

  handleSend() {
    if (this.sendDisabled) return
    const names = new Set(this.inputs.map((input) => input.name))
    const variables = Object.fromEntries(
      Object.entries(this.givenVariables()).filter(([name]) => names.has(name)),
    )
    const content = { type: 'quick_reply', key: this.selectedKey }
    if (Object.keys(variables).length > 0) content.variables = variables
    this.dispatchEvent(new CustomEvent('compose', { detail: { content } }))
  }

  handleRetry() {
    this.load()
  }
}
