import { createRoute } from '@hono/zod-openapi'
import type { Context } from 'hono'
import {
  completeHubspotInstall,
  HubspotAuthError,
  hubspotOAuthSettings,
  InstallError,
  type InstallResult,
  startHubspotInstall,
} from '../../crm/hubspot/oauth'
import {
  INSTALL_PAGE_HEADERS,
  type InstallPage,
  renderInstallPage,
} from '../../crm/hubspot/oauth/install-page'
import { consumeInstallState } from '../../crm/hubspot/oauth/install-state'
import { DomainError } from '../../lib/errors'
import type { AppDeps, AppEnv } from '../app-env'
import { ApiError, renderError, statusOf } from '../errors'
import { errorResponse, newRouter, z } from '../openapi'

const htmlPage = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } })

const install = createRoute({
  method: 'get',
  path: '/oauth/hubspot/install',
  tags: ['oauth'],
  summary: "Start installing the HubSpot app (the marketplace listing's install URL)",
  description:
    'Redirects to HubSpot’s authorize page with the required scopes and a one-time state valid for 10 minutes. A portal installed this way for the first time gets a workspace of its own; to attach a portal to an existing workspace, use POST /api/v1/connections/hubspot/install.',
  responses: {
    302: { description: 'To HubSpot’s authorize page' },
    503: errorResponse('HUBSPOT_CLIENT_ID / HUBSPOT_CLIENT_SECRET are not set'),
  },
})

const callbackQuery = z.object({
  code: z.string().max(2048).optional(),
  state: z.string().max(512).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(2048).optional(),
})

const installedView = z.object({
  connection_id: z.string(),
  portal_id: z.string(),
  workspace_id: z.string(),
  new_connection: z.boolean(),
  scopes: z.array(z.string()),
  setup_error: z.string().nullable(),
  workspace: z.object({ id: z.string(), name: z.string(), api_key: z.string() }).nullable(),
})

const callback = createRoute({
  method: 'get',
  path: '/oauth/hubspot/callback',
  tags: ['oauth'],
  summary: 'Where HubSpot sends the installer back: exchanges the code and stores the connection',
  description:
    'Answers an HTML page, or JSON when the request accepts only application/json. Safe to repeat: a portal installed again keeps its one connection, with new tokens.',
  request: { query: callbackQuery },
  responses: {
    200: {
      description: 'Installed',
      content: { 'text/html': { schema: z.string() }, 'application/json': { schema: installedView } },
    },
    302: { description: 'Installed; to HUBSPOT_INSTALL_SUCCESS_URL' },
    400: htmlPage('Cancelled in HubSpot, or the state/code is missing, expired or already used'),
    409: htmlPage('The portal belongs to another workspace'),
    503: htmlPage('HubSpot unreachable, or the app is not configured'),
  },
})

/** The marketplace install and its callback; pages for browsers, the error envelope for API clients. */
export function oauthHubspotRoutes(deps: AppDeps) {
  const app = newRouter()

  app.openapi(install, async (c) => {
    try {
      const { url } = await startHubspotInstall(deps, { workspaceId: null, requestUrl: c.req.url })
      return c.redirect(url, 302)
    } catch (error) {
      return answerFailure(c, error)
    }
  })

  app.openapi(callback, async (c) => {
    const q = c.req.valid('query')
    if (q.error) {
      // The installer said no (or HubSpot refused): the state is spent either way.
      if (q.state) await consumeInstallState(deps.db, q.state)
      const cancelled = q.error === 'access_denied'
      return answer(c, new ApiError('bad_request', hubspotRefusal(q.error, q.error_description)), {
        title: cancelled ? 'Installation cancelled' : 'HubSpot did not install the app',
        lines: [
          hubspotRefusal(q.error, q.error_description),
          'Start the installation again when you are ready.',
        ],
      })
    }
    if (!q.code || !q.state)
      return answerFailure(
        c,
        new ApiError(
          'bad_request',
          'The callback needs the code and state HubSpot sends; start the installation again.',
        ),
      )
    try {
      const result = await completeHubspotInstall(deps, deps.hubspotInstall, {
        code: q.code,
        state: q.state,
        requestUrl: c.req.url,
      })
      return answerInstalled(c, deps, result)
    } catch (error) {
      if (error instanceof InstallError || error instanceof HubspotAuthError)
        deps.logger.warn(
          { component: 'hubspot-oauth', reason: error.reason, err: error.message },
          'hubspot install failed',
        )
      return answerFailure(c, error)
    }
  })

  return app
}

