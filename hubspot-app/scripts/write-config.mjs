#!/usr/bin/env node
// `npm run hubspot:config`: points the HubSpot project at the backend before `hs project upload`.
// Reads SCRM_BACKEND_URL (https, not localhost) and writes it into
//   - src/app/app-hsmeta.json: permittedUrls.fetch (the origin hubspot.fetch may call) and the
//     OAuth redirect URL (the backend's HubSpot callback);
//   - src/app/webhooks/webhooks-hsmeta.json: where HubSpot delivers contact change notifications;
//   - src/app/cards/config/backend-url.ts: the constant the card calls.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export const OAUTH_CALLBACK_PATH = '/oauth/hubspot/callback'
export const WEBHOOK_PATH = '/webhooks/hubspot'
const APP_META = join('src', 'app', 'app-hsmeta.json')
const WEBHOOKS_META = join('src', 'app', 'webhooks', 'webhooks-hsmeta.json')
const CARD_CONSTANT = join('src', 'app', 'cards', 'config', 'backend-url.ts')

/** Checks the URL; returns the base (no trailing slash) and its origin, or throws with a reason. */
export function parseBackendUrl(raw) {
  if (!raw) throw new Error('SCRM_BACKEND_URL is not set (e.g. SCRM_BACKEND_URL=https://api.example.com)')
  let url
  try {
    url = new URL(raw.trim())
  } catch {
    throw new Error(`SCRM_BACKEND_URL "${raw}" is not an absolute URL`)
  }
  if (url.protocol !== 'https:')
    throw new Error(`SCRM_BACKEND_URL must use https (hubspot.fetch refuses ${url.protocol})`)
  if (['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) {
    throw new Error(
      'SCRM_BACKEND_URL must not be localhost: use local.json to proxy a local backend in `hs project dev`',
    )
  }
  if (url.search || url.hash) throw new Error('SCRM_BACKEND_URL must not carry a query or a fragment')
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`
  return { base, origin: url.origin }
}

/** The app config with the backend written in; everything else is kept as it is. */
export function applyToAppMeta(meta, { base, origin }) {
  const config = meta.config ?? {}
  return {
    ...meta,
    config: {
      ...config,
      auth: { ...config.auth, redirectUrls: [`${base}${OAUTH_CALLBACK_PATH}`] },
      permittedUrls: {
        fetch: [origin],
        iframe: config.permittedUrls?.iframe ?? [],
        img: config.permittedUrls?.img ?? [],
      },
    },
  }
}

/** The webhooks config with the backend's receiver as target; subscriptions are kept. */
export function applyToWebhooksMeta(meta, { base }) {
  const config = meta.config ?? {}
  return {
    ...meta,
    config: { ...config, settings: { ...config.settings, targetUrl: `${base}${WEBHOOK_PATH}` } },
  }
}

export function cardConstantSource(base) {
  return [
    '// Written by `npm run hubspot:config` (hubspot-app/scripts/write-config.mjs) from SCRM_BACKEND_URL.',
    '// Keep it in step with `permittedUrls.fetch` in ../../app-hsmeta.json; the script writes both.',
    `export const BACKEND_URL = '${base.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
    '',
  ].join('\n')
}

/** JSON as the repo's formatter writes it: two spaces, short lists of strings on one line. */
export function toJson(value) {
  const text = JSON.stringify(value, null, 2).replace(
    /^( *)("[^"]+": )?\[\n((?: *"(?:[^"\\]|\\.)*",?\n)+) *\]/gm,
    (whole, indent, key = '', items) => {
      const line = `${indent}${key}[${items.trim().split(/,\n */).join(', ')}]`
      return line.length <= 110 ? line : whole
    },
  )
  return `${text}\n`
}

/** Writes both files under `projectRoot` (the folder holding hsproject.json). */
export function writeConfig(projectRoot, rawUrl) {
  const target = parseBackendUrl(rawUrl)
  const metaPath = join(projectRoot, APP_META)
  const meta = JSON.parse(readFileSync(metaPath, 'utf8'))
  writeFileSync(metaPath, toJson(applyToAppMeta(meta, target)))
  const webhooksPath = join(projectRoot, WEBHOOKS_META)
  if (existsSync(webhooksPath)) {
    const webhooks = JSON.parse(readFileSync(webhooksPath, 'utf8'))
    writeFileSync(webhooksPath, toJson(applyToWebhooksMeta(webhooks, target)))
  }
  writeFileSync(join(projectRoot, CARD_CONSTANT), cardConstantSource(target.base))
  return target
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const projectRoot = join(import.meta.dirname, '..')
  try {
    const { base, origin } = writeConfig(projectRoot, process.env.SCRM_BACKEND_URL)
    console.log(`HubSpot app now calls ${base} (permittedUrls.fetch: ${origin}).`)
    console.log('Next: cd hubspot-app && hs project upload')
  } catch (error) {
    console.error(String(error instanceof Error ? error.message : error))
    process.exit(1)
  }
}
