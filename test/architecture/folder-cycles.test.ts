import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { cruise, type ICruiseOptions, type IModule } from 'dependency-cruiser'
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options'
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config'
import { beforeAll, describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')
const source = 'backend/src'

/** Files allowed past MAX_LINES: data tables, not logic. */
const LONG_FILES = new Set([
  'intelligence/intent-lexicon.ts',
  'intelligence/sentiment-lexicon.ts',
  'automation/rules/default-pack.ts',
  // The HubSpot connector is split by the CRM provider reshape (issue 10, point 1); drop this
  // entry when that lands.
  'crm/hubspot/hubspot-connector.ts',
])
const MAX_LINES = 400

async function cruiseModules(baseDir: string): Promise<{ modules: IModule[]; violations: string[] }> {
  const options: ICruiseOptions = await extractDepcruiseOptions(join(root, '.dependency-cruiser.cjs'))
  const result = await cruise(
    [source],
    { ...options, baseDir },
    {},
    { tsConfig: extractTSConfig(join(root, 'tsconfig.json')) },
  )
  if (typeof result.output === 'string') throw new Error('dependency-cruiser returned a report, not a result')
  const { modules, summary } = result.output
  const violations = summary.violations.map(
    (v) => `${v.rule.name}: ${[v.from, v.to, ...(v.cycle ?? []).map((c) => c.name)].join(' → ')}`,
  )
  return { modules, violations }
}

/** `backend/src/<folder>/…` → `<folder>`; files at the root of backend/src stand for themselves. */
function topFolder(path: string): string | null {
  if (!path.startsWith(`${source}/`)) return null
  return path.slice(source.length + 1).split('/')[0] ?? null
}

/**
 * Loops between top-level folders, each shown by the imports that close it. dependency-cruiser's
 * folder scope treats every subfolder as its own node, so `a/x → b/y → a/inner/z` slips past it;
 * collapsing the module graph to top-level folders first (a few lines) catches those too.
 */
function folderLoops(modules: IModule[]): string[][] {
  const edges = new Map<string, Map<string, string>>()
  for (const m of modules) {
    const from = topFolder(m.source)
    if (!from) continue
    for (const d of m.dependencies) {
      const to = topFolder(d.resolved)
      if (!to || to === from) continue
      const out = edges.get(from) ?? new Map<string, string>()
      if (!out.has(to)) out.set(to, `${m.source} → ${d.resolved}`)
      edges.set(from, out)
    }
  }
  const reaches = (start: string, goal: string): string[] | null => {
    const seen = new Set<string>()
    const walk = (node: string, path: string[]): string[] | null => {
      for (const [next, via] of edges.get(node) ?? []) {
        if (next === goal) return [...path, via]
        if (seen.has(next)) continue
        seen.add(next)
        const found = walk(next, [...path, via])
        if (found) return found
      }
      return null
    }
    return walk(start, [])
  }
  const loops = new Map<string, string[]>()
  for (const folder of [...edges.keys()].sort()) {
    const loop = reaches(folder, folder)
    if (!loop) continue
    const members = loop.map((step) => topFolder(step.split(' → ')[0] ?? '')).sort()
    if (!loops.has(members.join(','))) loops.set(members.join(','), loop)
  }
  return [...loops.values()]
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name))
}

describe('backend folder layering', () => {
  let modules: IModule[] = []
  let violations: string[] = []
  beforeAll(async () => {
    ;({ modules, violations } = await cruiseModules(root))
  }, 60_000)

  it('keeps every dependency-cruiser rule: no folder loops, bottom layers stay down, HTTP stays in api/', () => {
    expect(modules.length).toBeGreaterThan(100)
    expect(violations).toEqual([])
  })

  it('has no import loop between top-level folders, even through subfolders', () => {
    expect(folderLoops(modules)).toEqual([])
  })

  it('has no source file over 400 lines except the listed data tables', () => {
    const base = join(root, source)
    const long = sourceFiles(base)
      .map((file) => ({
        file: file.slice(base.length + 1),
        lines: readFileSync(file, 'utf8').split('\n').length - 1,
      }))
      .filter((f) => f.lines > MAX_LINES && !LONG_FILES.has(f.file))
    expect(long).toEqual([])
  })
})

describe('the layering check itself', () => {
  it('catches a folder loop, directly and through a subfolder', async () => {
    const { modules, violations } = await cruiseModules(join(import.meta.dirname, 'fixtures/folder-loops'))
    expect(violations).toEqual([
      expect.stringMatching(/^no-folder-cycles: backend\/src\/a → backend\/src\/b/),
      expect.stringMatching(/^no-folder-cycles: backend\/src\/b → backend\/src\/a/),
    ])
    expect(folderLoops(modules).map((loop) => loop.map((step) => step.split(' → ')[0]))).toEqual([
      ['backend/src/a/x.ts', 'backend/src/b/y.ts'],
      ['backend/src/c/x.ts', 'backend/src/d/y.ts'],
    ])
  }, 60_000)
})
