import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_FILE_BYTES, type PackageFile, packageProblems, startPageProblems } from '../scripts/pack-rules'
import { buildZip, readPackage } from '../scripts/package-files'

const project = join(import.meta.dirname, '..')
const root = join(project, '..')
const bin = (name: string) => join(root, 'node_modules', '.bin', name)
const good: PackageFile[] = [
  { path: 'app/widget.html', bytes: 600 },
  { path: 'app/assets/widget-CL9bYKwC.js', bytes: 150_000 },
  { path: 'app/assets/widget-BG2JMxjf.css', bytes: 3_000 },
  { path: 'app/translations/en.json', bytes: 2 },
]

describe('zet pack rules', () => {
  it('accepts a package zet would take unchanged', () => {
    expect(packageProblems(good)).toEqual([])
  })

  it.each([
    ['a source map', { path: 'app/assets/widget.js.map', bytes: 10 }, '".map" files are not allowed'],
    ['TypeScript sources', { path: 'app/main.ts', bytes: 10 }, '".ts" files are not allowed'],
    ['a file outside app/', { path: 'server/index.js', bytes: 10 }, 'only files under app/'],
    [
      'a space in a file name',
      { path: 'app/my file.js', bytes: 10 },
      'file name "my file.js" is not allowed',
    ],
    ['a non-ASCII file name', { path: 'app/ícone.png', bytes: 10 }, 'is not allowed'],
    ['a dot in a folder name', { path: 'app/v1.2/a.js', bytes: 10 }, 'folder name "v1.2" is not allowed'],
    ['a file over 5 MB', { path: 'app/big.mp4', bytes: MAX_FILE_BYTES + 1 }, 'more than 5 MB'],
    ['a file without extension', { path: 'app/LICENSE', bytes: 10 }, '"(none)" files are not allowed'],
    ['a name over 250 characters', { path: `app/${'a'.repeat(248)}.js`, bytes: 10 }, 'longer than 250'],
  ])('refuses %s', (_what, file, problem) => {
    const problems = packageProblems([...good, file])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain(problem)
  })

  it('refuses more than 250 files and a package without its start page', () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ path: `app/assets/chunk-${i}.js`, bytes: 1 }))
    expect(packageProblems([...good, ...many])[0]).toBe('254 files: at most 250 are allowed.')
    expect(packageProblems(good.slice(1))).toEqual(['app/widget.html is missing.'])
  })

  it('refuses a start page with absolute asset URLs or without the pinned SDK', () => {
    const sdk = '<script src="https://live.zwidgets.com/js-sdk/1.2/ZohoEmbededAppSDK.min.js"></script>'
    expect(startPageProblems(`${sdk}<script src="./assets/a.js"></script>`)).toEqual([])
    expect(startPageProblems(`${sdk}<script src="/assets/a.js"></script>`)).toEqual([
      'app/widget.html loads "/assets/a.js": assets must use relative URLs (./...).',
    ])
    expect(startPageProblems('<script src="./assets/a.js"></script>')).toEqual([
      "app/widget.html does not load Zoho's embedded-app SDK at a pinned version.",
    ])
  })
})

describe('npm run zoho:pack', () => {
  let work: string
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'zoho-pack-'))
  })
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  const build = (outDir: string, env: Record<string, string> = {}) =>
    execFileSync(bin('vite'), ['build', '--logLevel', 'error'], {
      cwd: project,
      env: {
        ...process.env,
        SCRM_ZOHO_OUT_DIR: outDir,
        SCRM_BACKEND_URL: 'https://scrm.example.com',
        ...env,
      },
    })

  it('builds app/ with relative URLs and no source maps, and zips only app/**', () => {
    const copy = join(work, 'good')
    build(join(copy, 'app'))
    const files = readPackage(copy)
    expect(files.map((f) => f.path)).toContain('app/widget.html')
    expect(files.some((f) => f.path.endsWith('.map'))).toBe(false)
    expect(packageProblems(files)).toEqual([])
    const html = readFileSync(join(copy, 'app', 'widget.html'), 'utf8')
    expect(startPageProblems(html)).toEqual([])
    const js = files.find((f) => f.path.endsWith('.js'))
    const code = js?.content.toString('utf8') ?? ''
    expect(code.includes('https://scrm.example.com'), 'the backend URL is baked in').toBe(true)
    expect(code.includes('sourceMappingURL'), 'no source map reference').toBe(false)
    const zip = unzipSync(buildZip(files))
    expect(Object.keys(zip).sort()).toEqual(files.map((f) => f.path).sort())
    expect(Buffer.from(zip['app/widget.html'] as Uint8Array).toString('utf8')).toBe(html)
  })

  it('writes the zip for a good build and refuses a bad one without writing it', () => {
    const copy = join(work, 'cli')
    build(join(copy, 'app'))
    const pack = (env: Record<string, string>) =>
      spawnSync(bin('tsx'), [join(project, 'scripts', 'pack.ts'), copy], {
        cwd: root,
        env: { ...process.env, SCRM_BACKEND_URL: 'https://scrm.example.com', ...env },
        encoding: 'utf8',
      })
    const zipPath = join(copy, 'dist', 'zoho-widget.zip')

    writeFileSync(join(copy, 'app', 'assets', 'widget.js.map'), '{}')
    const refused = pack({})
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain('app/assets/widget.js.map: ".map" files are not allowed')
    expect(existsSync(zipPath)).toBe(false)
    rmSync(join(copy, 'app', 'assets', 'widget.js.map'))

    const insecure = pack({ SCRM_BACKEND_URL: 'http://scrm.example.com' })
    expect(insecure.status).toBe(1)
    expect(insecure.stderr).toContain('must use https')

    const done = pack({})
    expect(done.stderr).toBe('')
    expect(done.status).toBe(0)
    expect(Object.keys(unzipSync(readFileSync(zipPath))).every((p) => p.startsWith('app/'))).toBe(true)
  })
})
