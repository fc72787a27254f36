import { inArray } from 'drizzle-orm'
import { type FollowUpTask, followUpTasks } from '../../db/schema'
import type { TaskWrite } from '../port'
import { utf8Bytes } from '../storage/storage-meter'
import type { LinkedKind } from './linked-writes'

/** Follow-up reminders become CRM tasks on the contact's record. */
export const taskWrites: LinkedKind<FollowUpTask, TaskWrite> = {
  outboxKind: 'task',
  async load(db, subjectIds) {
    const rows = await db.select().from(followUpTasks).where(inArray(followUpTasks.id, subjectIds))
    return new Map(rows.map((t) => [t.id, t]))
  },
  owner: (t) => t,
  target(_t, link) {
    // The CRM deleted the record: its reminders are not recreated there.
    if (link?.role === 'deleted') return 'drop'
    return link?.recordId ? { recordId: link.recordId } : 'wait'
  },
  toWrite: (t, ref, recordId) => ({
    ref,
    recordId,
    title: t.title,
    body: t.body,
    dueAt: t.dueAt,
    priority: t.priority,
    done: t.status !== 'open',
  }),
  send: (connector, writes) => connector.upsertTasks(writes),
  bytes: (w) => utf8Bytes(w.title, w.body),
}
