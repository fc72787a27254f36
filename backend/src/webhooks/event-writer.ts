import type { Database } from '../db/client'
import { webhookEvents } from '../db/schema'

export interface IncomingEvent {
  source: 'whatsapp' | 'hubspot' | 'salesforce' | 'zoho'
  rawBody: string
  routingKeys: string[]
}

interface Waiting {
  event: IncomingEvent
  resolve: () => void
  reject: (error: unknown) => void
}

/**
 * Stores webhook deliveries before they are acknowledged, grouping the deliveries that arrive
 * while earlier inserts are in flight into one multi-row INSERT (group commit). Every caller's
 * promise settles only after its own row is committed, so "stored before 200" holds, and one
 * WAL flush serves many requests under load.
 */
export class WebhookEventWriter {
  private readonly waiting: Waiting[] = []
  private inFlight = 0

  constructor(
    private readonly db: Database,
    private readonly maxInFlight = 4,
    private readonly maxBatch = 250,
    private readonly onStored: () => void = () => {},
  ) {}

  append(event: IncomingEvent): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ event, resolve, reject })
      this.pump()
    })
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxBatch)
      this.inFlight += 1
      this.db
        .insert(webhookEvents)
        .values(batch.map((w) => w.event))
        .then(
          () => {
            for (const w of batch) w.resolve()
            this.onStored()
          },
          (error: unknown) => {
            for (const w of batch) w.reject(error)
          },
        )
        .finally(() => {
          this.inFlight -= 1
          this.pump()
        })
    }
  }
}
