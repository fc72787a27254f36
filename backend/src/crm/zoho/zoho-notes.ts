import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { type ZohoDayNote, zohoDayNotes } from '../../db/schema'
import type { MessageWrite, WriteResult } from '../port'
import type { ZohoConnector, ZohoElement } from './zoho-connector'

/** Zoho's Note_Content limit. */
const MAX_CONTENT = 32_000
const BATCH = 100

interface Pending {
  recordId: string
  day: string
  part: number
  noteId: string | null
  content: string
  keys: string[]
  refs: string[]
  /** Lines added in this call (a new part holds only these). */
  lines: string[]
}

/** One line of the day's note: time, who wrote, the text (plain text: Zoho shows Note_Content as text). */
export function noteLine(m: MessageWrite): string {
  const time = m.at.toISOString().slice(11, 16)
  const who = m.direction === 'inbound' ? 'Customer' : 'Us'
  const media = m.mediaUrl ? ` [media: ${m.mediaUrl}]` : ''
  return `[${time} UTC] ${who}: ${m.body}${media}`
}

export const noteTitle = (day: string, part: number) => `WhatsApp ${day}${part > 1 ? ` (${part})` : ''}`

/**
 * Messages as one Note per record and day: a day's first messages create the note, later ones
 * append to it (`PUT /Notes` with the whole text: Zoho replaces the content). All the notes of a
 * batch go in one create and one update call (100 each), so the credits follow conversation-days,
 * not messages.
 */
export class DayNotes {
  constructor(
    private readonly db: Database,
    private readonly connectionId: string,
  ) {}

  async log(connector: ZohoConnector, inputs: MessageWrite[]): Promise<WriteResult[]> {
    const results = new Map<string, WriteResult>()
    const groups = new Map<string, MessageWrite[]>()
    for (const m of [...inputs].sort((a, b) => a.at.getTime() - b.at.getTime())) {
      const key = `${m.recordId}|${m.at.toISOString().slice(0, 10)}`
      groups.set(key, [...(groups.get(key) ?? []), m])
    }
    const recordIds = [...new Set(inputs.map((m) => m.recordId))]
    const stored = recordIds.length
      ? await this.db
          .select()
          .from(zohoDayNotes)
          .where(
            and(eq(zohoDayNotes.connectionId, this.connectionId), inArray(zohoDayNotes.recordId, recordIds)),
          )
      : []
    const pending: Pending[] = []
    for (const [key, messages] of groups) {
      const [recordId, day] = key.split('|') as [string, string]
      const latest = stored
        .filter((n) => n.recordId === recordId && n.day === day)
        .sort((a, b) => b.part - a.part)[0]
      const seen = new Set(
        stored.filter((n) => n.recordId === recordId && n.day === day).flatMap((n) => n.keys),
      )
      let current: Pending | null = latest ? fromRow(latest) : null
      for (const m of messages) {
        if (seen.has(m.externalId)) {
          const holder = stored.find(
            (n) => n.recordId === recordId && n.day === day && n.keys.includes(m.externalId),
          )
          results.set(m.ref, { ref: m.ref, ok: true, recordId: holder?.noteId ?? '' })
          continue
        }
        seen.add(m.externalId)
        const line = noteLine(m).slice(0, MAX_CONTENT - 1)
        if (!current || current.content.length + line.length + 1 > MAX_CONTENT) {
          if (current && !pending.includes(current)) pending.push(current)
          current = {
            recordId,
            day,
            part: (current?.part ?? 0) + 1,
            noteId: null,
            content: '',
            keys: [],
            refs: [],
            lines: [],
          }
        }
        current.content = current.content ? `${current.content}\n${line}` : line
        current.keys.push(m.externalId)
        current.refs.push(m.ref)
        current.lines.push(line)
        if (!pending.includes(current)) pending.push(current)
      }
    }
    const creates = pending.filter((p) => !p.noteId)
    let updates = pending.filter((p) => p.noteId)
    if (creates.length > 0 && updates.length > 0) {
      // One call instead of two: the appends open the day's next part, created with the new notes.
      for (const p of updates) {
        const fresh = p.keys.slice(-p.refs.length)
        creates.push({ ...p, part: p.part + 1, noteId: null, content: p.lines.join('\n'), keys: fresh })
      }
      updates = []
    }
    for (let i = 0; i < creates.length; i += BATCH) {
      const batch = creates.slice(i, i + BATCH)
      const parents = await Promise.all(batch.map((p) => connector.moduleOfRecord(p.recordId)))
      const elements = await connector.writeBatch('POST', '/Notes', {
        data: batch.map((p, j) => ({
          Note_Title: noteTitle(p.day, p.part),
          Note_Content: p.content,
          Parent_Id: { module: { api_name: parents[j] ?? 'Contacts' }, id: p.recordId },
        })),
      })
      await this.#settle(connector, batch, elements, results)
    }
    for (let i = 0; i < updates.length; i += BATCH) {
      const batch = updates.slice(i, i + BATCH)
      const elements = await connector.writeBatch('PUT', '/Notes', {
        data: batch.map((p) => ({ id: p.noteId, Note_Content: p.content })),
      })
      await this.#settle(connector, batch, elements, results)
    }
    return inputs.map((m) => results.get(m.ref) as WriteResult)
  }

  async #settle(
    connector: ZohoConnector,
    batch: Pending[],
    elements: ZohoElement[],
    results: Map<string, WriteResult>,
  ): Promise<void> {
    for (const [j, p] of batch.entries()) {
      const outcome = connector.resultOf('', elements[j])
      // A new note is one record, carried by its first message; appended lines add no record.
      for (const [k, ref] of p.refs.entries())
        results.set(
          ref,
          outcome.ok ? { ...outcome, ref, created: !p.noteId && k === 0 } : { ...outcome, ref },
        )
      if (!outcome.ok) continue
      await this.db
        .insert(zohoDayNotes)
        .values({
          connectionId: this.connectionId,
          recordId: p.recordId,
          day: p.day,
          part: p.part,
          noteId: outcome.recordId,
          content: p.content,
          keys: p.keys,
        })
        .onConflictDoUpdate({
          target: [zohoDayNotes.connectionId, zohoDayNotes.recordId, zohoDayNotes.day, zohoDayNotes.part],
          set: { noteId: outcome.recordId, content: p.content, keys: p.keys, updatedAt: sql`now()` },
        })
    }
  }
}

function fromRow(row: ZohoDayNote): Pending {
  return {
    recordId: row.recordId,
    day: row.day,
    part: row.part,
    noteId: row.noteId,
    content: row.content,
    keys: [...row.keys],
    refs: [],
    lines: [],
  }
}
