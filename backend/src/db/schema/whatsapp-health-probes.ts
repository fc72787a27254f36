import { bigserial, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './columns'
import { whatsappChannels } from './whatsapp-channels'
import { workspaces } from './workspaces'

export const PROBE_VERDICTS = ['normal', 'slow', 'failing'] as const
export type ProbeVerdict = (typeof PROBE_VERDICTS)[number]

/**
 * Every health probe of the WhatsApp Cloud API's primary base (also while sends go to the standby:
 * that is how recovery is seen): how long reading a number took, and the verdict.
 */
export const whatsappHealthProbes = pgTable(
  'whatsapp_health_probes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => whatsappChannels.id, { onDelete: 'cascade' }),
    /** Null when no answer came (timeout, refused connection, 5xx). */
    ms: integer('ms'),
    verdict: text('verdict', { enum: PROBE_VERDICTS }).notNull(),
    detail: text('detail'),
    probedAt: tstz('probed_at').notNull().defaultNow(),
  },
  (t) => [index('whatsapp_health_probes_ws_idx').on(t.workspaceId, t.probedAt.desc())],
)

export type WhatsappHealthProbe = typeof whatsappHealthProbes.$inferSelect
