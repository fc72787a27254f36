import { html } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'

/**
 * The small page an installer sees when a CRM sends them back. Every value goes through
 * hono's `html` template, which escapes it: the CRM's `error_description` comes from the query
 * string and is never rendered as markup.
 */
export interface InstallPage {
  title: string
  lines: string[]
  /** Shown once in a code block (a new workspace's admin key). */
  secret?: { label: string; value: string }
  /** Where to go next (back to the admin console after an install it started). */
  next?: { label: string; href: string }
}

export function renderInstallPage(page: InstallPage): HtmlEscapedString | Promise<HtmlEscapedString> {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${page.title} — WhatsApp SCRM</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; color: #213343; }
      code { display: block; padding: .75rem; background: #f5f8fa; border: 1px solid #cbd6e2; word-break: break-all; }
    </style>
  </head>
  <body>
    <h1>${page.title}</h1>
    ${page.lines.map((line) => html`<p>${line}</p>`)}
    ${page.secret ? html`<p>${page.secret.label}</p><code>${page.secret.value}</code>` : ''}
    ${page.next ? html`<p><a href="${page.next.href}">${page.next.label}</a></p>` : ''}
  </body>
</html>`
}

/** Headers for every install page: never cached (one may hold a key), never framed, no scripts. */
export const INSTALL_PAGE_HEADERS = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
} as const
