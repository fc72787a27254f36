/**
 * Offline checks of the HubSpot project files. `hs project validate` needs an account and
 * downloads HubSpot's schemas, so CI checks the fields this project uses with its own schemas:
 * required keys, unique uids, component placement, https-only permitted URLs, non-empty scopes,
 * and that the card calls exactly the backend the app permits.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { CRM_FIELDS } from '../backend/src/crm/fields'
import { defaultHubspotProperty } from '../backend/src/crm/hubspot/hubspot-properties'
import {
  applyToAppMeta,
  applyToWebhooksMeta,
  OAUTH_CALLBACK_PATH,
  parseBackendUrl,
  toJson,
  WEBHOOK_PATH,
  writeConfig,
} from './scripts/write-config.mjs'
import { BACKEND_URL } from './src/app/cards/config/backend-url'

const ROOT = import.meta.dirname
const SRC = join(ROOT, 'src')

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'))

function hsmetaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return []
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return hsmetaFiles(path)
    return entry.name.endsWith('-hsmeta.json') ? [path] : []
  })
}

const httpsUrl = z.url().refine((value) => {
  const url = new URL(value)
  return url.protocol === 'https:' && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
}, 'must be https and not localhost')
const httpsOrigin = httpsUrl.refine((value) => new URL(value).origin === value, 'must be an origin (no path)')
const uid = z.string().regex(/^[a-z][a-z0-9_]{2,63}$/, 'snake_case uid')

const projectSchema = z.strictObject({
  name: z.string().min(1),
  srcDir: z.literal('src'),
  platformVersion: z.literal('2026.03'),
})

const componentBase = { uid, dependencies: z.unknown().optional(), permissions: z.unknown().optional() }

const scope = z.string().regex(/^[a-z][a-z0-9._-]*$/)
const appSchema = z.strictObject({
  ...componentBase,
  type: z.literal('app'),
  config: z.looseObject({
    name: z.string().min(1),
    description: z.string().min(1),
    distribution: z.literal('marketplace'),
    auth: z.looseObject({
      type: z.literal('oauth'),
      redirectUrls: z.array(httpsUrl).min(1),
      requiredScopes: z.array(scope).min(1),
      optionalScopes: z.array(scope),
      conditionallyRequiredScopes: z.array(scope),
    }),
    permittedUrls: z.strictObject({
      fetch: z.array(httpsOrigin).min(1),
      iframe: z.array(httpsUrl),
      img: z.array(httpsUrl),
    }),
    support: z.looseObject({
      supportEmail: z.email(),
      documentationUrl: httpsUrl,
      supportUrl: httpsUrl,
      supportPhone: z.string().min(5),
    }),
  }),
})

const cardSchema = z.strictObject({
  ...componentBase,
  type: z.literal('card'),
  config: z.looseObject({
    name: z.string().min(1),
    description: z.string().optional(),
    location: z.enum(['crm.record.tab', 'crm.record.sidebar', 'crm.preview', 'helpdesk.sidebar']),
    entrypoint: z.string().regex(/^\/app\/cards\/[\w-]+\.(tsx|jsx)$/),
    objectTypes: z.array(z.string()).min(1),
  }),
})

const webhooksSchema = z.strictObject({
  ...componentBase,
  type: z.literal('webhooks'),
  config: z.strictObject({
    settings: z.strictObject({ targetUrl: httpsUrl, maxConcurrentRequests: z.number().int().min(5).max(20) }),
    subscriptions: z.strictObject({
      legacyCrmObjects: z
        .array(
          z.strictObject({
            subscriptionType: z.enum([
              'contact.creation',
              'contact.deletion',
              'contact.merge',
              'contact.propertyChange',
            ]),
            propertyName: z.string().optional(),
            active: z.boolean(),
          }),
        )
        .min(1),
      hubEvents: z.array(
        z.strictObject({ subscriptionType: z.literal('contact.privacyDeletion'), active: z.boolean() }),
      ),
    }),
  }),
})

const componentSchema = z.discriminatedUnion('type', [appSchema, cardSchema, webhooksSchema])
/** Where each component type must live (relative to src/), no nesting below it. */
const FOLDER: Record<string, string> = { app: 'app', card: 'app/cards', webhooks: 'app/webhooks' }

const files = hsmetaFiles(SRC)
const components = files.map((path) => ({
  path,
  rel: relative(SRC, path),
  meta: componentSchema.parse(readJson(path)),
}))
const app = components.find((c) => c.meta.type === 'app')?.meta as z.infer<typeof appSchema>

