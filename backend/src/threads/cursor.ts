import { InvalidInputError } from '../lib/errors'

/** Position in a thread: the last message shown, as (sent_at, id), opaque to clients. */
export interface ThreadCursor {
  sentAt: Date
  id: number
}

export function encodeCursor(cursor: ThreadCursor): string {
  return Buffer.from(`${cursor.sentAt.toISOString()}|${cursor.id}`, 'utf8').toString('base64url')
}

export function decodeCursor(value: string): ThreadCursor {
  const [at, id] = Buffer.from(value, 'base64url').toString('utf8').split('|')
  const sentAt = new Date(at ?? '')
  const numericId = Number(id)
  if (Number.isNaN(sentAt.getTime()) || !Number.isSafeInteger(numericId) || numericId < 1) {
    throw new InvalidInputError('cursor is not one this API returned.')
  }
  return { sentAt, id: numericId }
}
