/**
 * The page an installer sees on app.hubspot.com: `GET /oauth/authorize` (or
 * `/oauth/{accountId}/authorize`, which pins the account) checks the client id, the redirect URI
 * and the scopes, lists the accounts to choose from and a "Connect app" button; choosing sends the
 * browser back to `redirect_uri?code=…&state=…` with a single-use code, or `?error=access_denied`
 * when the installer cancels. Every echoed value goes through hono's escaping `html` template.
 */
import { Hono } from 'hono'
import { html } from 'hono/html'
import type { Ctx, SimEnv } from './http'
import type { SimulatorState } from './state'

/** The account offered when the simulator has none yet (a fresh run, a demo). */
export const FIRST_INSTALL_ACCOUNT = 90_000_001

interface AuthorizeQuery {
  clientId: string
  redirectUri: string
  scopes: string[]
  state: string | undefined
}

function parseQuery(q: Record<string, string>): AuthorizeQuery | string {
  if (!q.client_id) return 'The client_id parameter is missing.'
  const redirectUri = q.redirect_uri ?? ''
  if (!/^https?:\/\//.test(redirectUri)) return 'The redirect_uri parameter is missing or not an http(s) URL.'
  const scopes = (q.scope ?? '').split(/[\s+]+/).filter(Boolean)
  if (scopes.length === 0) return 'The scope parameter is missing.'
  return { clientId: q.client_id, redirectUri, scopes, state: q.state }
}

const page = (title: string, body: unknown) => html`<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>${title} | HubSpot (simulated)</title></head>
  <body>
    <h1>${title}</h1>
    ${body}
  </body>
</html>`

export function authorizeRoutes(state: SimulatorState): Hono<SimEnv> {
  const app = new Hono<SimEnv>()

  const show = (c: Ctx, pinned: number | null) => {
    const query = parseQuery(c.req.query())
    if (typeof query === 'string')
      return c.html(page('Authorization failed', html`<p role="alert">${query}</p>`), 400)
    if (!state.oauth.isClient(query.clientId))
      return c.html(
        page(
          'Authorization failed',
          html`<p role="alert">The app with client ID ${query.clientId} does not exist.</p>`,
        ),
        400,
      )
    const known = [...state.portals.keys()]
    const accounts = pinned ? [pinned] : known.length > 0 ? known : [FIRST_INSTALL_ACCOUNT]
    const hidden = html`<input type="hidden" name="redirect_uri" value="${query.redirectUri}" />
      <input type="hidden" name="scope" value="${query.scopes.join(' ')}" />
      ${query.state === undefined ? '' : html`<input type="hidden" name="state" value="${query.state}" />`}`
    return c.html(
      page(
        'Choose an account',
        html`<form method="post" action="/oauth/authorize/decision">
          ${hidden}
          <fieldset>
            <legend>Install the app in</legend>
            ${accounts.map(
              (id, i) =>
                html`<label><input type="radio" name="account" value="${id}" ${i === 0 ? 'checked' : ''} /> Account ${id}</label><br />`,
            )}
          </fieldset>
          <p>The app asks for: ${query.scopes.join(', ')}</p>
          <button type="submit" name="decision" value="connect">Connect app</button>
          <button type="submit" name="decision" value="cancel">Cancel</button>
        </form>`,
      ),
    )
  }
  app.get('/authorize', (c) => show(c, null))
  app.get('/:accountId{[0-9]+}/authorize', (c) => show(c, Number(c.req.param('accountId'))))

  app.post('/authorize/decision', async (c) => {
    const form = Object.fromEntries(new URLSearchParams(await c.req.text()))
    const redirectUri = form.redirect_uri ?? ''
    if (!/^https?:\/\//.test(redirectUri))
      return c.html(page('Authorization failed', html`<p role="alert">The redirect_uri is missing.</p>`), 400)
    const back = new URL(redirectUri)
    if (form.decision === 'connect' && /^[0-9]+$/.test(form.account ?? '')) {
      const code = state.oauth.authorize(Number(form.account), {
        scopes: (form.scope ?? '').split(' ').filter(Boolean),
        redirectUri,
      })
      back.searchParams.set('code', code)
    } else {
      back.searchParams.set('error', 'access_denied')
      back.searchParams.set('error_description', 'The user cancelled the installation.')
    }
    if (form.state !== undefined) back.searchParams.set('state', form.state)
    return c.redirect(back.toString(), 302)
  })
  return app
}
