import { and, asc, eq, isNotNull } from 'drizzle-orm'
import type { Database } from '../db/client'
import { messageTemplates, whatsappChannels } from '../db/schema'
import { decryptSecret } from '../lib/crypto'
import { type CloudApiConfig, listTemplates } from '../whatsapp/cloud-api-client'

export interface TemplateInput {
  name: string
  language: string
  category: 'marketing' | 'utility' | 'authentication'
  status?: string
  components: unknown[]
  wabaId?: string | null
}

/** Counts the {{n}} variables of a template's body, which every send must fill. */
export function bodyParamCount(components: unknown[]): number {
  const body = (components as { type?: string; text?: string }[]).find(
    (c) => c.type?.toUpperCase() === 'BODY',
  )
  return new Set(body?.text?.match(/\{\{\s*\w+\s*\}\}/g) ?? []).size
}

export async function upsertTemplate(db: Database, workspaceId: string, input: TemplateInput) {
  const values = {
    workspaceId,
    wabaId: input.wabaId ?? null,
    name: input.name,
    language: input.language,
    category: input.category,
    status: input.status ?? 'APPROVED',
    bodyParams: bodyParamCount(input.components),
    components: input.components,
    updatedAt: new Date(),
  }
  const [row] = await db
    .insert(messageTemplates)
    .values(values)
    .onConflictDoUpdate({
      target: [messageTemplates.workspaceId, messageTemplates.name, messageTemplates.language],
      set: values,
    })
    .returning()
  return row
}

export async function listWorkspaceTemplates(db: Database, workspaceId: string) {
  return db
    .select()
    .from(messageTemplates)
    .where(eq(messageTemplates.workspaceId, workspaceId))
    .orderBy(asc(messageTemplates.name), asc(messageTemplates.language))
}

/** Pulls every template of every WABA the workspace's numbers belong to. */
export async function syncTemplates(
  db: Database,
  workspaceId: string,
  api: CloudApiConfig,
  key: Buffer,
): Promise<number> {
  const channels = await db
    .select()
    .from(whatsappChannels)
    .where(
      and(
        eq(whatsappChannels.workspaceId, workspaceId),
        isNotNull(whatsappChannels.wabaId),
        isNotNull(whatsappChannels.accessTokenEnc),
      ),
    )
  const seen = new Set<string>()
  let count = 0
  for (const channel of channels) {
    if (!channel.wabaId || !channel.accessTokenEnc || seen.has(channel.wabaId)) continue
    seen.add(channel.wabaId)
    for (const t of await listTemplates(api, channel.wabaId, decryptSecret(channel.accessTokenEnc, key))) {
      const category = t.category.toLowerCase()
      if (category !== 'marketing' && category !== 'utility' && category !== 'authentication') continue
      await upsertTemplate(db, workspaceId, { ...t, category, wabaId: channel.wabaId })
      count += 1
    }
  }
  return count
}
