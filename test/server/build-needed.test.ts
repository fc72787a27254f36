import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildInputs, buildNeeded } from '../../backend/scripts/build.mjs'

describe('when npm start compiles first', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scrm-build-needed-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const src = join(dir, 'src')
  const stamp = join(dir, 'dist', 'build-info.json')
  const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds)

  it('builds when there is no build, rebuilds when a source or folder is newer, and not otherwise', () => {
    mkdirSync(join(src, 'db'), { recursive: true })
    writeFileSync(join(src, 'server.ts'), '')
    writeFileSync(join(src, 'db', 'migrate.ts'), '')
    for (const p of [join(src, 'server.ts'), join(src, 'db', 'migrate.ts'), join(src, 'db'), src]) at(p, 1000)
    expect(buildNeeded([src], stamp)).toBe('missing')

    mkdirSync(join(dir, 'dist'))
    writeFileSync(stamp, '{}')
    at(stamp, 2000)
    expect(buildNeeded([src], stamp)).toBeNull()

    at(join(src, 'db', 'migrate.ts'), 3000)
    expect(buildNeeded([src], stamp)).toBe('stale')
    at(join(src, 'db', 'migrate.ts'), 1000)

    // A deleted source leaves nothing newer but its folder: the folder's time counts too.
    unlinkSync(join(src, 'server.ts'))
    expect(buildNeeded([src], stamp)).toBe('stale')
  })

  it('watches the backend and shared sources and the package files', () => {
    const inputs = buildInputs().map((p: string) => p.replaceAll('\\', '/'))
    expect(inputs.some((p: string) => p.endsWith('backend/src'))).toBe(true)
    expect(inputs.some((p: string) => p.endsWith('shared/src'))).toBe(true)
    expect(inputs.some((p: string) => p.endsWith('backend/package.json'))).toBe(true)
  })
})
