import { type SQL, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client'
import { queryRows } from '../../db/query-rows'

/** One table of the product's schema as a backup sees it. */
export interface CatalogTable {
  name: string
  /** Columns a backup carries and a restore writes (generated columns are left to the database). */
  columns: string[]
  primaryKey: string[]
  /** Identity columns, whose sequence a restore moves past the restored ids. */
  identityColumns: string[]
  /** Parents first: a restore that keeps foreign keys checked inserts in this order. */
  order: number
}

type ColumnRow = { table: string; column: string; generated: boolean; identity: boolean; pk: boolean }
type ForeignKeyRow = { child: string; parent: string; child_columns: string[]; parent_columns: string[] }

/**
 * Reads the tables, columns, keys and foreign keys of the public schema from the database itself,
 * so a table added by a later migration is backed up without anyone listing it here.
 */
export async function readCatalog(
  db: Executor,
): Promise<{ tables: CatalogTable[]; foreignKeys: ForeignKeyRow[] }> {
  const columns = await queryRows<ColumnRow>(
    db,
    sql`select c.relname as table, a.attname as column, a.attgenerated <> '' as generated,
               a.attidentity <> '' as identity,
               coalesce(a.attnum = any (i.indkey::int2[]), false) as pk
          from pg_class c
          join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
          join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
          left join pg_index i on i.indrelid = c.oid and i.indisprimary
         where c.relkind in ('r', 'p')
         order by c.relname, a.attnum`,
  )
  const foreignKeys = await queryRows<ForeignKeyRow>(
    db,
    sql`select cl.relname as child, pl.relname as parent,
               array(select a.attname::text from unnest(k.conkey) with ordinality u(n, o)
                       join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.o) as child_columns,
               array(select a.attname::text from unnest(k.confkey) with ordinality u(n, o)
                       join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.o) as parent_columns
          from pg_constraint k
          join pg_class cl on cl.oid = k.conrelid
          join pg_class pl on pl.oid = k.confrelid
         where k.contype = 'f' and k.connamespace = 'public'::regnamespace`,
  )
  const byTable = new Map<string, ColumnRow[]>()
  for (const row of columns) byTable.set(row.table, [...(byTable.get(row.table) ?? []), row])
  const order = topologicalOrder([...byTable.keys()], foreignKeys)
  const tables = [...byTable.entries()].map(([name, cols]) => ({
    name,
    columns: cols.filter((c) => !c.generated).map((c) => c.column),
    primaryKey: cols.filter((c) => c.pk).map((c) => c.column),
    identityColumns: cols.filter((c) => c.identity).map((c) => c.column),
    order: order.get(name) ?? 0,
  }))
  tables.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))
  return { tables, foreignKeys }
}

function topologicalOrder(names: string[], foreignKeys: ForeignKeyRow[]): Map<string, number> {
  const depth = new Map<string, number>()
  const visiting = new Set<string>()
  const visit = (name: string): number => {
    const known = depth.get(name)
    if (known !== undefined) return known
    if (visiting.has(name)) return 0 // a cycle (or a self reference) is ordered within one statement
    visiting.add(name)
    const parents = foreignKeys.filter((fk) => fk.child === name && fk.parent !== name)
    const d = parents.reduce((max, fk) => Math.max(max, visit(fk.parent) + 1), 0)
    visiting.delete(name)
    depth.set(name, d)
    return d
  }
  for (const name of names) visit(name)
  return depth
}

/**
 * The condition that keeps a table's rows to one workspace: its own `workspace_id`, or the first
 * foreign key that leads (through any number of tables) to one that has it. Null for tables that
 * belong to no workspace (raw deliveries shared by tenants, global rate slots): a workspace backup
 * leaves those out.
 */
export function workspaceFilter(
  table: CatalogTable,
  catalog: { tables: CatalogTable[]; foreignKeys: ForeignKeyRow[] },
  workspaceId: string,
  seen: Set<string> = new Set(),
): SQL | null {
  if (table.name === 'workspaces') return sql`id = ${workspaceId}::uuid`
  if (table.columns.includes('workspace_id')) return sql`workspace_id = ${workspaceId}::uuid`
  seen.add(table.name)
  for (const fk of catalog.foreignKeys.filter(
    (f) => f.child === table.name && f.child_columns.length === 1,
  )) {
    const parent = catalog.tables.find((t) => t.name === fk.parent)
    if (!parent || seen.has(parent.name)) continue
    const parentFilter = workspaceFilter(parent, catalog, workspaceId, new Set(seen))
    if (!parentFilter) continue
    const childColumn = sql.identifier(fk.child_columns[0] as string)
    const parentColumn = sql.identifier(fk.parent_columns[0] as string)
    return sql`${childColumn} in (select ${parentColumn} from ${sql.identifier(parent.name)} where ${parentFilter})`
  }
  return null
}

/** `"a", "b"`: quoted column names for a select list, a key tuple or an insert. */
export function identifierList(names: string[]): SQL {
  return sql.join(
    names.map((c) => sql`${sql.identifier(c)}`),
    sql`, `,
  )
}
