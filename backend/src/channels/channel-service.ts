import { isCountryCode, toE164 } from '@scrm/shared'
import { asc, eq, sql } from 'drizzle-orm'
import type { Database } from '../db/client'
import { queryRows } from '../db/query-rows'
import { type WhatsappChannel, whatsappChannels } from '../db/schema'
import { encryptSecret } from '../lib/crypto'
import { ConflictError, InvalidInputError } from '../lib/errors'

export interface NewChannelInput {
  phoneNumberId: string
  displayPhoneNumber: string
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
  created_at: string
}

export function toChannelView(row: WhatsappChannel): ChannelView {
  return {
    id: row.id,
    phone_number_id: row.phoneNumberId,
    waba_id: row.wabaId,
    display_phone_number: row.displayPhoneNumber,
    default_region: row.defaultRegion,
    has_access_token: row.accessTokenEnc !== null,
    created_at: row.createdAt.toISOString(),
  }
}

/**
 * Registers a WhatsApp number for a workspace. Deliveries that arrived for it before it was
 * registered (kept as unrouted) go back into the ingest queue, so none is lost.
 */
export async function createChannel(
  db: Database,
  workspaceId: string,
  input: NewChannelInput,
  encryptionKey: Buffer,
): Promise<{ channel: ChannelView; requeued: number }> {
  const region = input.defaultRegion.toUpperCase()
  if (!isCountryCode(region)) {
    throw new InvalidInputError(`default_region "${input.defaultRegion}" is not an ISO 3166 region code.`)
  }
  const display = toE164(input.displayPhoneNumber, region)
  if (!display) {
    throw new InvalidInputError(
      `display_phone_number "${input.displayPhoneNumber}" is not a valid phone number.`,
    )
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(whatsappChannels)
      .values({
        workspaceId,
        phoneNumberId: input.phoneNumberId,
        wabaId: input.wabaId ?? null,
        displayPhoneNumber: display,
        defaultRegion: region,
        accessTokenEnc: input.accessToken ? encryptSecret(input.accessToken, encryptionKey) : null,
      })
      .onConflictDoNothing()
      .returning()
    if (!row) {
      // Meta routes a number's webhooks to one place, so a number is connected to one workspace.
      // The answer is the same whether the caller or another workspace holds it and names no
      // one: a tenant learns nothing about another beyond "in use", which no registration
      // without proof of ownership can hide (the free number is accepted). Telling the owner
      // apart needs that proof (Meta's Embedded Signup, or asking the Graph API whether the
      // given token controls the number), as large multi-tenant WhatsApp platforms do.
      throw new ConflictError(
        `phone_number_id ${input.phoneNumberId} cannot be registered: it is already connected. A number is connected to one workspace at a time; if it is yours and not listed by GET /api/v1/channels, ask your platform administrator to move it.`,
      )
    }
    const requeued = await queryRows<{ id: number }>(
      tx,
      sql`update webhook_events
          set state = 'pending', attempts = 0, next_attempt_at = now(), last_error = null, processed_at = null
          where state = 'unrouted' and routing_keys @> array[${input.phoneNumberId}]::text[]
          returning id`,
    )
    return { channel: toChannelView(row), requeued: requeued.length }
  })
}

export async function listChannels(db: Database, workspaceId: string): Promise<ChannelView[]> {
  const rows = await db
    .select()
    .from(whatsappChannels)
    .where(eq(whatsappChannels.workspaceId, workspaceId))
    .orderBy(asc(whatsappChannels.createdAt))
  return rows.map(toChannelView)
}

export async function workspacePhoneNumberIds(db: Database, workspaceId: string): Promise<string[]> {
  const rows = await db
    .select({ id: whatsappChannels.phoneNumberId })
    .from(whatsappChannels)
    .where(eq(whatsappChannels.workspaceId, workspaceId))
  return rows.map((r) => r.id)
}
