import { t } from 'c/waLabels'
import { insightsOf } from 'c/waText'
import { api, LightningElement } from 'lwc'

/** Segment, intent, sentiment and churn risk with their "why", only those the backend sent. */
export default class WaInsights extends LightningElement {
  @api contact

  get insights() {
    return insightsOf(this.contact)
  }

  get hasInsights() {
    return this.insights.length > 0
  }

  get title() {
    return t('insights.title')
  }
}
