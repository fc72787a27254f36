import setTakeover from '@salesforce/apex/WaThreadController.setTakeover'
import { t } from 'c/waLabels'
import { isFuture, parseAnswer } from 'c/waModel'
import { failureText, formatDateTime, toFailure } from 'c/waText'
import { api, LightningElement } from 'lwc'

/** A person takes the conversation over: automation pauses for this contact for 12 h. */
export default class WaTakeover extends LightningElement {
  @api recordId
  @api contactId
  @api pausedUntil
  @api now

  pending = false
  error = null

  get label() {
    return t('takeover.label')
  }

  get paused() {
    return isFuture(this.pausedUntil, this.now ?? Date.now())
  }

  get stateText() {
    return this.paused ? t('takeover.on', { time: formatDateTime(this.pausedUntil) }) : t('takeover.off')
  }

  get errorText() {
    return this.error ? t('takeover.error', { message: failureText(this.error) }) : null
  }

  async handleToggle(event) {
    const toggle = event.target
    const takeOver = event.detail.checked === true
    this.pending = true
    this.error = null
    try {
      const answer = parseAnswer(
        await setTakeover({ recordId: this.recordId, contactId: this.contactId, takeOver }),
      )
      const pausedUntil =
        typeof answer?.automation_paused_until === 'string' ? answer.automation_paused_until : null
      this.dispatchEvent(new CustomEvent('takeoverchange', { detail: { pausedUntil } }))
    } catch (error) {
      this.error = toFailure(error)
      // The switch moved under the rep's click; put it back where the contact really is.
      toggle.checked = this.paused
    } finally {
      this.pending = false
    }
  }
}
