import { randomUUID } from 'node:crypto'
import type { Dirent } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import type { MediaStorage } from './storage'

/**
 * Media on local disk, under `<DATA_DIR>/media`. A write goes to a temporary file that is renamed
 * into place, so a reader never sees half a file and a crash leaves no truncated media behind.
 */
export class LocalDiskStorage implements MediaStorage {
  readonly kind = 'local'
  private readonly root: string

  constructor(root: string) {
    this.root = resolve(root)
  }

  async put(key: string, bytes: Uint8Array, _contentType?: string): Promise<void> {
    const path = this.pathOf(key)
    await mkdir(dirname(path), { recursive: true })
    const temp = `${path}.${randomUUID()}.tmp`
    await writeFile(temp, bytes)
    await rename(temp, path)
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(this.pathOf(key)))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true })
  }

  async list(prefix: string): Promise<string[]> {
    let entries: Dirent[]
    try {
      entries = await readdir(this.root, { recursive: true, withFileTypes: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
    return entries
      .filter((e) => e.isFile() && !e.name.endsWith('.tmp'))
      .map((e) => relative(this.root, join(e.parentPath, e.name)).split(sep).join('/'))
      .filter((key) => key.startsWith(prefix))
      .sort()
  }

  /** Keys are ours, but a key must still never step out of the media folder. */
  private pathOf(key: string): string {
    const path = resolve(this.root, key)
    const rel = relative(this.root, path)
    if (!key || rel.startsWith('..') || rel === '' || resolve(join(this.root, rel)) !== path)
      throw new Error('media key outside the media folder')
    return path
  }
}
