import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LocalDiskStorage } from '../../backend/src/media/local-disk-storage'
import { S3Storage } from '../../backend/src/media/s3-storage'
import type { MediaStorage } from '../../backend/src/media/storage'
import { type S3Server, startS3Server } from '../support/s3-server'

const stores: Record<string, () => Promise<{ storage: MediaStorage; close(): Promise<void> }>> = {
  'local disk': async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scrm-disk-'))
    return { storage: new LocalDiskStorage(dir), close: () => rm(dir, { recursive: true, force: true }) }
  },
  's3-compatible (s3rver)': async () => {
    const server: S3Server = await startS3Server()
    const storage = new S3Storage({
      bucket: server.bucket,
      region: 'us-east-1',
      endpoint: server.endpoint,
      forcePathStyle: true,
      accessKeyId: server.accessKeyId,
      secretAccessKey: server.secretAccessKey,
      prefix: 'install-1',
    })
    return {
      storage,
      async close() {
        storage.destroy()
        await server.close()
      },
    }
  },
}

describe.each(Object.keys(stores))('media storage: %s', (name) => {
  let storage: MediaStorage
  let close: () => Promise<void>
  beforeAll(async () => {
    ;({ storage, close } = await (stores[name] as () => ReturnType<(typeof stores)['local disk']>)())
  })
  afterAll(async () => close?.())

  const bytes = (n: number, fill = 7) => new Uint8Array(n).fill(fill)

  it('gives back exactly what was put, and null for what was not', async () => {
    const big = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 31) % 251)
    await storage.put('ws-1/obj-1/file', big, 'image/jpeg')
    await storage.put('ws-1/obj-1/thumb', bytes(10), 'image/jpeg')
    expect(Buffer.from((await storage.get('ws-1/obj-1/file')) as Uint8Array).equals(Buffer.from(big))).toBe(
      true,
    )
    expect(await storage.get('ws-1/obj-2/file')).toBeNull()
  })

  it('overwrites in place and lists keys by prefix', async () => {
    await storage.put('ws-2/obj-1/file', bytes(5, 1), 'application/pdf')
    await storage.put('ws-2/obj-1/file', bytes(6, 2), 'application/pdf')
    await storage.put('ws-2/obj-2/file', bytes(1), 'audio/ogg')
    expect(await storage.get('ws-2/obj-1/file')).toEqual(bytes(6, 2))
    expect(await storage.list('ws-2/')).toEqual(['ws-2/obj-1/file', 'ws-2/obj-2/file'])
    expect(await storage.list('ws-2/obj-2')).toEqual(['ws-2/obj-2/file'])
    expect(await storage.list('ws-9/')).toEqual([])
  })

  it('deletes, and deleting twice is not an error', async () => {
    await storage.put('ws-3/obj-1/file', bytes(3), 'image/jpeg')
    await storage.delete('ws-3/obj-1/file')
    await storage.delete('ws-3/obj-1/file')
    expect(await storage.get('ws-3/obj-1/file')).toBeNull()
    expect(await storage.list('ws-3/')).toEqual([])
  })
})

describe('local disk storage', () => {
  it('never writes outside its folder and leaves no temporary files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scrm-disk-'))
    const storage = new LocalDiskStorage(join(dir, 'media'))
    await expect(storage.put('../escape', new Uint8Array(1), 'text/plain')).rejects.toThrow(/outside/)
    await expect(storage.get('/etc/passwd')).rejects.toThrow(/outside/)
    await storage.put('a/b/file', new Uint8Array(4), 'image/jpeg')
    expect(await readdir(join(dir, 'media', 'a', 'b'))).toEqual(['file'])
    await rm(dir, { recursive: true, force: true })
  })
})
