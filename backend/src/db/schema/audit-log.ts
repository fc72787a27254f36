import { bigint, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './columns'

export const AUDIT_ACTOR_TYPES = ['api_key', 'crm_user', 'system'] as const
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number]

/**
 * Who did what, when: every change made through the API or a card, every export, erasure, merge,
 * takeover and send by a person. Append-only (a trigger refuses updates, and deletes other than the
 * audit retention's own pruning). No foreign key on the workspace: the trail outlives what it
 * describes. Entries hold ids and field names, never a customer's words or number, so an erasure
 * leaves them as they are.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Null for platform actions (workspaces created by the platform key). */
    workspaceId: uuid('workspace_id'),
    at: tstz('at').notNull().defaultNow(),
    actorType: text('actor_type', { enum: AUDIT_ACTOR_TYPES }).notNull(),
    /** The API key id, or the CRM connection a card call came through. */
    actorId: text('actor_id'),
    /** The CRM user behind a card call, when the CRM names one. */
    crmUserId: text('crm_user_id'),
    /** `admin`, `platform`, `card`, or the job name for system actions. */
    scope: text('scope'),
    /** e.g. `PATCH /api/v1/channels/{id}`, `contact.export`, `contact.erase`. */
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    /** What changed: field names, ids and enum values (no free text a customer or rep wrote). */
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    status: integer('status'),
    requestId: text('request_id'),
  },
  (t) => [index('audit_log_workspace_idx').on(t.workspaceId, t.at.desc(), t.id.desc())],
)

export type AuditEntry = typeof auditLog.$inferSelect
export type NewAuditEntry = typeof auditLog.$inferInsert
