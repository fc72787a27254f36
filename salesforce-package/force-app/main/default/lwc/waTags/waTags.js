import addTag from '@salesforce/apex/WaThreadController.addTag'
import removeTag from '@salesforce/apex/WaThreadController.removeTag'
import { t } from 'c/waLabels'
import { parseAnswer, readTags, TAG_LABEL_MAX, tagKeyOf } from 'c/waModel'
import { failureText, toFailure } from 'c/waText'
import { api, LightningElement } from 'lwc'

/** The contact's tags as pills, with add and remove; the new list goes up in a `tagschange` event. */
export default class WaTags extends LightningElement {
  @api recordId
  @api contactId
  @api tags = []

  label = ''
  pending = false
  error = null

  labels = {
    title: t('tags.title'),
    none: t('tags.none'),
    input: t('tags.input'),
    add: t('tags.add'),
    remove: t('tags.remove'),
  }

  get items() {
    return this.tags.map((tag) => ({
      key: tag.key,
      label: tag.label,
      removeLabel: `${this.labels.remove}: ${tag.label}`,
    }))
  }

  get hasTags() {
    return this.tags.length > 0
  }

  get trimmed() {
    return this.label.trim()
  }

  get tooLong() {
    return this.trimmed.length > TAG_LABEL_MAX
  }

  get tooLongMessage() {
    return t('tags.tooLong', { max: TAG_LABEL_MAX })
  }

  get addDisabled() {
    return this.pending || !this.trimmed || this.tooLong
  }

  get errorText() {
    if (!this.error) return null
    return this.error.status === 404 || this.error.status === 405
      ? t('tags.unavailable')
      : t('tags.error', { message: failureText(this.error) })
  }

  handleInput(event) {
    this.label = event.detail.value ?? ''
  }

  handleKeyUp(event) {
    if (event.key === 'Enter') this.handleAdd()
  }

  async handleAdd() {
    if (this.addDisabled) return
    const label = this.trimmed
    if (
      await this.run(() =>
        addTag({ recordId: this.recordId, contactId: this.contactId, key: tagKeyOf(label), label }),
      )
    ) {
      this.label = ''
    }
  }

  handleRemove(event) {
    if (this.pending) return
    const key = event.target.dataset.key
    this.run(() => removeTag({ recordId: this.recordId, contactId: this.contactId, key }))
  }

  async run(call) {
    this.pending = true
    this.error = null
    try {
      const tags = readTags(parseAnswer(await call()))
      this.dispatchEvent(new CustomEvent('tagschange', { detail: { tags } }))
      return true
    } catch (error) {
      this.error = toFailure(error)
      return false
    } finally {
      this.pending = false
    }
  }
}
