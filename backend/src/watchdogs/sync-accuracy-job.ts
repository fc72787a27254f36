import { and, eq, sql } from 'drizzle-orm'
import { storeAlerts } from '../analytics/alert-rules'
import { localDate } from '../analytics/report-period'
import { analyticsContext } from '../analytics/workspace-context'
import { fieldValues, loadSnapshots } from '../crm/contact-values'
import { mappedFields, mappingRows } from '../crm/mapping'
import type { CrmConnector } from '../crm/port'
import { CONTACT_OBJECT } from '../crm/sync/contact-object'
import type { Database } from '../db/client'
import { queryRows } from '../db/query-rows'
import { type CrmConnection, crmConnections, syncAccuracySamples, workspaces } from '../db/schema'
import type { ScheduledJob } from '../jobs/scheduler'
import type { Logger } from '../lib/logger'
import { policyOf } from '../outbound/policy-settings'
import {
  ACCURACY_ALERT_PERCENT,
  accuracyPercent,
  comparedFields,
  compareRecord,
  emptyTally,
  type SampleTally,
  underThreshold,
} from './sync-accuracy-compare'

export interface SyncAccuracyOptions {
  schedule: string
  /** The connection's connector (the sync's own, with its rate limiter and tokens). */
  connectorFor: (connection: CrmConnection) => CrmConnector
  /** Records read back per connection and run. */
  sampleSize?: number
  logger: Logger
}

export const SAMPLE_SIZE = 100

/**
 * The daily sync-accuracy sample of each workspace: for every active CRM connection, up to 100
 * linked contacts with nothing waiting in the outbox are read back from the CRM and compared field
 * by field with what the sync would write now (sync-accuracy-compare.ts). The result is stored per
 * connection and day; under 99 % equal fields raises a `sync_accuracy` alert.
 */
export function syncAccuracyJob(db: Database, options: SyncAccuracyOptions): ScheduledJob {
  return {
    name: 'crm-sync-accuracy',
    schedule: options.schedule,
    async run({ workspaceId, scheduledFor }) {
      const connections = await db
        .select()
        .from(crmConnections)
        .where(and(eq(crmConnections.workspaceId, workspaceId), eq(crmConnections.state, 'active')))
      // The workspace's local day of the slot: one sample per connection and local day.
      const day = localDate(scheduledFor, (await analyticsContext(db, workspaceId)).timeZone)
      for (const connection of connections) {
        // One CRM refusing (revoked token, provider not on this server) does not stop the others.
        try {
          await sampleConnection(db, connection, day, options)
        } catch (err) {
          options.logger.warn(
            { workspaceId, connectionId: connection.id, err: (err as Error).message },
            'sync accuracy sample failed',
          )
        }
      }
    },
  }
}

export async function sampleConnection(
  db: Database,
  connection: CrmConnection,
  day: string,
  options: Pick<SyncAccuracyOptions, 'connectorFor' | 'sampleSize' | 'logger'>,
): Promise<void> {
  const connector = options.connectorFor(connection)
  const fields = comparedFields(
    mappedFields(await mappingRows(db, connection.id, (spec) => connector.defaultProperty(spec))),
  )
  const links = await sampleLinks(db, connection.id, options.sampleSize ?? SAMPLE_SIZE)
  const tally = emptyTally()
  if (links.length > 0 && fields.length > 0) {
    const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, connection.workspaceId))
    const policy = policyOf(workspace?.settings ?? {})
    const snapshots = await loadSnapshots(
      db,
      links.map((l) => l.contact_id),
    )
    const properties = [...new Set(fields.map((f) => f.property))]
    for (let i = 0; i < links.length; i += connector.batchLimit) {
      const batch = links.slice(i, i + connector.batchLimit)
      const records = await connector.readContacts(
        batch.map((l) => l.record_id),
        properties,
      )
      const byId = new Map(records.map((r) => [r.id, r]))
      const now = new Date()
      for (const link of batch) {
        const snap = snapshots.get(link.contact_id)
        if (!snap?.contact.phoneE164) continue
        compareRecord(
          tally,
          connector,
          fields,
          fieldValues(snap, policy, now),
          snap.contact.phoneE164,
          link.record_id,
          byId.get(link.record_id),
        )
      }
    }
  }
  await store(db, connection, day, links.length, tally)
  const accuracy = accuracyPercent(tally.fieldsEqual, tally.fieldsCompared)
  options.logger.info(
    { connectionId: connection.id, records: links.length, compared: tally.fieldsCompared, accuracy },
    'sync accuracy sampled',
  )
  if (!underThreshold(tally.fieldsEqual, tally.fieldsCompared)) return
  await storeAlerts(db, connection.workspaceId, [
    {
      rule: 'sync_accuracy',
      subject: connection.id,
      period: day,
      figures: {
        provider: connection.provider,
        records_sampled: links.length,
        fields_compared: tally.fieldsCompared,
        fields_equal: tally.fieldsEqual,
        accuracy_percent: accuracy,
        threshold_percent: ACCURACY_ALERT_PERCENT,
        differing_fields: [...new Set(tally.differences.map((d) => d.field))],
      },
      suggestion:
        'Records in the CRM no longer hold what WhatsApp SCRM last wrote, though nothing is waiting to be synced: someone may be editing them without the CRM notifying us (check the webhook subscription), or a workflow in the CRM overwrites them. The differing fields are listed under the connection’s sync accuracy; a backfill writes our values again.',
    },
  ])
}

/**
 * Linked records (the contact's own, not one it shares after a CRM merge) of contacts the sync
 * writes (a phone number) whose connection has nothing pending for them, not even parked: a
 * pending write would differ legitimately. A random sample, so every record is checked over time.
 */
async function sampleLinks(db: Database, connectionId: string, size: number) {
  return queryRows<{ contact_id: string; record_id: string }>(
    db,
    sql`select l.contact_id, l.record_id from crm_record_links l
         join contacts c on c.id = l.contact_id and c.phone_e164 is not null
        where l.connection_id = ${connectionId} and l.object_type = ${CONTACT_OBJECT} and l.role = 'primary'
          and not exists (select 1 from crm_outbox o
                           where o.connection_id = l.connection_id and o.kind = 'contact'
                             and o.subject_id = l.contact_id::text)
        order by random() limit ${size}`,
  )
}

async function store(db: Database, connection: CrmConnection, day: string, records: number, t: SampleTally) {
  const values = {
    recordsSampled: records,
    fieldsCompared: t.fieldsCompared,
    fieldsEqual: t.fieldsEqual,
    accuracy: accuracyPercent(t.fieldsEqual, t.fieldsCompared),
    differences: t.differences,
    differencesTotal: t.differencesTotal,
    sampledAt: new Date(),
  }
  await db
    .insert(syncAccuracySamples)
    .values({ workspaceId: connection.workspaceId, connectionId: connection.id, day, ...values })
    .onConflictDoUpdate({ target: [syncAccuracySamples.connectionId, syncAccuracySamples.day], set: values })
}
