import type { CrmChangeNotifications, CrmProvider } from '../../crm/provider'
import type { AppDeps } from '../app-env'
import { publicUrl } from '../auth'
import { ApiError } from '../errors'
import { errorResponse, newRouter, z } from '../openapi'

/**
 * `POST /webhooks/{crm}`: change notifications of every registered CRM that sends them (an
 * unknown CRM answers the 404 envelope). The provider verifies the delivery and splits it into
 * events; they are stored through the one CRM event writer (one row per event, redeliveries of
 * an event id change nothing) and only then acknowledged. The sync worker applies them.
 */
export function crmWebhookRoutes(deps: AppDeps) {
  const app = newRouter()
  for (const name of deps.crm.names()) {
    const provider = deps.crm.get(name)
    if (provider.changes) addProviderRoute(app, deps, provider, provider.changes)
  }
  return app
}

function addProviderRoute(
  app: ReturnType<typeof newRouter>,
  deps: AppDeps,
  provider: CrmProvider,
  changes: CrmChangeNotifications,
): void {
  const path = `/webhooks/${provider.name}`
  app.openAPIRegistry.registerPath({
    method: 'post',
    path,
    tags: ['webhooks'],
    summary: `${provider.label} change notifications, signed by ${provider.label}`,
    request: { body: { content: { 'application/json': { schema: z.unknown() } } } },
    responses: {
      200: {
        description: 'Stored',
        content: { 'application/json': { schema: z.object({ received: z.number() }) } },
      },
      400: errorResponse(`Not a ${provider.label} delivery`),
      401: errorResponse('Missing, wrong or stale signature'),
    },
  })

  app.post(path, async (c) => {
    const tooLarge = `A ${provider.label} delivery is at most ${sizeOf(changes.maxBytes)}.`
    if (Number(c.req.header('content-length') ?? 0) > changes.maxBytes)
      throw new ApiError('payload_too_large', tooLarge)
    const body = await c.req.text()
    if (body.length > changes.maxBytes) throw new ApiError('payload_too_large', tooLarge)
    await changes.verify(
      {
        method: c.req.method,
        url: publicUrl(c.req.url, deps.config.PUBLIC_URL),
        header: (name) => c.req.header(name),
        query: (name) => c.req.query(name),
        body: async () => body,
      },
      body,
    )
    const events = changes.parse(body)
    try {
      await deps.crmEvents.append(provider.name, events)
    } catch (error) {
      deps.logger.error({ err: (error as Error).message }, `could not store a ${provider.name} delivery`)
      throw new ApiError(
        'unavailable',
        `The delivery could not be stored; ${provider.label} will redeliver it.`,
      )
    }
    deps.crmSync?.wake()
    return c.json({ received: events.length }, 200)
  })
}

function sizeOf(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${Math.round(bytes / 1024)} KB`
}
