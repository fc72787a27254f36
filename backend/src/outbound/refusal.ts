import type { SendRefusal } from '@scrm/shared'
import { DomainError } from '../lib/errors'

/** A send the policy or the request refuses: 422 with the machine reason and a sentence. */
export class SendRefused extends DomainError {
  constructor(
    readonly refusal: SendRefusal,
    message: string,
  ) {
    super('send_refused', message, undefined, refusal)
    this.name = 'SendRefused'
  }
}
