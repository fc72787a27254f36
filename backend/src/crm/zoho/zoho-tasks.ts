import type { TaskWrite, WriteResult } from '../port'
import type { ZohoConnector } from './zoho-connector'

const BATCH = 100
const PRIORITY = { low: 'Low', medium: 'Normal', high: 'High' } as const

/**
 * Follow-ups as Zoho Tasks, upserted on our `WA_Task_Key` (the task's id) so a retried batch
 * never makes a second task. A Contact is the task's `Who_Id`; a Lead its `What_Id`.
 */
export async function upsertZohoTasks(connector: ZohoConnector, inputs: TaskWrite[]): Promise<WriteResult[]> {
  const results: WriteResult[] = []
  for (let i = 0; i < inputs.length; i += BATCH) {
    const batch = inputs.slice(i, i + BATCH)
    const modules = await Promise.all(batch.map((t) => connector.moduleOfRecord(t.recordId)))
    const elements = await connector.writeBatch('POST', '/Tasks/upsert', {
      data: batch.map((t, j) => ({
        WA_Task_Key: t.ref,
        Subject: t.title.slice(0, 255),
        Description: t.body,
        Due_Date: t.dueAt.toISOString().slice(0, 10),
        Priority: PRIORITY[t.priority],
        Status: t.done ? 'Completed' : 'Not Started',
        ...(modules[j] === 'Leads'
          ? { What_Id: { id: t.recordId }, $se_module: 'Leads' }
          : { Who_Id: { id: t.recordId } }),
      })),
      duplicate_check_fields: ['WA_Task_Key'],
      trigger: [],
    })
    batch.forEach((t, j) => {
      results.push(connector.resultOf(t.ref, elements[j]))
    })
  }
  return results
}
