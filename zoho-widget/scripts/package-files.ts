import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { zipSync } from 'fflate'
import type { PackageFile } from './pack-rules'

export interface PackageFileWithContent extends PackageFile {
  content: Buffer
}

/** Every file under `<project>/app`, with its project-relative path (what zet would zip). */
export function readPackage(project: string): PackageFileWithContent[] {
  const app = join(project, 'app')
  return readdirSync(app, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = join(entry.parentPath, entry.name)
      const content = readFileSync(full)
      return { path: relative(project, full).split(sep).join('/'), bytes: content.byteLength, content }
    })
    .sort((a, b) => a.path.localeCompare(b.path))
}

/** The upload zip: entries keep their `app/` prefix, as `zet pack` writes them. */
export function buildZip(files: PackageFileWithContent[]): Uint8Array {
  // A fixed date keeps the zip byte-identical for the same build.
  const mtime = new Date('2026-01-01T00:00:00Z')
  return zipSync(Object.fromEntries(files.map((f) => [f.path, [new Uint8Array(f.content), { mtime }]])), {
    level: 9,
  })
}
