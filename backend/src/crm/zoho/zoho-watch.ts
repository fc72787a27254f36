import { createHash, randomBytes, randomInt } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { type CrmConnection, crmConnections } from '../../db/schema'
import type { Logger } from '../../lib/logger'
import { zohoStateOf } from './org-state'
import type { ZohoConnector } from './zoho-connector'

/** Channels are asked for 6 days (Zoho allows at most a week, and silently gives one hour beyond). */
export const CHANNEL_DAYS = 6
/** A channel with less left than this is renewed (the daily renewal always finds it so). */
const RENEW_WHEN_LEFT_MS = 5.5 * 86_400_000
/** Two-way fields an edit must touch to be notified (Zoho allows 10 per module). */
const WATCHED_FIELDS = [
  'First_Name',
  'Last_Name',
  'Email',
  'Tag',
  'WA_Segment',
  'WA_Priority',
  'WA_Opt_In_Status',
  'WA_Customer_Level',
  'Phone',
  'Mobile',
]
const MODULES = ['Contacts', 'Leads'] as const

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex')

/** Where Zoho posts callbacks: the generic CRM webhook route, naming the org in the query it echoes. */
export function notifyUrl(publicUrl: string, orgId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/webhooks/zoho?org=${encodeURIComponent(orgId)}`
}

interface ListedChannel {
  channel_id: string | number
  channel_expiry?: string
  notify_url?: string
}

/**
 * Keeps one notification channel per org for Contacts and Leads: created after install, renewed
 * (`PUT`, a new random token each time; only its hash is kept) when less than 5.5 of its 6 days
 * are left, and reconciled with `GET /actions/watch` when asked (on start, and daily) — a channel
 * Zoho dropped or cut to an hour is subscribed again.
 */
export async function ensureWatch(
  db: Database,
  connection: CrmConnection,
  connector: ZohoConnector,
  options: {
    publicUrl: string | undefined
    reconcile: boolean
    force?: boolean
    logger: Logger
    now?: number
  },
): Promise<'subscribed' | 'renewed' | 'kept' | 'no_public_url'> {
  if (!options.publicUrl) {
    options.logger.warn(
      { connectionId: connection.id },
      'PUBLIC_URL is not set: Zoho cannot send change notifications to this server',
    )
    return 'no_public_url'
  }
  const now = options.now ?? Date.now()
  const state = zohoStateOf(connection)
  const url = notifyUrl(options.publicUrl, connection.accountId)
  let channel = state.channel
  if (channel && options.reconcile) {
    const listed = await connector.http.call<{ watch?: ListedChannel[] }>({
      method: 'GET',
      path: '/actions/watch',
    })
    const live = (listed.body?.watch ?? []).find((w) => String(w.channel_id) === channel?.id)
    const expiry = live?.channel_expiry ? Date.parse(live.channel_expiry) : 0
    if (!live || expiry <= now || live.notify_url !== url) channel = undefined
    else channel = { ...channel, expiresAt: new Date(expiry).toISOString() }
  }
  const left = channel ? Date.parse(channel.expiresAt) - now : 0
  if (channel && left > 0 && left > RENEW_WHEN_LEFT_MS && !options.force) return 'kept'
  const id = channel?.id ?? String(randomInt(100_000_000, 999_999_999)) + String(randomInt(100, 999))
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now + CHANNEL_DAYS * 86_400_000)
  const answer = await connector.http.call<{
    watch?: { status: string; code: string; details?: { events?: { channel_expiry?: string }[] } }[]
  }>({
    method: channel ? 'PUT' : 'POST',
    path: '/actions/watch',
    body: {
      watch: [
        {
          channel_id: Number(id),
          events: MODULES.map((m) => `${m}.all`),
          notify_url: url,
          token,
          channel_expiry: `${expiresAt.toISOString().slice(0, 19)}+00:00`,
          notify_on_related_action: false,
          notification_condition: MODULES.map((m) => ({
            type: 'field_selection',
            module: { api_name: m },
            field_selection: {
              group_operator: 'or',
              group: WATCHED_FIELDS.map((f) => ({ field: { api_name: f } })),
            },
          })),
        },
      ],
    },
  })
  const element = answer.body?.watch?.[0]
  if (element?.status !== 'success')
    throw new Error(`Zoho refused the notification channel: ${element?.code ?? `HTTP ${answer.status}`}`)
  const granted = element.details?.events?.[0]?.channel_expiry
  const record = {
    id,
    tokenHash: tokenHash(token),
    expiresAt: granted ? new Date(Date.parse(granted)).toISOString() : expiresAt.toISOString(),
    renewedAt: new Date(now).toISOString(),
  }
  await db
    .update(crmConnections)
    .set({ providerState: sql`provider_state || ${JSON.stringify({ channel: record })}::jsonb` })
    .where(eq(crmConnections.id, connection.id))
  if (granted && Date.parse(granted) - now < 2 * 3_600_000)
    options.logger.warn(
      { connectionId: connection.id, granted },
      'Zoho granted the notification channel only a short life',
    )
  return channel ? 'renewed' : 'subscribed'
}