function hubspotRefusal(error: string, description: string | undefined): string {
  if (error === 'access_denied') return 'The app was not installed: access was denied in HubSpot.'
  return `HubSpot answered "${error}"${description ? `: ${description}` : ''}.`
}

function answerInstalled(c: Context<AppEnv>, deps: AppDeps, r: InstallResult): Response | Promise<Response> {
  if (wantsJson(c))
    return c.json(
      {
        connection_id: r.connectionId,
        portal_id: r.portalId,
        workspace_id: r.workspaceId,
        new_connection: r.newConnection,
        scopes: r.scopes,
        setup_error: r.setupError,
        workspace: r.newWorkspace
          ? { id: r.newWorkspace.id, name: r.newWorkspace.name, api_key: r.newWorkspace.apiKey }
          : null,
      },
      200,
      INSTALL_PAGE_HEADERS,
    )
  const successUrl = hubspotOAuthSettings(deps.config).successUrl
  // A new workspace's key can only be shown on our own page: a URL would leak it to logs and referrers.
  if (successUrl && !r.newWorkspace) {
    const to = new URL(successUrl)
    to.searchParams.set('portal_id', r.portalId)
    to.searchParams.set('connection_id', r.connectionId)
    to.searchParams.set('status', r.setupError ? 'setup_failed' : 'installed')
    return c.redirect(to.toString(), 302)
  }
  const lines = [
    r.newConnection
      ? `WhatsApp SCRM is connected to HubSpot portal ${r.portalId}.`
      : `WhatsApp SCRM is connected to HubSpot portal ${r.portalId} again, with fresh authorization.`,
  ]
  if (r.setupError)
    lines.push(
      `${r.setupError}. The connection is saved; an admin can see this error in GET /api/v1/connections.`,
    )
  lines.push('You can close this window.')
  return c.html(
    renderInstallPage({
      title: r.setupError ? 'Installed, with a problem' : 'Installed',
      lines,
      secret: r.newWorkspace
        ? {
            label: `A workspace "${r.newWorkspace.name}" was created for this portal. Its admin API key is shown only this once — store it now; it manages WhatsApp numbers, rules and field mapping:`,
            value: r.newWorkspace.apiKey,
          }
        : undefined,
    }),
    200,
    INSTALL_PAGE_HEADERS,
  )
}

function answerFailure(c: Context<AppEnv>, error: unknown): Response | Promise<Response> {
  const failure = toApiError(error)
  const titles: Partial<Record<ApiError['code'], string>> = {
    bad_request: 'Installation failed',
    conflict: 'Portal already connected',
    unavailable: 'HubSpot is not answering',
    not_configured: 'The HubSpot app is not configured',
  }
  return answer(c, failure, {
    title: titles[failure.code] ?? 'Installation failed',
    lines: [failure.message],
  })
}

function toApiError(error: unknown): DomainError {
  if (error instanceof DomainError) return error
  if (error instanceof InstallError)
    return new ApiError(error.reason === 'invalid_state' ? 'bad_request' : 'conflict', error.message)
  if (error instanceof HubspotAuthError) {
    switch (error.reason) {
      case 'grant_rejected':
        return new ApiError(
          'bad_request',
          'HubSpot refused the authorization code (expired or already used). Start the installation again.',
        )
      case 'not_configured':
        return new ApiError('not_configured', error.message)
      case 'client_rejected':
        return new ApiError(
          'not_configured',
          'HubSpot refused this server’s app credentials; the operator must check HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET.',
        )
      default:
        return new ApiError(
          'unavailable',
          'HubSpot could not complete the installation right now. Try again in a minute.',
        )
    }
  }
  throw error
}

function answer(c: Context<AppEnv>, error: DomainError, page: InstallPage): Response | Promise<Response> {
  if (wantsJson(c)) return renderError(c, error)
  return c.html(renderInstallPage(page), statusOf(error.code), INSTALL_PAGE_HEADERS)
}

/** API clients (and tests) that accept only JSON get the envelope; browsers get a page. */
function wantsJson(c: Context<AppEnv>): boolean {
  const accept = c.req.header('accept') ?? ''
  return accept.includes('application/json') && !accept.includes('text/html')
}
