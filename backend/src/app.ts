import { bodyLimit } from 'hono/body-limit'
import { requestId } from 'hono/request-id'
import type { AppDeps } from './api/app-env'
import { auditTrail } from './api/audit-trail'
import { adminOnly, apiAuth } from './api/auth'
import { ApiError, errorHandler, renderError } from './api/errors'
import { httpMetrics } from './api/http-metrics'
import { newRouter } from './api/openapi'
import { adminConsoleRoutes } from './api/routes/admin-console'
import { alertRoutes } from './api/routes/alerts'
import { analyticsSettingsRoutes } from './api/routes/analytics-settings'
import { apiKeyRoutes } from './api/routes/api-keys'
import { auditRoutes } from './api/routes/audit'
import { automationRunRoutes } from './api/routes/automation-runs'
import { automationSettingsRoutes } from './api/routes/automation-settings'
import { broadcastRoutes } from './api/routes/broadcasts'
import { cardKeyRoutes } from './api/routes/card-key'
import { catalogRoutes } from './api/routes/catalog'
import { channelLimitRoutes } from './api/routes/channel-limits'
import { channelRoutes } from './api/routes/channels'
import { classifyRoutes } from './api/routes/classify'
import { connectionLifecycleRoutes } from './api/routes/connection-lifecycle'
import { connectionRoutes } from './api/routes/connections'
import { consoleSessionRoutes } from './api/routes/console-session'
import { contactChurnRoutes } from './api/routes/contact-churn'
import { contactFieldRoutes } from './api/routes/contact-fields'
import { contactSearchRoutes } from './api/routes/contact-search'
import { contactTagRoutes } from './api/routes/contact-tags'
import { contactRoutes } from './api/routes/contacts'
import { correctionRoutes } from './api/routes/corrections'
import { crmMappingRoutes } from './api/routes/crm-mapping'
import { crmOAuthRoutes } from './api/routes/crm-oauth'
import { crmPropertyRoutes } from './api/routes/crm-properties'
import { crmReviewRoutes } from './api/routes/crm-review'
import { crmStorageRoutes } from './api/routes/crm-storage'
import { crmSyncRoutes } from './api/routes/crm-sync'
import { crmWebhookRoutes } from './api/routes/crm-webhook'
import { deadLetterRoutes } from './api/routes/dead-letters'
import { discountCodeRoutes } from './api/routes/discount-codes'
import { docsRoutes } from './api/routes/docs'
import { duplicateRoutes } from './api/routes/duplicates'
import { erasureRoutes } from './api/routes/erasures'
import { eventSubscriptionRoutes } from './api/routes/event-subscriptions'
import { healthRoutes } from './api/routes/health'
import { localeSettingsRoutes } from './api/routes/locale-settings'
import { mediaRoutes } from './api/routes/media'
import { MEDIA_UPLOAD_PATH, mediaUploadRoutes } from './api/routes/media-upload'
import { messageRoutes } from './api/routes/messages'
import { metricsRoutes } from './api/routes/metrics'
import { describeOperationalRoutes } from './api/routes/operational-docs'
import { orderLookupRoutes } from './api/routes/order-lookup'
import { overviewRoutes } from './api/routes/overview'
import { privacyRoutes } from './api/routes/privacy'
import { quickReplyRoutes } from './api/routes/quick-replies'
import { quickReplyDraftPreviewRoutes } from './api/routes/quick-reply-draft-preview'
import { QUICK_REPLY_PREVIEW_PATH, quickReplyPreviewRoutes } from './api/routes/quick-reply-preview'
import { reportRoutes } from './api/routes/reports'
import { retentionRoutes } from './api/routes/retention'
import { ruleRoutes } from './api/routes/rules'
import { sendingPolicyRoutes } from './api/routes/sending-policy'
import { storeRoutes } from './api/routes/stores'
import { syncAccuracyRoutes } from './api/routes/sync-accuracy'
import { syncDailyRoutes } from './api/routes/sync-daily'
import { templateRoutes } from './api/routes/templates'
import { threadRoutes } from './api/routes/thread'
import { whatsappWebhookRoutes } from './api/routes/whatsapp-webhook'
import { workspaceRoutes } from './api/routes/workspaces'

/** Twice the largest body the API describes (10,000 discount codes in one call). */
const API_BODY_LIMIT_BYTES = 1024 * 1024
/** An upload: WhatsApp's largest file (a 100 MB document) plus the multipart framing. */
const UPLOAD_BODY_LIMIT_BYTES = 101 * 1024 * 1024

