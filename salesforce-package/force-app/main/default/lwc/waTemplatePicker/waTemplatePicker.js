import getTemplates from '@salesforce/apex/WaThreadController.getTemplates'
import { t } from 'c/waLabels'
import {
  isSendable,
  parseAnswer,
  readTemplates,
  renderTemplate,
  templateContent,
  templateVariables,
} from 'c/waModel'
import { failureText, toFailure } from 'c/waText'
import { api, LightningElement } from 'lwc'

/** An approved template with an input for each body variable and a preview; fires `compose`. */
export default class WaTemplatePicker extends LightningElement {
  @api sending = false

  status = 'loading'
  templates = []
  error = null
  selectedId = null
  values = {}

  labels = {
    loading: t('template.loading'),
    none: t('template.none'),
    label: t('template.label'),
    preview: t('template.preview'),
    send: t('composer.send'),
    retry: t('card.error.retry'),
  }

  connectedCallback() {
    this.load()
  }

  /** Clears the variables after a send went out. */
  @api
  reset() {
    this.values = {}
  }

  async load() {
    this.status = 'loading'
    try {
      this.templates = readTemplates(parseAnswer(await getTemplates())).filter(isSendable)
      this.status = 'ready'
    } catch (error) {
      this.error = toFailure(error)
      this.status = 'error'
    }
  }

  /** loading, error or none, for c-wa-load-state; 'ready' when there is a list to offer. */
  get loadStatus() {
    return this.status === 'ready' && this.templates.length === 0 ? 'none' : this.status
  }

  get isReady() {
    return this.status === 'ready' && this.templates.length > 0
  }

  get errorText() {
    return this.error ? t('template.loadError', { message: failureText(this.error) }) : ''
  }

  get options() {
    return this.templates.map((tpl) => ({ label: `${tpl.name} (${tpl.language})`, value: tpl.id }))
  }

  get template() {
    return this.templates.find((tpl) => tpl.id === this.selectedId) ?? null
  }

  get variables() {
    const template = this.template
    if (!template) return []
    return templateVariables(template).map((name) => ({
      name,
      label: t('template.variable', { name: `{{${name}}}` }),
      value: this.values[name] ?? '',
    }))
  }

  get missing() {
    return this.variables.filter((v) => !v.value.trim())
  }

  get preview() {
    return this.template ? renderTemplate(this.template, this.values) : null
  }

  get hasPreview() {
    return this.preview !== null
  }

  get sendDisabled() {
    return this.sending || !this.template || this.missing.length > 0
  }

  handleSelect(event) {
    this.selectedId = event.detail.value
    this.values = {}
  }

  handleVariable(event) {
    this.values = { ...this.values, [event.target.dataset.name]: event.detail.value ?? '' }
  }

  handleSend() {
    if (this.sendDisabled) return
    this.dispatchEvent(
      new CustomEvent('compose', { detail: { content: templateContent(this.template, this.values) } }),
    )
  }

  handleRetry() {
    this.load()
  }
}
