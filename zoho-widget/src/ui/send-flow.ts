import type { BackendApi } from '../api/backend-api'
import type { ApiFailure } from '../api/result'
import type { SendContent, WidgetMessage } from '../api/schemas'

export type SendOutcome = { ok: true; message: WidgetMessage } | { ok: false; error: ApiFailure }

const newKey = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? `zoho-${crypto.randomUUID()}`
    : `zoho-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`

/**
 * Sends for one contact. Each new message gets a new idempotency key; sending the same content again
 * after a timeout or network failure reuses the key, so the backend never sends it twice when the
 * first attempt did get through.
 */
export class SendFlow {
  private last: { content: string; key: string; uncertain: boolean } | null = null

  constructor(
    private readonly api: BackendApi,
    private readonly contactId: string,
  ) {}

  async send(content: SendContent): Promise<SendOutcome> {
    const serial = JSON.stringify(content)
    const key = this.last?.uncertain && this.last.content === serial ? this.last.key : newKey()
    const result = await this.api.send(this.contactId, content, key)
    const uncertain = !result.ok && (result.error.kind === 'timeout' || result.error.kind === 'network')
    this.last = { content: serial, key, uncertain }
    return result.ok ? { ok: true, message: result.data.message } : { ok: false, error: result.error }
  }
}
