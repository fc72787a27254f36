import { sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'
import { byPosition, type CompiledRule, compileRule } from './compiled-rule'
import { seedDefaultPack } from './seed'

/**
 * The enabled rules of the workspaces in a batch. Read from the database on every batch (one
 * small statement), so a rule saved through the API applies to the very next message in every
 * process; parsing and compiling is cached per (rule id, updated_at), which is what costs.
 */

const compiled = new Map<string, { stamp: number; rule: CompiledRule | null }>()
const CACHE_MAX = 10_000

type Row = {
  workspace_id: string
  pack: unknown
  id: string | null
  key: string | null
  name: string | null
  position: number | null
  updated_at: string | Date | null
  definition: unknown
}

export async function loadEnabledRules(
  tx: Executor,
  workspaceIds: string[],
): Promise<Map<string, CompiledRule[]>> {
  const out = new Map<string, CompiledRule[]>()
  if (workspaceIds.length === 0) return out
  let rows = await query(tx, workspaceIds)
  // Workspaces from before the rules engine get the default pack on first use; new ones get it
  // when they are created. The marker keeps a deliberately emptied workspace empty.
  const unseeded = [...new Set(rows.filter((r) => r.pack === null).map((r) => r.workspace_id))]
  if (unseeded.length > 0) {
    for (const id of unseeded.sort()) await seedDefaultPack(tx, id)
    rows = await query(tx, workspaceIds)
  }
  for (const id of workspaceIds) out.set(id, [])
  for (const r of rows) {
    if (r.id === null || r.key === null || r.updated_at === null) continue
    const rule = compiledRule(r)
    if (rule) out.get(r.workspace_id)?.push(rule)
  }
  for (const list of out.values()) list.sort(byPosition)
  return out
}

function query(tx: Executor, workspaceIds: string[]): Promise<Row[]> {
  return queryRows<Row>(
    tx,
    sql`
    select w.id as workspace_id, w.settings -> 'rules_pack' as pack, r.id, r.key, r.name, r.position,
      r.updated_at, r.definition
    from workspaces w
    left join rules r on r.workspace_id = w.id and r.enabled
    where w.id in (select jsonb_array_elements_text(${JSON.stringify(workspaceIds)}::jsonb)::uuid)`,
  )
}

function compiledRule(r: Row): CompiledRule | null {
  const id = r.id as string
  const stamp = new Date(r.updated_at as string | Date).getTime()
  const hit = compiled.get(id)
  if (hit && hit.stamp === stamp) return hit.rule
  let rule: CompiledRule | null
  try {
    rule = compileRule({
      id,
      workspaceId: r.workspace_id,
      key: r.key as string,
      name: r.name ?? (r.key as string),
      position: Number(r.position ?? 100),
      enabled: true,
      definition: r.definition,
    })
  } catch {
    // Only the API writes definitions, validated; one that no longer parses (a definition format
    // change) is skipped rather than stopping every message of the workspace.
    rule = null
  }
  if (compiled.size >= CACHE_MAX) compiled.clear()
  compiled.set(id, { stamp, rule })
  return rule
}