describe('HubSpot project files', () => {
  it('hsproject.json targets platform 2026.03 with src/ as source', () => {
    expect(projectSchema.safeParse(readJson(join(ROOT, 'hsproject.json'))).error).toBeUndefined()
  })

  it('every *-hsmeta.json parses, sits in its folder and has a unique uid', () => {
    expect(files.length).toBeGreaterThanOrEqual(2)
    for (const { rel, meta } of components)
      expect(dirname(rel).replaceAll('\\', '/'), rel).toBe(FOLDER[meta.type])
    const uids = components.map((c) => c.meta.uid)
    expect(new Set(uids).size).toBe(uids.length)
    expect(components.filter((c) => c.meta.type === 'app')).toHaveLength(1)
  })

  it('the marketplace app asks for the scopes the backend needs, each once', () => {
    const scopes = [...app.config.auth.requiredScopes, ...app.config.auth.optionalScopes]
    expect(new Set(scopes).size).toBe(scopes.length)
    expect(app.config.auth.requiredScopes).toEqual(
      expect.arrayContaining([
        'oauth',
        'crm.objects.contacts.read',
        'crm.objects.contacts.write',
        'crm.schemas.contacts.read',
        'crm.schemas.contacts.write',
      ]),
    )
  })

  it('the card is a contact-record tab whose entry file exists', () => {
    const cards = components
      .filter((c) => c.meta.type === 'card')
      .map((c) => c.meta as z.infer<typeof cardSchema>)
    expect(cards.length).toBeGreaterThanOrEqual(1)
    for (const card of cards) {
      expect(existsSync(join(SRC, card.config.entrypoint)), card.config.entrypoint).toBe(true)
    }
    const thread = cards.find((c) => c.uid === 'whatsapp_thread_card')
    expect(thread?.config).toMatchObject({ location: 'crm.record.tab', objectTypes: ['contacts'] })
  })

  it('the card calls exactly the backend the app permits, and OAuth returns to it', () => {
    const { base, origin } = parseBackendUrl(BACKEND_URL)
    expect(app.config.permittedUrls.fetch).toEqual([origin])
    expect(app.config.auth.redirectUrls).toEqual([`${base}${OAUTH_CALLBACK_PATH}`])
  })

  it('the cards package pins the ui-extensions version it was tested with and its exact React peer', () => {
    const pkg = z
      .looseObject({ dependencies: z.record(z.string(), z.string()) })
      .parse(readJson(join(SRC, 'app', 'cards', 'package.json')))
    expect(pkg.dependencies['@hubspot/ui-extensions']).toMatch(/^0\.17\.\d+$/)
    expect(pkg.dependencies.react).toBe('18.3.1')
  })
})

describe('HubSpot webhooks', () => {
  const webhooks = components.find((c) => c.meta.type === 'webhooks')?.meta as z.infer<typeof webhooksSchema>

  it('deliver to the backend the card calls', () => {
    expect(webhooks.config.settings.targetUrl).toBe(`${BACKEND_URL}${WEBHOOK_PATH}`)
  })

  it('cover creation, deletion, merge and a change of every field the backend syncs both ways', () => {
    const subs = webhooks.config.subscriptions.legacyCrmObjects
    for (const type of ['contact.creation', 'contact.deletion', 'contact.merge'])
      expect(subs.some((s) => s.subscriptionType === type && s.active)).toBe(true)
    // GDPR deletions: the backend erases its copy of the person.
    expect(webhooks.config.subscriptions.hubEvents).toContainEqual({
      subscriptionType: 'contact.privacyDeletion',
      active: true,
    })
    const watched = subs
      .filter((s) => s.subscriptionType === 'contact.propertyChange')
      .map((s) => s.propertyName)
    const twoWay = CRM_FIELDS.filter((f) => f.direction === 'both').map(
      (f) => defaultHubspotProperty(f).property,
    )
    expect(watched.sort()).toEqual(twoWay.sort())
  })

  it('hubspot:config points them at the new backend and keeps the subscriptions', () => {
    const moved = applyToWebhooksMeta(webhooks, parseBackendUrl('https://api.example.org/scrm'))
    expect(moved.config.settings.targetUrl).toBe('https://api.example.org/scrm/webhooks/hubspot')
    expect(moved.config.subscriptions).toEqual(webhooks.config.subscriptions)
  })
})

describe('npm run hubspot:config', () => {
  it('writes the backend into the app config and the card constant', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hubspot-app-'))
    try {
      cpSync(join(ROOT, 'hsproject.json'), join(dir, 'hsproject.json'))
      cpSync(join(SRC, 'app', 'app-hsmeta.json'), join(dir, 'src', 'app', 'app-hsmeta.json'), {
        recursive: true,
      })
      cpSync(join(SRC, 'app', 'cards', 'config'), join(dir, 'src', 'app', 'cards', 'config'), {
        recursive: true,
      })
      writeConfig(dir, 'https://crm.example.org/scrm/')
      const meta = appSchema.parse(readJson(join(dir, 'src', 'app', 'app-hsmeta.json')))
      expect(meta.config.permittedUrls.fetch).toEqual(['https://crm.example.org'])
      expect(meta.config.auth.redirectUrls).toEqual(['https://crm.example.org/scrm/oauth/hubspot/callback'])
      expect(meta.config.auth.requiredScopes).toEqual(app.config.auth.requiredScopes)
      expect(readFileSync(join(dir, 'src', 'app', 'cards', 'config', 'backend-url.ts'), 'utf8')).toContain(
        "export const BACKEND_URL = 'https://crm.example.org/scrm'",
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it.each([
    [undefined, 'not set'],
    ['http://crm.example.org', 'https'],
    ['https://localhost:3000', 'localhost'],
    ['crm.example.org', 'absolute'],
    ['https://crm.example.org/?x=1', 'query'],
  ])('refuses %s', (url, message) => {
    expect(() => parseBackendUrl(url)).toThrow(message)
  })

  it('writes JSON the way the repo formatter does, so a rerun leaves no formatting diff', () => {
    const path = join(SRC, 'app', 'app-hsmeta.json')
    expect(toJson(readJson(path))).toBe(readFileSync(path, 'utf8'))
  })

  it('keeps unrelated app settings', () => {
    const meta = {
      uid: 'a',
      type: 'app',
      config: { name: 'x', permittedUrls: { img: ['https://img.test'] } },
    }
    expect(applyToAppMeta(meta, { base: 'https://b.test', origin: 'https://b.test' }).config).toEqual({
      name: 'x',
      auth: { redirectUrls: ['https://b.test/oauth/hubspot/callback'] },
      permittedUrls: { iframe: [], img: ['https://img.test'], fetch: ['https://b.test'] },
    })
  })
})
