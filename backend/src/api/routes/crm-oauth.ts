import { createRoute } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { completeInstall, consumeInstallState, type InstallResult, startInstall } from '../../crm/oauth'
import type { CrmProvider } from '../../crm/provider'
import { DomainError } from '../../lib/errors'
import type { AppDeps, AppEnv } from '../app-env'
import { ApiError, renderError, statusOf } from '../errors'
import { INSTALL_PAGE_HEADERS, type InstallPage, renderInstallPage } from '../install-page'
import { errorResponse, newRouter, z } from '../openapi'

const htmlPage = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } })

/** One documented route per registered CRM (an unknown one answers the 404 envelope). */
const installRoute = (provider: CrmProvider) =>
  createRoute({
    method: 'get',
    path: `/oauth/${provider.name}/install`,
    tags: ['oauth'],
    summary: `Start installing the ${provider.label} app (the marketplace listing's install URL)`,
    description: `Redirects to ${provider.label}’s authorize page with the required scopes and a one-time state valid for 10 minutes. An account installed this way for the first time gets a workspace of its own; to attach one to an existing workspace, use POST /api/v1/connections/${provider.name}/install.`,
    responses: {
      302: { description: `To ${provider.label}’s authorize page` },
      503: errorResponse(`${provider.oauth.credentialSettings} are not set`),
    },
  })

const callbackQuery = z.object({
  code: z.string().max(2048).optional(),
  state: z.string().max(512).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(2048).optional(),
  /** Zoho: the org's data centre and its accounts server, where the code must be traded. */
  location: z.string().max(32).optional(),
  'accounts-server': z.string().max(256).optional(),
})

const installedView = z.object({
  connection_id: z.string(),
  account_id: z.string(),
  /** The account id under the name the first install answers used, kept for existing clients. */
  portal_id: z.string(),
  workspace_id: z.string(),
  new_connection: z.boolean(),
  scopes: z.array(z.string()),
  setup_error: z.string().nullable(),
  workspace: z.object({ id: z.string(), name: z.string(), api_key: z.string() }).nullable(),
})

const callbackRoute = (provider: CrmProvider) =>
  createRoute({
    method: 'get',
    path: `/oauth/${provider.name}/callback`,
    tags: ['oauth'],
    summary: `Where ${provider.label} sends the installer back: exchanges the code and stores the connection`,
    description:
      'Answers an HTML page, or JSON when the request accepts only application/json. Safe to repeat: an account installed again keeps its one connection, with new tokens.',
    request: { query: callbackQuery },
    responses: {
      200: {
        description: 'Installed',
        content: { 'text/html': { schema: z.string() }, 'application/json': { schema: installedView } },
      },
      302: { description: 'Installed; to the install success URL' },
      400: htmlPage(`Cancelled in ${provider.label}, or the state/code is missing, expired or already used`),
      409: htmlPage('The account belongs to another workspace'),
      503: htmlPage(`${provider.label} unreachable, or the app is not configured`),
    },
  })

/** The marketplace install and its callback, for every registered CRM; pages for browsers, the error envelope for API clients. */
export function crmOAuthRoutes(deps: AppDeps) {
  const app = newRouter()

  for (const name of deps.crm.names()) addProviderRoutes(app, deps, deps.crm.get(name))
  return app
}

