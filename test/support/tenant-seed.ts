import { sql } from 'drizzle-orm'
import { expect } from 'vitest'
import { queryRows } from '../../backend/src/db/query-rows'
import type { NumberRef } from '../simulators/whatsapp/envelopes'
import { contactIdOf, customerWrites } from './conversation'
import { registerChannel, type TestRuntime } from './test-runtime'

/** What one workspace holds, split by what another tenant may type and what it may never see. */
export interface SeededTenant {
  workspaceId: string
  key: string
  /** Ids, phones and keys another tenant might send (guessed or leaked): one entry per kind. */
  identifiers: {
    uuid: string[]
    phone: string[]
    phoneNumberId: string[]
    key: string[]
    eventId: string[]
    accountId: string[]
    templateName: string[]
  }
  /** Text only this tenant wrote (names, messages, URLs): no other tenant's answer may hold it. */
  contents: string[]
}

/** A workspace with one of everything, created through the API as its own admin would. */
export async function seedTenant(
  rt: TestRuntime,
  number: NumberRef,
  tag: string,
  phone: string,
): Promise<SeededTenant> {
  const created = await rt.api('/api/v1/workspaces', { method: 'POST', json: { name: `Loja ${tag}` } })
  expect(created.status).toBe(201)
  const { id: workspaceId, api_key: key } = await created.json()
  const call = async (path: string, method: string, json?: unknown) => {
    const res = await rt.api(path, { method, json, key })
    expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300)
    return res.json()
  }
  const contactName = `Cliente Secreta ${tag}`
  const messageText = `pedido secreto ${tag} 8841`

  const channel = (await (await registerChannel(rt, number, 'BR', key)).json()).channel
  await customerWrites(rt, number, { waId: phone.slice(1), name: contactName }, messageText)
  const contactId = await contactIdOf(rt, phone, key)
  await call(`/api/v1/contacts/${contactId}`, 'PATCH', { attributes: { city: `Cidade ${tag}` } })
  const tagKey = `vip_${tag}`
  await call(`/api/v1/contacts/${contactId}/tags`, 'POST', { key: tagKey, label: `Etiqueta ${tag}` })
  const sent = await call('/api/v1/messages', 'POST', {
    phone,
    content: { type: 'text', text: `resposta secreta ${tag}` },
  })
  const templateName = `promo_${tag}`
  await call('/api/v1/templates', 'POST', {
    name: templateName,
    language: 'en_US',
    category: 'marketing',
    components: [{ type: 'BODY', text: `Oferta secreta ${tag}` }],
  })
  const quickReply = `qr_${tag}`
  await call(`/api/v1/quick-replies/${quickReply}`, 'PUT', {
    title: `Atalho ${tag}`,
    body: `Resposta pronta ${tag}`,
  })
  const rule = await call('/api/v1/rules', 'POST', {
    key: `rule_${tag}`,
    name: `Regra secreta ${tag}`,
    conditions: { all: [{ type: 'message', match: { text: { terms: { any: [`palavra${tag}`] } } } }] },
    actions: [{ type: 'add_tag', tag: tagKey }],
  })
  const broadcast = await call('/api/v1/broadcasts', 'POST', {
    name: `Campanha secreta ${tag}`,
    channel_id: channel.id,
    template: { name: templateName, language: 'en_US' },
    audience: { contact_ids: [contactId] },
  })
  const accountId = `90${tag.charCodeAt(0)}77`
  const connection = await call('/api/v1/connections', 'POST', { provider: 'hubspot', account_id: accountId })
  const store = await call('/api/v1/stores', 'POST', { name: `Loja física ${tag}`, address: `Rua ${tag}, 1` })
  const sku = `SKU-${tag}-1`
  await call(`/api/v1/catalog/${sku}`, 'PUT', { name: `Produto secreto ${tag}` })
  const pool = `pool_${tag}`
  const code = `CODE${tag}2026`
  await call(`/api/v1/discount-pools/${pool}/codes`, 'POST', { codes: [code] })
  const lookupUrl = `https://orders-${tag}.example.test/lookup`
  await call('/api/v1/settings/order-lookup', 'PUT', { url: lookupUrl, secret: `s3cret-${tag}-0123456789` })

  const events = await queryRows<{ id: string }>(
    rt.db.db,
    sql`select id::text as id from webhook_events where routing_keys @> array[${number.phoneNumberId}]::text[]`,
  )
  return {
    workspaceId,
    key,
    identifiers: {
      uuid: [
        contactId,
        channel.id,
        sent.message_id,
        rule.id,
        broadcast.id,
        connection.id,
        store.store?.id ?? store.id,
        workspaceId,
      ].filter((v): v is string => typeof v === 'string' && v.length === 36),
      phone: [phone, `+${number.displayPhoneNumber}`],
      phoneNumberId: [number.phoneNumberId],
      key: [tagKey, quickReply, sku, pool, code, `rule_${tag}`],
      eventId: events.map((e) => e.id),
      accountId: [accountId],
      templateName: [templateName],
    },
    contents: [
      contactName,
      messageText,
      `Cidade ${tag}`,
      `Etiqueta ${tag}`,
      `resposta secreta ${tag}`,
      `Oferta secreta ${tag}`,
      `Resposta pronta ${tag}`,
      `Regra secreta ${tag}`,
      `Campanha secreta ${tag}`,
      `Loja física ${tag}`,
      `Produto secreto ${tag}`,
      lookupUrl,
      `s3cret-${tag}`,
    ],
  }
}

/**
 * Every row a workspace owns, as text: tables with a workspace_id column, plus the workspace row,
 * its connections' field mappings and the deliveries routed to its numbers. Equal before and
 * after means nothing of it changed.
 */
export async function tenantSnapshot(rt: TestRuntime, workspaceId: string): Promise<Record<string, string>> {
  const tables = await queryRows<{ table_name: string }>(
    rt.db.db,
    sql`select table_name from information_schema.columns
        where table_schema = 'public' and column_name = 'workspace_id' order by table_name`,
  )
  const snapshot: Record<string, string> = {}
  const take = async (name: string, query: ReturnType<typeof sql>) => {
    const [row] = await queryRows<{ rows: string | null }>(rt.db.db, query)
    snapshot[name] = row?.rows ?? '[]'
  }
  for (const { table_name } of tables) {
    await take(
      table_name,
      sql`select json_agg(t order by t::text)::text as rows from ${sql.identifier(table_name)} t
          where t.workspace_id = ${workspaceId}`,
    )
  }
  await take('workspaces', sql`select json_agg(t)::text as rows from workspaces t where id = ${workspaceId}`)
  await take(
    'crm_field_mappings',
    sql`select json_agg(m order by m::text)::text as rows from crm_field_mappings m
        join crm_connections c on c.id = m.connection_id where c.workspace_id = ${workspaceId}`,
  )
  await take(
    'webhook_events',
    sql`select json_agg(e order by e.id)::text as rows from webhook_events e
        where exists (select 1 from whatsapp_channels c
                      where c.workspace_id = ${workspaceId} and e.routing_keys @> array[c.phone_number_id]::text[])`,
  )
  return snapshot
}