/** Builds the HTTP app from its routes; `server.ts` serves it, tests call `app.request()`. */
export function createApp(deps: AppDeps) {
  const app = newRouter()
  app.use(requestId())
  app.use(httpMetrics())
  app.onError(errorHandler(deps.logger))
  app.notFound((c) =>
    renderError(c, new ApiError('not_found', `No route for ${c.req.method} ${c.req.path}.`)),
  )

  app.route('/', healthRoutes(deps))
  app.route('/', metricsRoutes(deps))
  app.route('/', whatsappWebhookRoutes(deps))
  app.route('/', crmWebhookRoutes(deps))
  app.route('/', crmOAuthRoutes(deps))
  app.route('/', mediaRoutes(deps))
  app.route('/', consoleSessionRoutes(deps))
  const apiBodyLimit = bodyLimit({
    maxSize: API_BODY_LIMIT_BYTES,
    onError: (c) =>
      renderError(c, new ApiError('payload_too_large', 'API request bodies are limited to 1 MiB.')),
  })
  const uploadBodyLimit = bodyLimit({
    maxSize: UPLOAD_BODY_LIMIT_BYTES,
    onError: (c) =>
      renderError(
        c,
        new ApiError('payload_too_large', 'Uploads are limited to 100 MB (a WhatsApp document).'),
      ),
  })
  app.use('/api/v1/*', (c, next) =>
    c.req.path === MEDIA_UPLOAD_PATH ? uploadBodyLimit(c, next) : apiBodyLimit(c, next),
  )
  app.use('/api/v1/*', apiAuth(deps.db, deps.config, deps.crm))
  app.use('/api/v1/*', auditTrail(deps.db, deps.logger))
  for (const path of [
    'channels',
    'settings',
    'broadcasts',
    'workspaces',
    'api-keys',
    'dead-letters',
    'unrouted',
    'connections',
    'review',
    'discount-pools',
    'automation',
    'stores',
    'rules',
    'audit',
    'legal-holds',
    'archives',
    'overview',
  ]) {
    app.use(`/api/v1/${path}`, adminOnly())
    app.use(`/api/v1/${path}/*`, adminOnly())
  }
  for (const path of ['templates', 'quick-replies']) {
    app.use(`/api/v1/${path}`, adminOnly({ readsAllowed: true }))
    app.use(`/api/v1/${path}/*`, adminOnly({ readsAllowed: true, readOnlyPosts: QUICK_REPLY_PREVIEW_PATH }))
  }
  app.route('/', channelRoutes(deps))
  app.route('/', threadRoutes(deps))
  app.route('/', deadLetterRoutes(deps))
  app.route('/', workspaceRoutes(deps))
  app.route('/', apiKeyRoutes(deps))
  app.route('/', messageRoutes(deps))
  app.route('/', mediaUploadRoutes(deps))
  app.route('/', templateRoutes(deps))
  app.route('/', sendingPolicyRoutes(deps))
  app.route('/', quickReplyRoutes(deps))
  app.route('/', quickReplyPreviewRoutes(deps))
  app.route('/', quickReplyDraftPreviewRoutes(deps))
  app.route('/', localeSettingsRoutes(deps))
  app.route('/', automationSettingsRoutes(deps))
  app.route('/', storeRoutes(deps))
  app.route('/', channelLimitRoutes(deps))
  app.route('/', contactRoutes(deps))
  app.route('/', contactSearchRoutes(deps))
  app.route('/', contactChurnRoutes(deps))
  app.route('/', broadcastRoutes(deps))
  app.route('/', classifyRoutes(deps))
  app.route('/', correctionRoutes(deps))
  app.route('/', ruleRoutes(deps))
  app.route('/', contactTagRoutes(deps))
  app.route('/', duplicateRoutes(deps))
  app.route('/', connectionRoutes(deps))
  app.route('/', crmMappingRoutes(deps))
  app.route('/', crmPropertyRoutes(deps))
  app.route('/', contactFieldRoutes(deps))
  app.route('/', crmReviewRoutes(deps))
  app.route('/', crmSyncRoutes(deps))
  app.route('/', syncAccuracyRoutes(deps))
  app.route('/', syncDailyRoutes(deps))
  app.route('/', crmStorageRoutes(deps))
  app.route('/', connectionLifecycleRoutes(deps))
  app.route('/', cardKeyRoutes(deps))
  app.route('/', catalogRoutes(deps))
  app.route('/', discountCodeRoutes(deps))
  app.route('/', orderLookupRoutes(deps))
  app.route('/', automationRunRoutes(deps))
  app.route('/', eventSubscriptionRoutes(deps))
  app.route('/', auditRoutes(deps))
  app.route('/', privacyRoutes(deps))
  app.route('/', erasureRoutes(deps))
  app.route('/', reportRoutes(deps))
  app.route('/', alertRoutes(deps))
  app.route('/', analyticsSettingsRoutes(deps))
  app.route('/', retentionRoutes(deps))
  app.route('/', overviewRoutes(deps))

  describeOperationalRoutes(app.openAPIRegistry)
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' })
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'WhatsApp SCRM API',
      version: '0.1.0',
      description:
        'Card, admin and webhook API of the WhatsApp social CRM. Errors use one envelope: { error: { code, message } }.',
    },
  })
  app.route('/', docsRoutes())
  app.route('/', adminConsoleRoutes(deps.consoleDir))
  return app
}

export type App = ReturnType<typeof createApp>
