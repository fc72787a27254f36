import { sql } from 'drizzle-orm'
import { checkHubspotSignatureV3 } from '../../crm/hubspot/request-signature'
import { hubspotDeliverySchema } from '../../crm/hubspot/webhook-events'
import type { AppDeps } from '../app-env'
import { publicUrl } from '../auth'
import { ApiError, zodDetails } from '../errors'
import { errorResponse, newRouter, z } from '../openapi'

/** HubSpot batches up to 100 events per delivery; this leaves room for large property values. */
const MAX_BYTES = 2 * 1024 * 1024

/**
 * HubSpot change notifications. Verified with the v3 signature (at most 5 min old), stored one
 * row per event, and only then acknowledged; redeliveries of an event id change nothing.
 */
export function hubspotWebhookRoutes(deps: AppDeps) {
  const app = newRouter()
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/webhooks/hubspot',
    tags: ['webhooks'],
    summary: 'HubSpot contact change notifications (X-HubSpot-Signature-v3)',
    request: {
      body: { content: { 'application/json': { schema: z.array(z.record(z.string(), z.unknown())) } } },
    },
    responses: {
      200: {
        description: 'Stored',
        content: { 'application/json': { schema: z.object({ received: z.number() }) } },
      },
      400: errorResponse('Not a HubSpot event array'),
      401: errorResponse('Missing, wrong or stale signature'),
    },
  })

  app.post('/webhooks/hubspot', async (c) => {
    const secret = deps.config.HUBSPOT_CLIENT_SECRET
    if (!secret) throw new ApiError('not_configured', 'HUBSPOT_CLIENT_SECRET is not set on this server.')
    const length = Number(c.req.header('content-length') ?? 0)
    if (length > MAX_BYTES) throw new ApiError('payload_too_large', 'A HubSpot delivery is at most 2 MB.')
    const body = await c.req.text()
    if (body.length > MAX_BYTES)
      throw new ApiError('payload_too_large', 'A HubSpot delivery is at most 2 MB.')
    const check = checkHubspotSignatureV3({
      secret,
      method: 'POST',
      url: publicUrl(c.req.url, deps.config.PUBLIC_URL),
      body,
      timestamp: c.req.header('x-hubspot-request-timestamp'),
      signature: c.req.header('x-hubspot-signature-v3'),
    })
    if (check === 'stale')
      throw new ApiError('unauthorized', 'The HubSpot signature is older than 5 minutes.')
    if (check === 'invalid')
      throw new ApiError(
        'invalid_signature',
        'X-HubSpot-Signature-v3 is missing or does not match this request.',
      )
    let json: unknown
    try {
      json = JSON.parse(body)
    } catch (error) {
      throw new ApiError('invalid_json', `Body is not JSON: ${(error as Error).message}`)
    }
    const parsed = hubspotDeliverySchema.safeParse(json)
    if (!parsed.success) {
      throw new ApiError('bad_request', 'Not a HubSpot webhook event array.', zodDetails(parsed.error))
    }
    const rows = parsed.data.map((e) => ({
      provider: 'hubspot',
      account_id: e.portalId,
      event_id: e.eventId,
      occurred_at: new Date(e.occurredAt).toISOString(),
      payload: e,
    }))
    try {
      await deps.db.execute(sql`
        insert into crm_webhook_events (provider, account_id, event_id, occurred_at, payload)
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as v(provider text, account_id text, event_id text, occurred_at timestamptz, payload jsonb)
        on conflict (provider, account_id, event_id) do nothing`)
    } catch (error) {
      deps.logger.error({ err: (error as Error).message }, 'could not store a HubSpot delivery')
      throw new ApiError('unavailable', 'The delivery could not be stored; HubSpot will redeliver it.')
    }
    deps.crmSync?.wake()
    return c.json({ received: rows.length }, 200)
  })
  return app
}
