import { isCountryCode, toE164 } from '@scrm/shared'
import { asc, eq, sql } from 'drizzle-orm'
import type { Database, Executor } from '../db/client'
import { queryRows } from '../db/query-rows'
import { type WhatsappChannel, whatsappChannels } from '../db/schema'
import { encryptSecret } from '../lib/crypto'
import { ConflictError, DomainError, InvalidInputError } from '../lib/errors'
import { recordAudit } from '../lifecycle/audit-log'
import { OWNERSHIP_REASONS, type OwnershipCheck, type ProvenNumber, proveOwnership } from './ownership-proof'

export interface NewChannelInput {
  phoneNumberId: string
  /** Checked against Meta's when the number is proven; required when it is not (WHATSAPP_NUMBER_PROOF=off). */
  displayPhoneNumber?: string
  defaultRegion: string
  wabaId?: string
  accessToken?: string
}

export interface ChannelView {
  id: string
  phone_number_id: string
  waba_id: string | null
  display_phone_number: string
  default_region: string
  has_access_token: boolean
  /** `proven`: Meta confirmed the stored token reads the number; `unchecked`: registered without that proof. */
  ownership: 'proven' | 'unchecked'
  ownership_proven_at: string | null
  verified_name: string | null
  /** Sending limits: messages per second, business-initiated recipients per 24 h (null: unlimited). */
  mps: number
  tier_limit: number | null
  coexistence: boolean
  /** Sending is paused until then after a spam or policy block, with the reason; null when sending. */
  paused_until: string | null
  paused_reason: string | null
  /** Meta's last quality update for the number (FLAGGED, UNFLAGGED, DOWNGRADE, UPGRADE), null before any. */
  quality_event: string | null
  created_at: string
}

export function toChannelView(row: WhatsappChannel, qualityEvent: string | null = null): ChannelView {
  return {
    id: row.id,
    phone_number_id: row.phoneNumberId,
    waba_id: row.wabaId,
    display_phone_number: row.displayPhoneNumber,
    default_region: row.defaultRegion,
    has_access_token: row.accessTokenEnc !== null,
    ownership: row.ownershipProvenAt ? 'proven' : 'unchecked',
    ownership_proven_at: row.ownershipProvenAt?.toISOString() ?? null,
    verified_name: row.verifiedName,
    mps: row.mps,
    tier_limit: row.tierLimit,
    coexistence: row.coexistence,
    paused_until: row.pausedUntil && row.pausedUntil > new Date() ? row.pausedUntil.toISOString() : null,
    paused_reason: row.pausedUntil && row.pausedUntil > new Date() ? row.pausedReason : null,
    quality_event: qualityEvent,
    created_at: row.createdAt.toISOString(),
  }
}

export interface RegistrationResult {
  channel: ChannelView
  /** Deliveries that arrived for the number before it was registered, queued again now. */
  requeued: number
  /** False when the caller's workspace already had the number and its token and proof were refreshed. */
  created: boolean
}

/**
 * Registers a WhatsApp number for a workspace, once the caller has proven it controls the number
 * (see ownership-proof.ts). Deliveries that arrived for it before (kept as unrouted) go back into
 * the ingest queue, so none is lost, and they go only to a registration that got this far.
 *
 * A number another workspace holds is never moved by a registration, even a proven one: a Graph
 * read proves access, not sole ownership (Meta lets several businesses' tokens read one number:
 * a BSP, an agency, a second workspace of the same company), and a move redirects live customer
 * conversations away from the holder. The proven claimant is told to contact support, and the
 * holder's audit log records the claim (without naming the claimant), so a person who can check
 * both sides decides. A caller without proof never gets this far, so learns nothing.
 */
