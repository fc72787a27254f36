import correctIntent from '@salesforce/apex/WaThreadController.correctIntent'
import { maybeT, t } from 'c/waLabels'
import { CORRECTABLE_INTENTS, parseAnswer, readCorrection } from 'c/waModel'
import { failureText, toFailure } from 'c/waText'
import { api, LightningElement } from 'lwc'

/**
 * What a customer message asks for, as a fact or (when the model is unsure) a suggestion, and a
 * list that tells the backend what it really is: one pick saves it, and the stored value goes up
 * in an `intentcorrected` event so the thread shows it at once.
 */
export default class WaIntentCorrection extends LightningElement {
  @api recordId
  @api message

  pending = false
  error = null
  correctLabel = t('intent.correct')

  get intent() {
    return this.message?.intent ?? null
  }

  get badgeLabel() {
    const label = maybeT(`value.${this.intent.value}`) ?? this.intent.value
    return this.intent.suggestion ? t('intent.suggested', { intent: label }) : label
  }

  get badgeClass() {
    return this.intent.suggestion ? 'slds-badge slds-theme_warning' : 'slds-badge slds-badge_lightest'
  }

  get options() {
    return CORRECTABLE_INTENTS.filter((v) => v !== this.intent.value).map((v) => ({
      label: maybeT(`value.${v}`) ?? v,
      value: v,
    }))
  }

  get errorText() {
    return this.error ? t('intent.error', { message: failureText(this.error) }) : null
  }

  async handleChange(event) {
    const value = event.detail.value
    if (!value || this.pending) return
    this.pending = true
    this.error = null
    try {
      const stored = readCorrection(
        parseAnswer(
          await correctIntent({ recordId: this.recordId, messageId: this.message.id, intent: value }),
        ),
      )
      this.dispatchEvent(
        new CustomEvent('intentcorrected', { detail: { messageId: this.message.id, value: stored } }),
      )
    } catch (error) {
      this.error = toFailure(error)
    } finally {
      this.pending = false
    }
  }
}
