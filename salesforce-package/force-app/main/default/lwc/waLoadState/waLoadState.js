import { api, LightningElement } from 'lwc'

/**
 * What a list shows until it has something to offer: a spinner while loading, the reason and a
 * retry button when loading failed (fires `retry`), a sentence when there is nothing. `name`
 * prefixes the data-ids (`templates-loading`, `templates-error`, `templates-retry`, `templates-none`).
 */
export default class WaLoadState extends LightningElement {
  /** 'loading' | 'error' | 'none' */
  @api status = 'loading'
  @api name = 'list'
  @api loadingText = ''
  @api errorText = ''
  @api noneText = ''
  @api retryLabel = ''

  get isLoading() {
    return this.status === 'loading'
  }

  get isError() {
    return this.status === 'error'
  }

  get isNone() {
    return this.status === 'none'
  }

  get loadingId() {
    return `${this.name}-loading`
  }

  get errorId() {
    return `${this.name}-error`
  }

  get retryId() {
    return `${this.name}-retry`
  }

  get noneId() {
    return `${this.name}-none`
  }

  handleRetry() {
    this.dispatchEvent(new CustomEvent('retry'))
  }
}
