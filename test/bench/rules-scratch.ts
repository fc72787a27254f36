import { sql } from 'drizzle-orm'
import { evaluateRules } from '../../backend/src/automation/rules/evaluate'
import { parseConfig } from '../../backend/src/config'
import { queryRows } from '../../backend/src/db/query-rows'
import { createLogger } from '../../backend/src/lib/logger'
import { startRuntime } from '../../backend/src/runtime'
import { singleText } from '../simulators/whatsapp/envelopes'
import { metaDelivery } from '../simulators/whatsapp/webhook-sender'
import { TEST_ENV, NUMBER_A, registerChannel } from '../support/test-runtime'
import { dropDatabase, recreateDatabase } from './common'

const BODIES = ['Olá! Gostaria de saber o preço do plano anual, por favor.', 'Bom dia, meu pedido #123 ainda não chegou. Podem verificar?', 'Obrigado pelo atendimento 🙏 tudo certo por aqui.', 'Tem desconto no pix?', 'Quero trocar o tamanho da camiseta (M → G) 👕', 'ok']
const url = await recreateDatabase('scrm_rules_scratch')
const config = parseConfig({ ...TEST_ENV, DATABASE_URL: url, DATABASE_DRIVER: 'pg', MIGRATE_ON_START: 'true' })
const rt = await startRuntime(config, createLogger('silent'))
const api = (path: string, json: unknown) => rt.app.request(path, { method: 'POST', headers: { authorization: `Bearer ${config.ADMIN_API_KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(json) })
console.log((await api('/api/v1/channels', { phone_number_id: NUMBER_A.phoneNumberId, display_phone_number: `+${NUMBER_A.displayPhoneNumber}`, default_region: 'US', waba_id: NUMBER_A.wabaId, access_token: 'EAAG-test-token-not-real' })).status)
const CONTACTS = 200, PER = 25
const start = Date.now() - 20 * 86400_000
for (let i = 0; i < CONTACTS * PER; i++) {
  const d = metaDelivery(singleText(NUMBER_A, { waId: `55119870${String(i % CONTACTS).padStart(5, '0')}`, name: 'X' }, BODIES[i % BODIES.length] as string, new Date(start + i * 60_000)), config.WHATSAPP_APP_SECRET as string)
  const r = await rt.app.request('/webhooks/whatsapp', { method: 'POST', body: d.body, headers: d.headers }); if (i === 0) console.log('wh', r.status)
  if (i % 1000 === 999) await rt.worker.drain()
}
await rt.worker.drain()
const last = await queryRows<{ id: number; workspace_id: string; contact_id: string; sent_at: string }>(rt.db.db, sql`select distinct on (contact_id) id, workspace_id, contact_id, sent_at from messages order by contact_id, sent_at desc`)
const batch = last.map((r) => ({ id: Number(r.id), workspaceId: r.workspace_id, contactId: r.contact_id, sentAt: new Date(r.sent_at) }))
const { Session } = await import('node:inspector/promises')
const { writeFileSync } = await import('node:fs')
const session = new Session(); session.connect(); await session.post('Profiler.enable'); await session.post('Profiler.start')
const times: number[] = []
for (let k = 0; k < 12; k++) {
  const t0 = performance.now()
  await rt.db.db.transaction(async (tx) => { await evaluateRules(tx, batch); throw new Error('rollback') }).catch(() => {})
  times.push(performance.now() - t0)
}
times.sort((a, b) => a - b)
const { profile } = await session.post('Profiler.stop')
writeFileSync('/tmp/rules-scratch/prof.cpuprofile', JSON.stringify(profile))
const { loadHistories } = await import('../../backend/src/automation/rules/history')
const { loadContactStates } = await import('../../backend/src/automation/rules/contact-state')
const { loadEnabledRules } = await import('../../backend/src/automation/rules/rule-store')
const ids = [...new Set(batch.map((b) => b.contactId))]
for (const [name, fn] of [
  ['rules', () => loadEnabledRules(rt.db.db, [batch[0]?.workspaceId as string])],
  ['history', () => loadHistories(rt.db.db, ids, { since: new Date(Date.now() - 36 * 86400_000), until: new Date(), now: new Date() })],
  ['states', () => loadContactStates(rt.db.db, ids)],
] as const) {
  const t: number[] = []
  for (let k = 0; k < 7; k++) { const t0 = performance.now(); await (fn as () => Promise<unknown>)(); t.push(performance.now() - t0) }
  t.sort((a, b) => a - b)
  console.log(name, t[3]?.toFixed(1), 'ms')
}
console.log(`batch of ${batch.length}: median ${times[6]?.toFixed(1)} ms (${((times[6] ?? 0) / batch.length).toFixed(3)} ms/message), min ${times[0]?.toFixed(1)}`)
await rt.close()
await dropDatabase('scrm_rules_scratch')