export async function createChannel(
  db: Database,
  workspaceId: string,
  input: NewChannelInput,
  encryptionKey: Buffer,
  check: OwnershipCheck,
): Promise<RegistrationResult> {
  const region = input.defaultRegion.toUpperCase()
  if (!isCountryCode(region)) {
    throw new InvalidInputError(`default_region "${input.defaultRegion}" is not an ISO 3166 region code.`)
  }
  const given = input.displayPhoneNumber ? toE164(input.displayPhoneNumber, region) : null
  if (input.displayPhoneNumber && !given) {
    throw new InvalidInputError(
      `display_phone_number "${input.displayPhoneNumber}" is not a valid phone number.`,
    )
  }
  let display = given
  let proven: ProvenNumber | null = null
  if (check.mode === 'graph') {
    if (!input.accessToken) {
      throw new InvalidInputError(
        'access_token is required: registering a number needs proof that it is yours, and the proof is that Meta lets this token read it.',
        [{ path: 'access_token', message: 'Required' }],
      )
    }
    proven = await proveOwnership(check.cloudApi, input.phoneNumberId, input.accessToken, input.wabaId)
    const metas = toE164(proven.displayPhoneNumber)
    if (!metas)
      throw new InvalidInputError(
        `Meta's display number for ${input.phoneNumberId} is not a valid phone number.`,
      )
    if (given && given !== metas) {
      throw new InvalidInputError(
        `display_phone_number ${given} is not the number Meta has for phone_number_id ${input.phoneNumberId} (${metas}). Leave it out to use Meta's.`,
      )
    }
    display = metas
  }
  if (!display) {
    throw new InvalidInputError(
      'display_phone_number is required when numbers are registered without proof.',
      [{ path: 'display_phone_number', message: 'Required' }],
    )
  }
  const now = new Date()
  const values = {
    wabaId: input.wabaId ?? null,
    displayPhoneNumber: display,
    defaultRegion: region,
    accessTokenEnc: input.accessToken ? encryptSecret(input.accessToken, encryptionKey) : null,
    ownershipProvenAt: proven ? now : null,
    verifiedName: proven?.verifiedName ?? null,
  }
  const outcome = await db.transaction(
    async (tx): Promise<RegistrationResult | { heldBy: WhatsappChannel }> => {
      const [row] = await tx
        .insert(whatsappChannels)
        .values({ workspaceId: workspaceId, phoneNumberId: input.phoneNumberId, ...values })
        .onConflictDoNothing()
        .returning()
      if (row) {
        return {
          channel: toChannelView(row),
          requeued: await requeueUnrouted(tx, input.phoneNumberId),
          created: true,
        }
      }
      const [holder] = await tx
        .select()
        .from(whatsappChannels)
        .where(eq(whatsappChannels.phoneNumberId, input.phoneNumberId))
        .for('update')
      if (!proven || !holder) {
        // Unchecked registrations (development only) keep the old answer: in use, naming no one.
        throw new ConflictError(
          `phone_number_id ${input.phoneNumberId} cannot be registered: it is already connected.`,
        )
      }
      if (holder.workspaceId !== workspaceId) return { heldBy: holder }
      // The same workspace again with a proving token: a token rotation.
      const [updated] = await tx
        .update(whatsappChannels)
        .set({
          ...values,
          wabaId: values.wabaId ?? holder.wabaId,
          defaultRegion: holder.defaultRegion,
          updatedAt: now,
        })
        .where(eq(whatsappChannels.id, holder.id))
        .returning()
      return {
        channel: toChannelView(updated ?? holder),
        requeued: await requeueUnrouted(tx, input.phoneNumberId),
        created: false,
      }
    },
  )
  if (!('heldBy' in outcome)) return outcome
  const holder = outcome.heldBy
  await recordAudit(db, {
    workspaceId: holder.workspaceId,
    actorType: 'system',
    actorId: null,
    scope: 'channels',
    action: 'channel.claim_refused',
    targetType: 'channels',
    targetId: holder.id,
    detail: {
      phone_number_id: holder.phoneNumberId,
      holder_ownership: holder.ownershipProvenAt ? 'proven' : 'unchecked',
    },
    status: 409,
  })
  throw new DomainError(
    'conflict',
    `Meta confirms your token controls phone_number_id ${input.phoneNumberId}, but the number is connected to another workspace here, and a number is connected to one workspace at a time. Numbers are never moved automatically (the other side may control it too): contact support with this phone_number_id to have it moved. Nothing was changed.`,
    undefined,
    OWNERSHIP_REASONS.heldElsewhere,
  )
}

/** Deliveries kept as unrouted for the number go back into the ingest queue. */
async function requeueUnrouted(tx: Executor, phoneNumberId: string): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`update webhook_events
        set state = 'pending', attempts = 0, next_attempt_at = now(), last_error = null, processed_at = null
        where state = 'unrouted' and routing_keys @> array[${phoneNumberId}]::text[]
        returning id`,
  )
  return rows.length
}

export async function listChannels(db: Database, workspaceId: string): Promise<ChannelView[]> {
  const rows = await db
    .select()
    .from(whatsappChannels)
    .where(eq(whatsappChannels.workspaceId, workspaceId))
    .orderBy(asc(whatsappChannels.createdAt))
  const quality = await queryRows<{ channel_id: string; event: string | null }>(
    db,
    sql`select distinct on (channel_id) channel_id, payload->>'event' as event
          from channel_events
         where workspace_id = ${workspaceId} and field = 'phone_number_quality_update'
         order by channel_id, occurred_at desc`,
  )
  const qualityOf = new Map(quality.map((q) => [q.channel_id, q.event]))
  return rows.map((row) => toChannelView(row, qualityOf.get(row.id) ?? null))
}

export async function workspacePhoneNumberIds(db: Database, workspaceId: string): Promise<string[]> {
  const rows = await db
    .select({ id: whatsappChannels.phoneNumberId })
    .from(whatsappChannels)
    .where(eq(whatsappChannels.workspaceId, workspaceId))
  return rows.map((r) => r.id)
}