function addProviderRoutes(app: ReturnType<typeof newRouter>, deps: AppDeps, provider: CrmProvider): void {
  app.openapi(installRoute(provider), async (c) => {
    try {
      const { url } = await startInstall(deps, provider, {
        workspaceId: null,
        requestUrl: c.req.url,
        query: (name) => c.req.query(name),
      })
      return c.redirect(url, 302)
    } catch (error) {
      return answerFailure(c, provider, error)
    }
  })

  app.openapi(callbackRoute(provider), async (c) => {
    const q = c.req.valid('query')
    if (q.error) {
      // The installer said no (or the CRM refused): the state is spent either way.
      if (q.state) await consumeInstallState(deps.db, provider.name, q.state)
      const cancelled = q.error === 'access_denied'
      const refusal = refusalOf(provider, q.error, q.error_description)
      return answer(c, new ApiError('bad_request', refusal), {
        title: cancelled ? 'Installation cancelled' : `${provider.label} did not install the app`,
        lines: [refusal, 'Start the installation again when you are ready.'],
      })
    }
    if (!q.code || !q.state)
      return answerFailure(
        c,
        provider,
        new ApiError(
          'bad_request',
          `The callback needs the code and state ${provider.label} sends; start the installation again.`,
        ),
      )
    try {
      const result = await completeInstall(deps, provider, deps.crmInstall, {
        code: q.code,
        state: q.state,
        requestUrl: c.req.url,
        query: (name) => c.req.query(name),
      })
      return answerInstalled(c, provider, result)
    } catch (error) {
      if (error instanceof DomainError && error.reason)
        deps.logger.warn(
          { component: 'crm-oauth', provider: provider.name, reason: error.reason, err: error.message },
          `${provider.name} install failed`,
        )
      return answerFailure(c, provider, error)
    }
  })
}

function refusalOf(provider: CrmProvider, error: string, description: string | undefined): string {
  if (error === 'access_denied') return `The app was not installed: access was denied in ${provider.label}.`
  return `${provider.label} answered "${error}"${description ? `: ${description}` : ''}.`
}

function answerInstalled(
  c: Context<AppEnv>,
  provider: CrmProvider,
  r: InstallResult,
): Response | Promise<Response> {
  if (wantsJson(c))
    return c.json(
      {
        connection_id: r.connectionId,
        account_id: r.accountId,
        portal_id: r.accountId,
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
  const successUrl = provider.oauth.successUrl()
  // A new workspace's key can only be shown on our own page: a URL would leak it to logs and referrers.
  if (successUrl && !r.newWorkspace) {
    const to = new URL(successUrl)
    to.searchParams.set('portal_id', r.accountId)
    to.searchParams.set('connection_id', r.connectionId)
    to.searchParams.set('status', r.setupError ? 'setup_failed' : 'installed')
    return c.redirect(to.toString(), 302)
  }
  const account = provider.accountLabel(r.accountId)
  const lines = [
    r.newConnection
      ? `WhatsApp SCRM is connected to ${account}.`
      : `WhatsApp SCRM is connected to ${account} again, with fresh authorization.`,
  ]
  if (r.setupError)
    lines.push(
      `${r.setupError}. The connection is saved; an admin can see this error in GET /api/v1/connections.`,
    )
  if (r.newWorkspace) lines.push('You can close this window.')
  return c.html(
    renderInstallPage({
      title: r.setupError ? 'Installed, with a problem' : 'Installed',
      lines,
      secret: r.newWorkspace
        ? {
            label: `A workspace "${r.newWorkspace.name}" was created for this account. Its admin API key is shown only this once — store it now; it manages WhatsApp numbers, rules and field mapping:`,
            value: r.newWorkspace.apiKey,
          }
        : undefined,
      // An existing workspace's admin most likely started here from the console's install button.
      next: r.newWorkspace ? undefined : { label: 'Back to the admin console', href: '/admin/connections' },
    }),
    200,
    INSTALL_PAGE_HEADERS,
  )
}

function answerFailure(
  c: Context<AppEnv>,
  provider: CrmProvider,
  error: unknown,
): Response | Promise<Response> {
  if (!(error instanceof DomainError)) throw error
  const titles: Partial<Record<DomainError['code'], string>> = {
    bad_request: 'Installation failed',
    conflict: 'Account already connected',
    unavailable: `${provider.label} is not answering`,
    not_configured: `The ${provider.label} app is not configured`,
  }
  return answer(c, error, { title: titles[error.code] ?? 'Installation failed', lines: [error.message] })
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
