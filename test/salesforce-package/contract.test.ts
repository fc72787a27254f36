/**
 * The component reads backend answers with its own loose readers (lwc/waModel), and its tests run
 * on JSON fixtures. These tests pin both to the shared contract the backend answers with: every
 * fixture parses with the shared schemas, what the shared schemas produce is read by the
 * component, and every refusal the backend can give has a label.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { intentSchema, SEND_REFUSALS, sendAcceptedSchema, threadViewSchema } from '@scrm/shared'
import { describe, expect, it } from 'vitest'
import { quickRepliesSchema, templatesSchema } from '../../hubspot-app/src/app/cards/api/schemas'
import {
  CORRECTABLE_INTENTS,
  InvalidAnswer,
  readQuickReplies,
  readTemplates,
  readThread,
} from '../../salesforce-package/force-app/main/default/lwc/waModel/waModel.js'
import { DEFAULT, read } from './sfdx'

const DATA = join(DEFAULT, 'lwc', 'waThread', '__tests__', 'data')
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(DATA, name), 'utf8'))
const threadFixtures = readdirSync(DATA).filter((f) => /^thread.*\.json$/.test(f))

describe('the LWC fixtures follow the backend contract', () => {
  it.each(threadFixtures)('%s is a thread view the backend could answer', (name) => {
    const parsed = threadViewSchema.safeParse(fixture(name))
    expect(parsed.error?.issues ?? []).toEqual([])
  })

  it('the accepted send is what POST /api/v1/messages answers', () => {
    expect(sendAcceptedSchema.safeParse(fixture('send-accepted.json')).error?.issues ?? []).toEqual([])
  })

  it('templates and quick replies have the shapes the HubSpot card reads too', () => {
    expect(templatesSchema.safeParse(fixture('templates.json')).success).toBe(true)
    expect(quickRepliesSchema.safeParse(fixture('quick-replies.json')).success).toBe(true)
  })
})

describe('the component reads what the contract produces', () => {
  it('keeps every message, tag, the window and the archived month of a parsed thread view', () => {
    for (const name of threadFixtures) {
      const view = threadViewSchema.parse(fixture(name))
      const thread = readThread(JSON.parse(JSON.stringify(view)))
      expect(thread.messages.map((m: { id: string }) => m.id)).toEqual(view.messages.map((m) => m.id))
      expect(thread.tags.map((t: { key: string }) => t.key)).toEqual(view.tags.map((t) => t.key))
      expect(thread.window).toEqual(view.window)
      expect(thread.next_cursor).toBe(view.next_cursor)
      expect(thread.contact?.id ?? null).toBe(view.contact?.id ?? null)
      expect(thread.archived_before).toBe(view.archived_before ?? null)
    }
  })

  it('rejects answers that are not a thread view', () => {
    for (const bad of [null, [], { messages: [] }, { window: { state: 'open' }, messages: [{ id: 1 }] }]) {
      expect(() => readThread(bad)).toThrow(InvalidAnswer)
    }
  })

  it('reads templates and quick replies', () => {
    expect(readTemplates(fixture('templates.json')).map((t: { id: string }) => t.id)).toEqual([
      'tpl-1',
      'tpl-2',
      'tpl-3',
    ])
    expect(readQuickReplies(fixture('quick-replies.json')).map((r: { key: string }) => r.key)).toEqual([
      'welcome',
      'thanks',
    ])
  })

  it('explains every refusal the backend can give', () => {
    const labels = read(join(DEFAULT, 'lwc', 'waLabels', 'labels.js'))
    for (const reason of SEND_REFUSALS) expect(labels, reason).toContain(`'refusal.${reason}':`)
  })

  it('reads the duplicate hints, number changes and message intents of a parsed thread view', () => {
    const view = threadViewSchema.parse(fixture('thread.json'))
    const thread = readThread(JSON.parse(JSON.stringify(view)))
    expect(thread.duplicates).toEqual(
      (view.duplicates ?? []).map((d) => ({
        candidate_id: d.candidate_id,
        other: d.other,
        reasons: d.reasons,
      })),
    )
    expect(thread.identity_changes).toEqual(view.identity_changes)
    for (const [i, m] of view.messages.entries()) {
      expect(thread.messages[i].intent?.value ?? null).toBe(m.intent?.value ?? null)
      expect(thread.messages[i].intent?.suggestion ?? false).toBe(m.intent?.suggestion ?? false)
    }
  })

  it('offers, and lets Apex send, exactly the intents the backend accepts', () => {
    expect(CORRECTABLE_INTENTS).toEqual(intentSchema.options)
    const controller = read(join(DEFAULT, 'classes', 'WaThreadController.cls'))
    const set = /INTENTS = new Set<String>\{([^}]*)\}/.exec(controller)?.[1] ?? ''
    expect([...set.matchAll(/'([a-z_]+)'/g)].map((m) => m[1])).toEqual(intentSchema.options)
  })
})
